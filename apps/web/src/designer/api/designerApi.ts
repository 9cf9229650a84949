/**
 * The calls the designer makes, one function per endpoint of docs/api.md (protocols, drafts,
 * verification, publication, diff, variants).
 */
import type {
  FormDefinition,
  Invariant,
  Problem,
  ProtocolDiff,
  ProtocolFile,
  ResolvedProtocol,
  Text,
  VariantFile,
} from '@ruta/protocol';
import { ApiError } from '../../api/ApiError.js';
import { request } from '../../api/request.js';

export type DraftFile = ProtocolFile | VariantFile;

/** A regional protocol draft's new or edited forms, by id (variants change forms in their file). */
export type DraftForms = Record<string, FormDefinition>;

export interface Draft {
  id: string;
  file: DraftFile;
  forms: DraftForms;
  revision: number;
  updatedAt: string;
  problems: Problem[];
  /** The invariants the draft must satisfy, as the server resolves them (empty when it does not resolve). */
  invariantsInForce: Invariant[];
}

export interface ProtocolListItem {
  id: string;
  version: number;
  jurisdiction: string;
  title: Text;
  population: string;
  base?: string;
  status: 'published' | 'draft';
  draftId?: string;
  /** A draft's revision, what discarding it as listed expects, and when it was last saved. */
  revision?: number;
  updatedAt?: string;
}

export interface ServerVerification {
  ok: boolean;
  problems: Problem[];
  invariants: { id: string; description: Text; ok: boolean }[];
}

const enc = encodeURIComponent;

export const designerApi = {
  protocols: () => request<ProtocolListItem[]>('GET', '/api/protocols'),
  protocol: (id: string, version: number) =>
    request<ResolvedProtocol>('GET', `/api/protocols/${enc(id)}/versions/${version}`),
  diff: (a: string, b: string) => request<ProtocolDiff>('GET', `/api/protocols/diff?a=${enc(a)}&b=${enc(b)}`),
  drafts: () => request<Draft[]>('GET', '/api/protocol-drafts'),
  draft: (draftId: string) => request<Draft>('GET', `/api/protocol-drafts/${enc(draftId)}`),
  createDraft: (file: DraftFile, forms?: DraftForms) =>
    request<Draft>('POST', '/api/protocol-drafts', { file, ...(forms ? { forms } : {}) }),
  saveDraft: (draftId: string, file: DraftFile, expectedRevision: number, forms?: DraftForms) =>
    request<Draft>('PUT', `/api/protocol-drafts/${enc(draftId)}`, {
      file,
      expectedRevision,
      ...(forms ? { forms } : {}),
    }),
  /** Discards a draft nobody saved since `expectedRevision` (409 stale-revision otherwise). */
  discardDraft: (draftId: string, expectedRevision: number) =>
    request<void>('POST', `/api/protocol-drafts/${enc(draftId)}/discard`, { expectedRevision }),
  verifyDraft: (draftId: string) =>
    request<ServerVerification>('POST', `/api/protocol-drafts/${enc(draftId)}/verify`, {}),
  publishDraft: (draftId: string) =>
    request<ResolvedProtocol>('POST', `/api/protocol-drafts/${enc(draftId)}/publish`, {}),
  deriveVariant: (id: string, version: number, body: { jurisdiction: string; id?: string }) =>
    request<Draft>('POST', `/api/protocols/${enc(id)}/versions/${version}/variants`, body),
};

/** "id@version" of a protocol version. */
export const refOf = (p: { id: string; version: number }) => `${p.id}@${p.version}`;

/** Splits "id@version"; null when it is not one. */
export function parseRef(ref: string): { id: string; version: number } | null {
  const m = /^([a-z0-9][a-z0-9-]*)@([1-9][0-9]*)$/.exec(ref);
  return m ? { id: m[1]!, version: Number(m[2]) } : null;
}

/**
 * Splits "id@version" of a reference the server gave (a variant's base); when it is not one,
 * throws the refusal the server gives such a reference (`bad-ref`), so it is said like one.
 */
export function requireRef(ref: string): { id: string; version: number } {
  const r = parseRef(ref);
  if (!r) throw new ApiError(400, 'bad-ref', `"${ref}" is not id@version.`, [{ ref }]);
  return r;
}
