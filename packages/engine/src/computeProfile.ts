import type { CompiledProtocol } from './compileProtocol.js';
import { evaluateProfile } from './evaluateProfile.js';
import type { CaseProfile } from './types.js';

const FIELDS = ['originCountry', 'sex', 'ageGroup', 'exploitation'] as const;

/**
 * The anonymised profile of a case (for statistics by origin, sex, age group and type of
 * exploitation): each of the protocol's profile mappings evaluated over `{ case: data }`.
 * A mapping that yields nothing (null, "", an object) leaves its field out rather than guess.
 */
export function computeProfile(compiled: CompiledProtocol, data: Record<string, unknown>): CaseProfile {
  const mapping = compiled.protocol.profile;
  const profile: CaseProfile = {};
  if (!mapping) return profile;
  for (const field of FIELDS) {
    const logic = mapping[field];
    if (logic === undefined) continue;
    const v = evaluateProfile(logic, data);
    if (typeof v === 'string' && v !== '') profile[field] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') profile[field] = String(v);
  }
  return profile;
}
