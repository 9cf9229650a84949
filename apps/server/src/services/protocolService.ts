import { createHash } from 'node:crypto';
import { canonicalJson } from '@ruta/engine';
import {
  countryNames,
  diffProtocols,
  exploreStateSpace,
  invariantReport,
  loadRegistry,
  protectionLoweredSince,
  resolveProtocol,
  verifyPassed,
  verifyProtocol,
  type Country,
  type FormDefinition,
  type Invariant,
  type Jurisdiction,
  type ProtocolDiff,
  type ProtocolFile,
  type Problem,
  type ResolvedProtocol,
  type VariantFile,
} from '@ruta/protocol';
import type { DraftRepository } from '../db/repositories/draftRepository.js';
import type { ProtocolRepository } from '../db/repositories/protocolRepository.js';
import type { DraftDoc } from '../db/schemas/draftSchema.js';
import type { ProtocolDoc } from '../db/schemas/protocolSchema.js';
import type { Logger } from 'pino';
import type { Clock, Ids } from '../deps.js';
import { conflict, forbidden, notFound, rejected, userError } from '../errors.js';
import type { SessionUser } from './authService.js';
import type { ProtocolStore } from './protocolStore.js';

export interface ProtocolListItem {
  id: string;
  version: number;
  jurisdiction: Jurisdiction;
  title: { es: string; en: string };
  population: string;
  base?: string;
  status: 'published' | 'draft';
  draftId?: string;
  /** A draft's revision (what discarding it from the list expects) and when it was last saved. */
  revision?: number;
  updatedAt?: string;
}

export interface Verification {
  ok: boolean;
  problems: Problem[];
  invariants: { id: string; description: { es: string; en: string }; ok: boolean }[];
}

export interface DraftView {
  id: string;
  file: ProtocolFile | VariantFile;
  /** A regional protocol draft's new or edited forms, by id. */
  forms: DraftForms;
  revision: number;
  updatedAt: string;
  problems: Problem[];
  /** The invariants the draft must satisfy as it resolves now (empty when it does not resolve). */
  invariantsInForce: Invariant[];
}

type DraftFile = ProtocolFile | VariantFile;
type DraftForms = Record<string, FormDefinition>;

/**
 * Protocol versions: published ones are immutable; drafts are edited with a revision number
 * (stale revision: 409), verified, and published as a new version once they verify. Drafts
 * resolve against the shipped files plus the published versions they derive from.
 */
export class ProtocolService {
  private readonly verified = new Map<string, Verification>();

  constructor(
    private readonly d: {
      repo: ProtocolRepository;
      drafts: DraftRepository;
      store: ProtocolStore;
      shippedFiles: () => { path: string; text: string }[];
      clock: Clock;
      ids: Ids;
      logger: Logger;
    },
  ) {}

  /** Published versions, plus the drafts of the caller's jurisdiction for designers. */
  async list(user: SessionUser): Promise<ProtocolListItem[]> {
    const published: ProtocolListItem[] = (await this.d.repo.list()).map((p) => ({
      id: p.protocolId,
      version: p.version,
      jurisdiction: p.jurisdiction,
      title: p.title,
      population: p.population,
      ...(p.base ? { base: p.base } : {}),
      status: 'published',
    }));
    if (user.role !== 'designer') return published;
    const drafts = (await this.d.drafts.listFor(user.country)).map((dr): ProtocolListItem => {
      const file = JSON.parse(dr.file) as DraftFile;
      return {
        id: dr.fileId,
        version: dr.fileVersion,
        jurisdiction: dr.jurisdiction,
        title: file.title,
        population: file.kind === 'protocol' ? file.population : '',
        ...(file.kind === 'variant' ? { base: file.base } : {}),
        status: 'draft',
        draftId: dr._id,
        revision: dr.revision,
        updatedAt: dr.updatedAt,
      };
    });
    return [...published, ...drafts];
  }

  async getVersion(id: string, version: number): Promise<ResolvedProtocol> {
    return (await this.d.store.get(id, version)).resolved;
  }

  /** Verification of a published version (computed once: the version never changes). */
  async verifyVersion(id: string, version: number): Promise<Verification> {
    const key = `${id}@${version}`;
    const hit = this.verified.get(key);
    if (hit) return hit;
    const result = verification((await this.d.store.get(id, version)).resolved);
    this.verified.set(key, result);
    return result;
  }

  async diff(a: string, b: string): Promise<ProtocolDiff> {
    const [pa, pb] = await Promise.all([this.byRef(a, 'a'), this.byRef(b, 'b')]);
    return diffProtocols(pa, pb);
  }

  async createDraft(
    user: SessionUser,
    file: Record<string, unknown>,
    forms: Record<string, unknown> = {},
  ): Promise<DraftView> {
    const checked = checkDraftFile(user, file);
    const ownForms = checkDraftForms(checked, forms);
    await this.checkIdIsFree(checked);
    await this.checkNobodyElseDrafts(checked);
    const analysis = await this.analyse(checked, ownForms);
    const now = this.d.clock();
    const doc: DraftDoc = {
      _id: this.d.ids(),
      jurisdiction: checked.jurisdiction,
      fileId: checked.id,
      fileVersion: checked.version,
      kind: checked.kind,
      file: JSON.stringify(checked),
      forms: JSON.stringify(ownForms),
      revision: 1,
      problems: JSON.stringify(analysis.problems),
      invariants: JSON.stringify(analysis.invariantsInForce),
      createdBy: user.id,
      updatedBy: user.id,
      createdAt: now,
      updatedAt: now,
    };
    await this.d.drafts.insert(doc);
    return draftView(doc);
  }

  async listDrafts(user: SessionUser): Promise<DraftView[]> {
    return Promise.all((await this.d.drafts.listFor(user.country)).map((doc) => this.view(doc)));
  }

  async getDraft(user: SessionUser, draftId: string): Promise<DraftView> {
    return this.view(await this.ownDraft(user, draftId));
  }

  async updateDraft(
    user: SessionUser,
    draftId: string,
    file: Record<string, unknown>,
    expectedRevision: number,
    forms: Record<string, unknown> = {},
  ): Promise<DraftView> {
    const current = await this.ownDraft(user, draftId);
    const checked = checkDraftFile(user, file);
    const ownForms = checkDraftForms(checked, forms);
    if (current.revision !== expectedRevision) throw staleRevision(current.revision, expectedRevision);
    await this.checkIdIsFree(checked);
    if (checked.id !== current.fileId) await this.checkNobodyElseDrafts(checked);
    const analysis = await this.analyse(checked, ownForms);
    const saved = await this.d.drafts.update(draftId, expectedRevision, {
      file: JSON.stringify(checked),
      forms: JSON.stringify(ownForms),
      fileId: checked.id,
      fileVersion: checked.version,
      kind: checked.kind,
      problems: JSON.stringify(analysis.problems),
      invariants: JSON.stringify(analysis.invariantsInForce),
      updatedBy: user.id,
      updatedAt: this.d.clock(),
    });
    if (!saved) {
      // Discarded or published meanwhile: there is nothing left to save to.
      const now = await this.d.drafts.find(draftId);
      if (!now) throw notFound('draft', draftId);
      throw staleRevision(now.revision, expectedRevision);
    }
    return draftView(saved);
  }

  /**
   * Discards a draft nobody saved since `expectedRevision` (409 stale-revision otherwise). A
   * published draft is gone already (publishing removes it), so it answers 404 like any other.
   * The log names the draft and who discarded it, never what it held.
   */
  async discardDraft(user: SessionUser, draftId: string, expectedRevision: number): Promise<void> {
    const current = await this.ownDraft(user, draftId);
    if (current.revision !== expectedRevision) throw staleRevision(current.revision, expectedRevision);
    if (!(await this.d.drafts.discard(draftId, expectedRevision, user.id))) {
      const now = await this.d.drafts.find(draftId);
      if (!now) throw notFound('draft', draftId);
      throw staleRevision(now.revision, expectedRevision);
    }
    this.d.logger.info(
      { draft: draftId, by: user.id, country: user.country, revision: expectedRevision },
      'draft discarded',
    );
  }

  async verifyDraft(user: SessionUser, draftId: string): Promise<Verification> {
    const draft = await this.ownDraft(user, draftId);
    const resolved = await this.resolveDraft(JSON.parse(draft.file) as DraftFile, draftForms(draft));
    if (!resolved.ok) return { ok: false, problems: resolved.problems, invariants: [] };
    return verification(resolved.protocol);
  }

  /** Publishes the draft as an immutable version: 422 with the problems when it does not verify. */
  async publish(user: SessionUser, draftId: string): Promise<ResolvedProtocol> {
    const draft = await this.ownDraft(user, draftId);
    const file = JSON.parse(draft.file) as DraftFile;
    // Someone may have published the id meanwhile.
    await this.checkIdIsFree(file);
    const resolved = await this.resolveDraft(file, draftForms(draft));
    if (!resolved.ok)
      throw rejected(
        'does-not-verify',
        'The draft does not resolve; fix the problems listed.',
        resolved.problems,
      );
    const v = verification(resolved.protocol);
    if (!v.ok)
      throw rejected(
        'does-not-verify',
        'The draft does not verify; fix the problems listed.',
        v.problems.filter((p) => p.severity !== 'warning'),
      );
    const doc = await this.publishedDoc(resolved.protocol, user.id);
    const inserted = await this.d.repo.insert(doc);
    if (!inserted.ok && inserted.reason === 'id-taken') {
      const { jurisdiction, root } = inserted.owner;
      const family = root === file.id ? 'a protocol of its own' : `the family of ${root}`;
      throw conflict(
        'id-taken',
        `The id "${file.id}" was taken meanwhile: ${jurisdiction} publishes under it, as ${family}. Give the draft another "id".`,
        [{ id: file.id, jurisdiction }],
      );
    }
    if (!inserted.ok) {
      throw conflict(
        'version-exists',
        `${file.id}@${file.version} is already published and cannot change; give the draft a higher "version".`,
        [{ protocol: `${file.id}@${file.version}` }],
      );
    }
    await this.d.drafts.remove(draftId);
    return resolved.protocol;
  }

  /** A new variant draft deriving from a published version, for the designer's own country. */
  async deriveVariant(
    user: SessionUser,
    id: string,
    version: number,
    req: { jurisdiction: string; id?: string },
  ): Promise<DraftView> {
    const base = (await this.d.store.get(id, version)).resolved;
    if (req.jurisdiction === 'REGIONAL')
      throw userError('bad-jurisdiction', 'A variant is national: give a country code as "jurisdiction".');
    const variantId = req.id ?? `${id}-${req.jurisdiction.toLowerCase()}`;
    // The country may have published this variant already (of this base or an earlier one): the
    // draft is then its next version, which publishing can accept.
    const published = await this.d.repo.latestOf(variantId);
    const named = (lang: 'es' | 'en') => countryNames(lang)[req.jurisdiction as Country] ?? req.jurisdiction;
    const variant: Record<string, unknown> = {
      kind: 'variant',
      id: variantId,
      version: (published?.version ?? 0) + 1,
      jurisdiction: req.jurisdiction,
      base: `${id}@${version}`,
      title: { es: `${base.title.es} — ${named('es')}`, en: `${base.title.en} — ${named('en')}` },
      changes: [],
    };
    return this.createDraft(user, variant);
  }

  /** The stored form of a resolved version, with the id of the regional protocol its family descends from. */
  async publishedDoc(protocol: ResolvedProtocol, by: string): Promise<ProtocolDoc> {
    const body = canonicalJson(protocol);
    return {
      _id: `${protocol.id}@${protocol.version}`,
      protocolId: protocol.id,
      version: protocol.version,
      jurisdiction: protocol.jurisdiction,
      title: protocol.title,
      population: protocol.population,
      base: protocol.base ?? null,
      root: await this.rootOf(protocol),
      hash: createHash('sha256').update(body).digest('hex'),
      body,
      publishedAt: this.d.clock(),
      publishedBy: by,
    };
  }

  private async rootOf(protocol: Pick<ResolvedProtocol, 'id' | 'base'>): Promise<string> {
    if (!protocol.base) return protocol.id;
    const [baseId, v] = protocol.base.split('@');
    const published = baseId && v ? await this.d.repo.find(baseId, Number(v)) : null;
    if (published) return published.root;
    const resolved = await this.resolveFromShipped(protocol.base);
    return resolved ? this.rootOf(resolved) : (baseId ?? protocol.id);
  }

  private async resolveFromShipped(ref: string): Promise<ResolvedProtocol | null> {
    const r = resolveProtocol(loadRegistry(this.d.shippedFiles()), ref);
    return r.ok ? r.protocol : null;
  }

  private async byRef(ref: string, which: string): Promise<ResolvedProtocol> {
    const m = /^([a-z0-9][a-z0-9-]*)@([1-9][0-9]*)$/.exec(ref);
    if (!m)
      throw userError('bad-ref', `${which} must be "id@version", e.g. child-repatriation@1; got "${ref}".`, [
        { ref },
      ]);
    return (await this.d.store.get(m[1]!, Number(m[2]))).resolved;
  }

  /**
   * A draft continues the published protocol of its id, if there is one: so that protocol must be
   * of the draft's jurisdiction and family (the same regional protocol at the root; a protocol of
   * its own for a new protocol). Otherwise publishing would make the draft a version of another
   * country's protocol, or of an unrelated one, and cases would run under it as such.
   */
  private async checkIdIsFree(file: DraftFile): Promise<void> {
    const published = await this.d.repo.latestOf(file.id);
    if (!published) return;
    const owner = `the published protocol "${published.title.en}" (${published.protocolId}@${published.version}, ${published.jurisdiction})`;
    if (published.jurisdiction !== file.jurisdiction) {
      const derive =
        published.jurisdiction === 'REGIONAL' && file.jurisdiction !== 'REGIONAL'
          ? `, or derive a national variant of ${published.protocolId}@${published.version} for ${file.jurisdiction}`
          : '';
      throw conflict(
        'id-taken',
        `The id "${file.id}" belongs to ${owner}: a draft for ${file.jurisdiction} cannot continue it. Give the draft another "id"${derive}.`,
        [{ id: file.id }],
      );
    }
    const draftRoot = await this.rootOf(file);
    if (published.root !== draftRoot) {
      const theirs = published.base ? `a variant of ${published.base}` : 'a protocol of its own';
      const ours = file.kind === 'variant' ? `derives from ${file.base}` : 'is a new protocol';
      throw conflict(
        'id-taken',
        `The id "${file.id}" belongs to ${owner}, ${theirs}, but this draft ${ours}. Give the draft another "id".`,
        [{ id: file.id }],
      );
    }
  }

  /** A new draft's id may not be one another jurisdiction is drafting: both would publish it. */
  private async checkNobodyElseDrafts(file: DraftFile): Promise<void> {
    const others = (await this.d.drafts.jurisdictionsDrafting(file.id)).filter(
      (j) => j !== file.jurisdiction,
    );
    if (others.length > 0) {
      throw conflict(
        'id-being-drafted',
        `${others.join(', ')} is already drafting a protocol with the id "${file.id}". Give the draft another "id".`,
        [{ id: file.id, jurisdictions: others }],
      );
    }
  }

  private async ownDraft(user: SessionUser, draftId: string): Promise<DraftDoc> {
    const draft = await this.d.drafts.find(draftId);
    if (!draft || draft.jurisdiction !== user.country) throw notFound('draft', draftId);
    return draft;
  }

  /**
   * Resolves a draft against the shipped files, with the published base chain of a variant put
   * first (a published version wins over a file of the same id and version).
   */
  /**
   * Resolves a draft. A regional protocol draft takes its forms from, in this order: its own new
   * or edited forms, the version it continues (published, so its forms as they were then), the
   * shipped forms/. A variant resolves on its published base.
   */
  private async resolveDraft(file: DraftFile, forms: DraftForms = {}) {
    const files = [{ path: `draft/${file.id}.json`, text: JSON.stringify(file) }];
    const taken = new Set<string>();
    if (file.kind === 'variant') files.push(...(await this.publishedAsFiles(file.base)));
    else {
      for (const [id, form] of Object.entries(forms)) {
        files.push({ path: `draft/forms/${id}.json`, text: JSON.stringify(form) });
        taken.add(id);
      }
      // The store keeps published versions parsed: a draft saved every few seconds reads none again.
      const previous = await this.d.store.find(file.id, file.version - 1);
      if (previous) {
        const ref = `${file.id}@${file.version - 1}`;
        for (const form of Object.values(previous.resolved.forms)) {
          if (taken.has(form.id)) continue;
          files.push({ path: `published/${ref}/${form.id}.json`, text: JSON.stringify(form) });
          taken.add(form.id);
        }
      }
    }
    const shipped = this.d.shippedFiles().filter((f) => !taken.has(shippedFormId(f) ?? ''));
    const registry = loadRegistry([...files, ...shipped]);
    const resolved = resolveProtocol(registry, `${file.id}@${file.version}`);
    if (!resolved.ok) return resolved;
    const lowered = protectionLoweredSince(
      await this.otherVersions(file.id, file.version),
      resolved.protocol,
      `draft/${file.id}.json`,
    );
    return lowered.length > 0 ? { ok: false as const, problems: lowered } : resolved;
  }

  /**
   * Every published version of the id but `version`: the cases they run may migrate to it with
   * their data, so it may protect that data no less than they do (protectionLoweredSince).
   */
  private async otherVersions(id: string, version: number): Promise<ResolvedProtocol[]> {
    const summaries = (await this.d.repo.list()).filter((p) => p.protocolId === id && p.version !== version);
    const loaded = await Promise.all(summaries.map((p) => this.d.store.find(p.protocolId, p.version)));
    return loaded.flatMap((p) => (p ? [p.resolved] : []));
  }

  /** A published version written back as a protocol file and its forms, for a variant to resolve on. */
  private async publishedAsFiles(ref: string): Promise<{ path: string; text: string }[]> {
    const [id, v] = ref.split('@');
    const doc = id && v ? await this.d.repo.find(id, Number(v)) : null;
    if (!doc) return [];
    const p = JSON.parse(doc.body) as ResolvedProtocol;
    const { forms, invariantsInForce: _i, base: _b, ...rest } = p;
    const asFile = { ...rest, kind: 'protocol', ownInvariants: p.invariantsInForce, invariants: [] };
    return [
      { path: `published/${doc._id}.json`, text: JSON.stringify(asFile) },
      ...Object.values(forms).map((f) => ({
        path: `published/${doc._id}/${f.id}.json`,
        text: JSON.stringify(f),
      })),
    ];
  }

  /** The draft's problems and the invariants it must satisfy, as it resolves now. */
  private async analyse(
    file: DraftFile,
    forms: DraftForms,
  ): Promise<{ problems: Problem[]; invariantsInForce: Invariant[] }> {
    const r = await this.resolveDraft(file, forms);
    return r.ok
      ? {
          problems: verifyProtocol(r.protocol, { file: `draft/${file.id}.json` }),
          invariantsInForce: r.protocol.invariantsInForce,
        }
      : { problems: r.problems, invariantsInForce: [] };
  }

  /**
   * A stored draft as the API shows it, with the invariants in force as of its last save (resolved
   * now only for a draft saved before they were kept).
   */
  private async view(doc: DraftDoc): Promise<DraftView> {
    if (doc.invariants !== undefined) return draftView(doc);
    const r = await this.resolveDraft(JSON.parse(doc.file) as DraftFile, draftForms(doc));
    return draftView({ ...doc, invariants: JSON.stringify(r.ok ? r.protocol.invariantsInForce : []) });
  }
}

function verification(protocol: ResolvedProtocol): Verification {
  const space = exploreStateSpace(protocol);
  const problems = verifyProtocol(protocol, { space });
  const invariants = invariantReport(protocol, space).map((i) => ({
    id: i.id,
    description: i.description,
    ok: i.ok,
  }));
  return { ok: verifyPassed(problems), problems, invariants };
}

function draftView(doc: DraftDoc): DraftView {
  return {
    id: doc._id,
    file: JSON.parse(doc.file) as DraftFile,
    forms: draftForms(doc),
    revision: doc.revision,
    updatedAt: doc.updatedAt,
    problems: JSON.parse(doc.problems) as Problem[],
    invariantsInForce: doc.invariants === undefined ? [] : (JSON.parse(doc.invariants) as Invariant[]),
  };
}

function staleRevision(actual: number, expected: number) {
  return conflict(
    'stale-revision',
    `The draft is at revision ${actual}, not ${expected}: someone saved it meanwhile. Reload it and merge your changes.`,
    [{ expectedRevision: expected, revision: actual }],
  );
}

/** The draft's kind, id, version and jurisdiction, checked against what the designer may draft. */
function checkDraftFile(
  user: SessionUser,
  file: Record<string, unknown>,
): DraftFile & { jurisdiction: Jurisdiction } {
  const kind = file.kind;
  if (kind !== 'protocol' && kind !== 'variant')
    throw userError('bad-kind', 'The file must have "kind": "protocol" or "variant".');
  if (typeof file.id !== 'string' || !/^[a-z][a-z0-9-]{0,79}$/.test(file.id)) {
    throw userError(
      'bad-id',
      'The file needs an "id" of lowercase letters, digits and dashes, e.g. "child-repatriation-gt".',
    );
  }
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    throw userError('bad-version', 'The file needs a whole-number "version" from 1.');
  }
  const title = file.title as Record<string, unknown> | undefined;
  if (
    typeof title !== 'object' ||
    title === null ||
    typeof title.es !== 'string' ||
    typeof title.en !== 'string'
  ) {
    throw userError(
      'bad-title',
      'The file needs a "title" in Spanish and English, e.g. {"es": "Trata laboral", "en": "Labour trafficking"}.',
    );
  }
  if (kind === 'protocol' && typeof file.population !== 'string') {
    throw userError(
      'bad-population',
      'A protocol needs a "population": "child", "adult" or "any" (who its cases are about).',
    );
  }
  if (
    kind === 'variant' &&
    (typeof file.base !== 'string' || !/^[a-z][a-z0-9-]{0,79}@[1-9][0-9]*$/.test(file.base))
  ) {
    throw userError(
      'bad-ref',
      `A variant needs a "base": the protocol version it changes, as "id@version" (e.g. "child-repatriation@1"); got ${JSON.stringify(file.base) ?? 'none'}.`,
      [{ ref: file.base ?? null }],
    );
  }
  if (file.jurisdiction !== user.country) {
    throw forbidden(`You draft for ${user.country} only; set "jurisdiction": "${user.country}".`, {
      rule: 'own-country',
      country: user.country,
    });
  }
  return file as unknown as DraftFile & { jurisdiction: Jurisdiction };
}

function draftForms(doc: DraftDoc): DraftForms {
  return doc.forms ? (JSON.parse(doc.forms) as DraftForms) : {};
}

/**
 * A draft's own forms, checked as far as their shape goes (the registry checks the rest, as for
 * any form file): only regional protocol drafts have them, each under its own id.
 */
function checkDraftForms(file: DraftFile, forms: Record<string, unknown>): DraftForms {
  const entries = Object.entries(forms);
  if (entries.length === 0) return {};
  if (file.kind === 'variant') {
    throw userError(
      'variant-forms',
      'A variant changes forms through its "changes" (addForm, replaceForm, addField...), not with "forms": remove "forms".',
    );
  }
  for (const [id, form] of entries) {
    if ((form as { id?: unknown }).id !== id) {
      throw userError(
        'form-id-mismatch',
        `forms["${id}"] holds a form whose "id" is ${JSON.stringify((form as { id?: unknown }).id)}: key each form by its own id.`,
        [{ key: id }],
      );
    }
  }
  return forms as DraftForms;
}

const formIds = new WeakMap<object, string | null>();

/** The id of a shipped form file (null for other files); parsed once per file. */
function shippedFormId(f: { path: string; text: string }): string | null {
  let id = formIds.get(f);
  if (id === undefined) {
    try {
      const parsed = JSON.parse(f.text) as { kind?: unknown; id?: unknown };
      id = parsed.kind === 'form' && typeof parsed.id === 'string' ? parsed.id : null;
    } catch {
      id = null;
    }
    formIds.set(f, id);
  }
  return id;
}
