import { applyVariantChange } from './applyVariantChange.js';
import { currentFormFields } from './formFields.js';
import { formReferences } from './formReferences.js';
import { latestVersion, versionsOf, type Registry, type RegistryEntry } from './loadRegistry.js';
import { nearestName } from './nearestName.js';
import { protectionNeedAnswers, type ProtectionNeedAnswer } from './protectionNeedAnswers.js';
import { registryTexts as texts } from './registryTexts.js';
import type { Invariant, Problem, ProtocolFile, ResolvedProtocol, VariantFile } from './types.js';

export type ResolveResult = { ok: true; protocol: ResolvedProtocol } | { ok: false; problems: Problem[] };

const REF = /^([a-z][a-z0-9-]*)(?:@([1-9][0-9]*))?$/;

/**
 * A complete, self-contained protocol version from the registry: "id@version", or "id" for its
 * latest version. A protocol gets its forms embedded and its invariants in force computed (the
 * shared ones whose appliesTo names its population or "any", those it lists, and its own). A
 * national variant resolves its base first (which may itself be a variant), then applies its
 * changes in order; it takes the variant's id, version, jurisdiction and title, records its
 * `base`, and keeps the base's population and invariants: a variant never drops a regional one.
 *
 * Nothing is shared with the registry: the result can be stored and changed freely.
 *
 * @example
 *   const r = resolveProtocol(registry, 'child-repatriation-gt@1');
 *   if (!r.ok) for (const p of r.problems) console.error(p.message, '->', p.hint);
 */
export function resolveProtocol(registry: Registry, ref: string): ResolveResult {
  return resolve(registry, ref, [], undefined);
}

/** @param from the variant whose base is being resolved, to point its problems at its `base`. */
function resolve(
  registry: Registry,
  ref: string,
  chain: string[],
  from: RegistryEntry<VariantFile> | undefined,
): ResolveResult {
  const m = REF.exec(ref);
  const at = from ? { file: from.path, pointer: '/base' } : { pointer: '' };
  if (!m) {
    return fail({
      code: 'bad-protocol-ref',
      location: at,
      ...texts.badProtocolRef(ref),
    });
  }
  const id = m[1]!;
  const version = m[2] !== undefined ? Number(m[2]) : latestVersion(registry, id);
  const key = `${id}@${version ?? '?'}`;
  const protocol = registry.protocols.get(key);
  const variant = registry.variants.get(key);
  if (!protocol && !variant) return fail(notFound(registry, id, version, key, at, from));
  if (chain.includes(key)) {
    const cycle = [...chain.slice(chain.indexOf(key)), key].join(' -> ');
    return fail({
      code: 'variant-cycle',
      location: { file: from?.path ?? variant?.path ?? '', pointer: '/base' },
      ...texts.variantCycle(cycle),
    });
  }
  return protocol ? resolvePlain(registry, protocol) : resolveVariant(registry, variant!, [...chain, key]);
}

function notFound(
  registry: Registry,
  id: string,
  version: number | undefined,
  key: string,
  at: Problem['location'],
  from: RegistryEntry<VariantFile> | undefined,
): Problem {
  const variant = from ? `${from.file.id}@${from.file.version}` : undefined;
  const code = from ? 'missing-base' : 'unknown-protocol';
  const rejectedIn = registry.rejected.get(key);
  if (rejectedIn !== undefined) {
    return {
      code: from ? 'missing-base' : 'invalid-protocol',
      location: { ...at, file: at.file ?? rejectedIn },
      ...texts.notFound.rejected(variant, key, rejectedIn),
    };
  }
  const versions = versionsOf(registry, id);
  if (versions.length > 0) {
    return {
      code: from ? 'missing-base' : 'unknown-version',
      location: at,
      ...texts.notFound.version(variant, key, id, version, versions),
    };
  }
  const ids = [
    ...new Set([...registry.protocols.values(), ...registry.variants.values()].map((e) => e.file.id)),
  ].sort();
  const near = nearestName(id, ids);
  return {
    code,
    location: at,
    ...texts.notFound.protocol(variant, key, id, near, ids),
  };
}

function resolvePlain(registry: Registry, entry: RegistryEntry<ProtocolFile>): ResolveResult {
  const { $schema: _schema, ...file } = structuredClone(entry.file);
  const problems: Problem[] = [];
  const resolved: ResolvedProtocol = { ...file, forms: {}, invariantsInForce: [] };

  const shared = registry.invariants.filter(
    (inv) => inv.appliesTo.includes('any') || inv.appliesTo.includes(file.population),
  );
  const inForce: Invariant[] = shared.map(
    ({ appliesTo: _appliesTo, ...inv }) => structuredClone(inv) as Invariant,
  );
  (file.invariants ?? []).forEach((id, i) => {
    if (inForce.some((inv) => inv.id === id)) return;
    const inv = registry.invariants.find((x) => x.id === id);
    if (!inv) {
      const near = nearestName(
        id,
        registry.invariants.map((x) => x.id),
      );
      problems.push({
        code: 'unknown-invariant',
        location: { file: entry.path, pointer: `/invariants/${i}` },
        ...texts.unknownInvariant(
          `${file.id}@${file.version}`,
          id,
          near,
          registry.invariants.map((x) => x.id),
        ),
      });
      return;
    }
    const { appliesTo: _appliesTo, ...own } = structuredClone(inv);
    inForce.push(own as Invariant);
  });
  inForce.push(...structuredClone(file.ownInvariants ?? []));
  resolved.invariantsInForce = inForce;

  problems.push(...embedForms(registry, resolved, entry.path));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, protocol: resolved };
}

function resolveVariant(
  registry: Registry,
  entry: RegistryEntry<VariantFile>,
  chain: string[],
): ResolveResult {
  const variant = entry.file;
  const base = resolve(registry, variant.base, chain, entry);
  if (!base.ok) return base;
  const resolved = base.protocol;
  resolved.id = variant.id;
  resolved.version = variant.version;
  resolved.jurisdiction = variant.jurisdiction;
  resolved.title = structuredClone(variant.title);
  if (variant.description) resolved.description = structuredClone(variant.description);
  resolved.base = variant.base;

  const problems: Problem[] = [];
  const protectedFields = sensitiveFields(resolved);
  const protectionNeed = protectionNeedAnswers(resolved);
  variant.changes.forEach((change, index) => {
    problems.push(...applyVariantChange(resolved, change, { file: entry.path, index }));
  });
  problems.push(...embedForms(registry, resolved, entry.path));
  problems.push(...weakenedProtection(protectedFields, resolved, entry.path));
  problems.push(...droppedProtectionNeed(protectionNeed, resolved, entry.path));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, protocol: resolved };
}

/** The x-sensitive fields of each form, with whether each may cross a border (x-shareable). */
function sensitiveFields(protocol: ResolvedProtocol): Map<string, Map<string, boolean>> {
  const out = new Map<string, Map<string, boolean>>();
  for (const [formId, form] of Object.entries(protocol.forms)) {
    const fields = new Map<string, boolean>();
    for (const f of currentFormFields(form)) if (f.sensitive) fields.set(f.path, f.shareable);
    out.set(formId, fields);
  }
  return out;
}

/**
 * A national variant may add protection to a victim's data, never take it away: a field its base
 * marks x-sensitive stays so (while the variant keeps the field), and does not become x-shareable
 * when the base kept it in the country.
 */
function weakenedProtection(
  before: Map<string, Map<string, boolean>>,
  variant: ResolvedProtocol,
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const [formId, fields] of before) {
    const form = Object.hasOwn(variant.forms, formId) ? variant.forms[formId] : undefined;
    if (!form) continue;
    const now = new Map(currentFormFields(form).map((f) => [f.path, f]));
    for (const [path, wasShareable] of fields) {
      const field = now.get(path);
      if (!field) continue;
      const location = { file, pointer: '/changes', form: formId, field: path };
      if (!field.sensitive)
        problems.push({ code: 'sensitive-unmarked', location, ...texts.sensitiveUnmarked(formId, path) });
      else if (field.shareable && !wasShareable)
        problems.push({
          code: 'sensitive-made-shareable',
          location,
          ...texts.sensitiveMadeShareable(formId, path),
        });
    }
  }
  return problems;
}

/**
 * A national variant may word a protection-need answer its own way, never stop recognising one:
 * each field its base declares x-protectionNeed stays in the form and keeps a declaration, and
 * every answer of the base's declaration the field still offers stays declared.
 */
function droppedProtectionNeed(
  before: ProtectionNeedAnswer[],
  variant: ResolvedProtocol,
  file: string,
): Problem[] {
  const now = protectionNeedAnswers(variant);
  const problems: Problem[] = [];
  for (const was of before) {
    const location = { file, pointer: '/changes', form: was.form, field: was.field };
    const form = Object.hasOwn(variant.forms, was.form) ? variant.forms[was.form] : undefined;
    const field = form ? currentFormFields(form).find((f) => f.path === was.field) : undefined;
    const declared = now.find((a) => a.form === was.form && a.field === was.field);
    if (!field || !declared) {
      problems.push({
        code: 'protection-need-removed',
        location,
        ...texts.protectionNeedRemoved(was.form, was.field, was.values, field !== undefined),
      });
      continue;
    }
    const offered = new Set(field.definitions.flatMap((d) => [...(d.enum ?? []), ...(d.items?.enum ?? [])]));
    for (const value of was.values) {
      if (offered.has(value) && !declared.values.includes(value))
        problems.push({
          code: 'protection-need-removed',
          location,
          ...texts.protectionNeedValueDropped(was.form, was.field, value),
        });
    }
  }
  return problems;
}

/** Embeds every form the statechart names that is not embedded yet; a form the registry lacks is a problem. */
function embedForms(registry: Registry, protocol: ResolvedProtocol, file: string): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const ref of formReferences(protocol.machine)) {
    if (Object.hasOwn(protocol.forms, ref.form)) continue;
    const form = registry.forms.get(ref.form);
    if (form) {
      protocol.forms[ref.form] = structuredClone(form.file);
      continue;
    }
    if (reported.has(ref.form)) continue;
    reported.add(ref.form);
    const near = nearestName(ref.form, [...registry.forms.keys()]);
    problems.push({
      code: 'unknown-form',
      location: { file, pointer: protocol.base ? '/changes' : ref.pointer, state: ref.state, form: ref.form },
      ...texts.unknownFormOfRegistry(
        `${protocol.id}@${protocol.version}`,
        ref.form,
        near,
        [...registry.forms.keys()].sort(),
      ),
    });
  }
  return problems;
}

function fail(problem: Problem): ResolveResult {
  return { ok: false, problems: [problem] };
}
