import type { ProtocolSummary } from '../api/types.js';

/** The protocol family a version belongs to: the regional protocol its chain of bases starts from. */
export function familyOf(ref: { id: string; version: number }, all: ProtocolSummary[]): string {
  let current: ProtocolSummary | undefined = all.find((p) => p.id === ref.id && p.version === ref.version);
  let id = ref.id;
  for (let hops = 0; current?.base && hops < 20; hops++) {
    const [baseId, baseVersion] = current.base.split('@');
    id = baseId ?? id;
    current = all.find((p) => p.id === baseId && String(p.version) === baseVersion);
  }
  return id;
}

/**
 * The protocol a handover will be received under: the receiving country's newest published
 * version of the same family (its national variant), else the family's regional protocol. The
 * server decides the same way; the browser needs it only to show the receiving form.
 */
export function receivingProtocol(
  sent: { id: string; version: number },
  toCountry: string,
  all: ProtocolSummary[],
): { id: string; version: number } | null {
  const family = familyOf(sent, all);
  const published = all.filter((p) => p.status === 'published' && familyOf(p, all) === family);
  const pick = (list: ProtocolSummary[]) => list.sort((a, b) => b.version - a.version)[0] ?? null;
  return (
    pick(published.filter((p) => p.jurisdiction === toCountry)) ??
    pick(published.filter((p) => p.jurisdiction === 'REGIONAL'))
  );
}
