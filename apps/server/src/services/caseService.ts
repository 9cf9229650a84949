import { migrateCase, openCase, OpenCaseError, step, type EventRecord } from '@ruta/engine';
import { findFormField, type Country } from '@ruta/protocol';
import type { CaseRepository } from '../db/repositories/caseRepository.js';
import type { EventRepository } from '../db/repositories/eventRepository.js';
import type { UserRepository } from '../db/repositories/userRepository.js';
import type { Clock, Ids } from '../deps.js';
import { conflict, forbidden, notFound, rejected, userError } from '../errors.js';
import type { AccessLog } from './accessLog.js';
import type { SessionUser } from './authService.js';
import { canSeeCase, STEP_ROLES, visibleCountries } from './caseAccess.js';
import type { CaseStore, LoadedCase } from './caseStore.js';
import { buildCaseView, stateTitles, type CaseView } from './caseView.js';
import type { ProtocolStore } from './protocolStore.js';
import { cutPage, readCursor } from './pageCursor.js';
import { formsOfEvent, redactEvent } from './redaction.js';
import { RECEIVE_EVENT } from './receiveEvent.js';

export interface WorklistQuery {
  /** The case reference or its first characters, trimmed and lowercased (ids are lowercase). */
  q?: string;
  country?: string;
  protocol?: string;
  state?: string;
  assignee?: string;
  overdue?: boolean;
  status?: 'active' | 'closed';
  /** Rows per page. */
  limit: number;
  /** The cursor of the page before (X-Next-Cursor). */
  after?: string;
}

/** An event as a reader of the history sees it: sensitive data reserved, the actor's name added. */
export type ShownEvent = EventRecord & { actor: EventRecord['actor'] & { name?: string } };

export interface WorklistRow {
  id: string;
  protocol: { id: string; version: number; jurisdiction: string };
  title: { es: string; en: string };
  state: { value: unknown; titles: { es: string; en: string }[] };
  country: string;
  assignee: string | null;
  nextDue: string | null;
  overdue: boolean;
  updatedAt: string;
  version: number;
}

export interface CaseServiceDeps {
  store: CaseStore;
  cases: CaseRepository;
  events: EventRepository;
  users: UserRepository;
  protocols: ProtocolStore;
  accessLog: AccessLog;
  clock: Clock;
  ids: Ids;
}

/** The rules of working on cases: who sees what, opening, stepping, revealing, assigning. */
export class CaseService {
  constructor(private readonly d: CaseServiceDeps) {}

  /** Opens a case in the caller's country under a published protocol version. */
  async open(user: SessionUser, ref: { id: string; version: number }): Promise<CaseView> {
    if (user.country === 'REGIONAL') {
      throw userError(
        'no-country',
        'Cases are opened by a country: log in as a user of the country that runs the case.',
      );
    }
    const protocol = await this.d.protocols.find(ref.id, ref.version);
    if (!protocol)
      throw userError(
        'unknown-protocol',
        `No published protocol ${ref.id}@${ref.version}; pick one from GET /api/protocols.`,
        [{ protocol: `${ref.id}@${ref.version}` }],
      );
    const j = protocol.summary.jurisdiction;
    if (j !== 'REGIONAL' && j !== user.country) {
      throw forbidden(
        `${ref.id}@${ref.version} is the national protocol of ${j}; open cases in ${user.country} under a regional protocol or one of ${user.country}.`,
        {
          rule: 'national-protocol',
          protocol: `${ref.id}@${ref.version}`,
          jurisdiction: j,
          country: user.country,
        },
      );
    }
    const country: Country = user.country;
    let opened;
    try {
      opened = openCase(
        protocol.compiled,
        { id: this.d.ids(), country, actor: actorOf(user) },
        { clock: this.d.clock, ids: this.d.ids },
      );
    } catch (e) {
      if (e instanceof OpenCaseError) throw rejected('cannot-open', e.message, e.reasons);
      throw e;
    }
    const loaded = await this.d.store.create(opened.case, opened.event, user.id);
    if (!loaded) throw conflict('id-taken', 'A case with the new id already exists; try again.');
    await this.d.accessLog.record(user, loaded.state.id, 'open');
    return buildCaseView(loaded, protocol, user, this.d.clock());
  }

  /** The case as the caller may see it (404 when the caller may not know it exists). */
  async get(user: SessionUser, caseId: string): Promise<CaseView> {
    const loaded = await this.visible(user, caseId);
    const protocol = await this.d.protocols.get(loaded.state.protocol.id, loaded.state.protocol.version);
    await this.d.accessLog.record(user, caseId, 'read');
    return buildCaseView(loaded, protocol, user, this.d.clock());
  }

  /** Sends an event: 409 when `expectedVersion` is stale, 422 with every reason the engine gives. */
  async step(
    user: SessionUser,
    caseId: string,
    cmd: { event: string; data?: unknown; expectedVersion: number },
  ): Promise<CaseView> {
    const before = await this.d.store.forWrite(caseId, cmd.expectedVersion, (doc) => canSeeCase(user, doc));
    if (!before || !canSeeCase(user, before.doc)) throw notFound('case', caseId);
    this.checkVersion(before, cmd.expectedVersion);
    if (cmd.event === RECEIVE_EVENT) {
      const message = `${RECEIVE_EVENT} is recorded by accepting a handover (POST /api/handovers/:id/accept), with the case data the sending country sent; it cannot be sent as a step`;
      throw rejected('step-rejected', `The case cannot take "${cmd.event}" now: ${message}.`, [
        { code: 'event-not-available', message, event: cmd.event, available: [] },
      ]);
    }
    const protocol = await this.d.protocols.get(before.state.protocol.id, before.state.protocol.version);
    const command = {
      event: cmd.event,
      actor: actorOf(user),
      ...(cmd.data === undefined ? {} : { data: cmd.data }),
    };
    const result = step(protocol.compiled, before.state, command, { clock: this.d.clock, ids: this.d.ids });
    if (!result.ok) {
      throw rejected(
        'step-rejected',
        `The case cannot take "${cmd.event}" now: ${result.reasons.map((r) => r.message).join('; ')}`,
        result.reasons,
      );
    }
    const after = await this.d.store.commit(before, result);
    await this.d.accessLog.record(user, caseId, 'step', { detail: cmd.event });
    return buildCaseView(after, protocol, user, this.d.clock());
  }

  /** Every event of the case, sensitive form values replaced. */
  async history(user: SessionUser, caseId: string): Promise<ShownEvent[]> {
    await this.visible(user, caseId);
    const events = await this.d.events.history(caseId);
    // Who acted, by name: an auditor reads the history to know who did what.
    const names = await this.d.users.names(events.map((e) => e.actor.userId));
    const out: ShownEvent[] = [];
    for (const e of events) {
      const p = await this.d.protocols.get(e.protocol.id, e.protocol.version);
      const name = names.get(e.actor.userId);
      const shown = redactEvent(p.compiled, e);
      out.push(name === undefined ? shown : { ...shown, actor: { ...shown.actor, name } });
    }
    await this.d.accessLog.record(user, caseId, 'history');
    return out;
  }

  /** One recorded value, sensitive or not, with the reason written to the access log first. */
  async reveal(
    user: SessionUser,
    caseId: string,
    req: { form: string; field: string; reason: string; seq?: number | undefined },
  ): Promise<{ value: unknown }> {
    const loaded = await this.visible(user, caseId);
    const event = req.seq === undefined ? null : await this.d.events.find(caseId, req.seq);
    if (req.seq !== undefined && (!event || event.seq > loaded.state.seq))
      throw notFound('event', `${caseId}:${req.seq}`);
    const ref = event ? event.protocol : loaded.state.protocol;
    const protocol = await this.d.protocols.get(ref.id, ref.version);
    const form = Object.hasOwn(protocol.resolved.forms, req.form)
      ? protocol.resolved.forms[req.form]
      : undefined;
    if (!form)
      throw userError(
        'unknown-form',
        `The protocol has no form "${req.form}"; forms: ${Object.keys(protocol.resolved.forms).join(', ')}.`,
        [{ form: req.form }],
      );
    if (!findFormField(form, req.field))
      throw userError('unknown-field', `The form "${req.form}" has no field "${req.field}".`, [
        { form: req.form, field: req.field },
      ]);
    if (
      event &&
      (event.data === undefined || !formsOfEvent(protocol.compiled, event.type).includes(req.form))
    ) {
      throw userError(
        'unknown-form',
        `Event ${req.seq} of the case recorded no "${req.form}" form; give the seq of a step that did (GET /history).`,
        [{ form: req.form }],
      );
    }
    await this.d.accessLog.record(user, caseId, 'reveal', {
      detail: `${req.form}.${req.field}${event ? ` @${event.seq}` : ''}`,
      reason: req.reason,
    });
    return { value: valueAt(event ? event.data : loaded.state.data[req.form], req.field) };
  }

  /** Gives the case to a user of its country who works on cases (supervisors only). */
  async assign(
    user: SessionUser,
    caseId: string,
    req: { userId: string; expectedVersion: number; expectedAssignee?: string | null },
  ): Promise<CaseView> {
    const loaded = await this.visible(user, caseId);
    this.checkVersion(loaded, req.expectedVersion);
    const assignee = await this.d.users.find(req.userId);
    if (
      !assignee ||
      assignee.disabled === true ||
      assignee.country !== loaded.doc.country ||
      !STEP_ROLES.includes(assignee.role)
    ) {
      throw userError(
        'bad-assignee',
        `Assign the case to a case worker, supervisor or focal point of ${loaded.doc.country}; "${req.userId}" is not one.`,
        [{ userId: req.userId, country: loaded.doc.country }],
      );
    }
    await this.d.store.flush(caseId); // the document's seq must be current for the condition below
    // The assignment replaces the one the caller saw, or else the one read here.
    const from = req.expectedAssignee === undefined ? (loaded.doc.assignee ?? null) : req.expectedAssignee;
    if (!(await this.d.cases.assign(caseId, req.expectedVersion, from, assignee._id, this.d.clock()))) {
      // Another step or assignment got there first: of two assignments at once, one wins.
      throw conflict(
        'stale-version',
        'The case changed or was assigned to someone else meanwhile; reload it and try again.',
        [{ expectedVersion: req.expectedVersion }],
      );
    }
    this.d.store.forget(caseId);
    await this.d.accessLog.record(user, caseId, 'assign', { detail: assignee._id });
    return this.view(user, caseId);
  }

  /** Moves the case to another published version, each active state mapped (supervisors). */
  async migrate(
    user: SessionUser,
    caseId: string,
    req: { to: { id: string; version: number }; mapping: Record<string, string>; expectedVersion: number },
  ): Promise<CaseView> {
    const before = await this.visible(user, caseId);
    this.checkVersion(before, req.expectedVersion);
    const from = await this.d.protocols.get(before.state.protocol.id, before.state.protocol.version);
    const to = await this.d.protocols.find(req.to.id, req.to.version);
    if (!to)
      throw userError(
        'unknown-protocol',
        `No published protocol ${req.to.id}@${req.to.version}; pick one from GET /api/protocols.`,
        [{ protocol: `${req.to.id}@${req.to.version}` }],
      );
    const j = to.summary.jurisdiction;
    if (j !== 'REGIONAL' && j !== before.doc.country) {
      throw forbidden(
        `${req.to.id}@${req.to.version} is the national protocol of ${j}; a case of ${before.doc.country} cannot run under it.`,
        {
          rule: 'national-protocol',
          protocol: `${req.to.id}@${req.to.version}`,
          jurisdiction: j,
          country: before.doc.country,
        },
      );
    }
    if (to.summary.root !== from.summary.root) {
      // Another family's forms do not hold this case's data: it would stay stored but no longer be
      // shown, revealed, handed over or counted.
      const message = `${req.to.id}@${req.to.version} belongs to the protocol family "${to.summary.root}", and the case runs under "${from.summary.root}": a case moves only to another version or national variant of its own protocol.`;
      throw rejected(
        'migration-rejected',
        `The case cannot move to ${req.to.id}@${req.to.version}: ${message}`,
        [{ code: 'other-protocol-family', message, family: from.summary.root, target: to.summary.root }],
      );
    }
    const r = migrateCase(from.compiled, to.compiled, before.state, req.mapping, actorOf(user), {
      clock: this.d.clock,
      ids: this.d.ids,
    });
    if (!r.ok)
      throw rejected(
        'migration-rejected',
        `The case cannot move to ${req.to.id}@${req.to.version}: ${r.reasons.map((x) => x.message).join('; ')}`,
        r.reasons,
      );
    const after = await this.d.store.commit(before, {
      ok: true,
      case: r.case,
      event: r.event,
      effects: r.event.effects,
    });
    await this.d.accessLog.record(user, caseId, 'migrate', {
      detail: `${from.summary._id} -> ${to.summary._id}`,
    });
    return buildCaseView(after, to, user, this.d.clock());
  }

  /**
   * A page of the worklist: overdue first, then nearest due; only cases of the caller's country
   * (all for regional users); with `q`, only those whose reference (the case id) starts with it,
   * or linked to the case whose whole reference it is (a case handed over from another country).
   * `next` is the cursor of the page after it, null on the last page.
   */
  async worklist(user: SessionUser, q: WorklistQuery): Promise<{ rows: WorklistRow[]; next: string | null }> {
    let countries = visibleCountries(user);
    if (q.country) {
      if (countries && !countries.includes(q.country))
        throw forbidden(`You see cases of ${user.country} only.`, {
          rule: 'own-country',
          country: user.country,
        });
      countries = [q.country];
    }
    const now = this.d.clock();
    const docs = await this.d.cases.worklist({
      countries,
      ...(q.q ? { reference: q.q } : {}),
      ...(q.protocol ? { protocolId: q.protocol } : {}),
      ...(q.state ? { state: q.state } : {}),
      ...(q.assignee ? { assignee: q.assignee === 'me' ? user.id : q.assignee } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.overdue === true ? { overdueBefore: now } : {}),
      ...(q.overdue === false ? { notOverdueAt: now } : {}),
      ...(q.after ? { after: worklistPosition(q.after) } : {}),
      // One more than asked for tells whether another page follows.
      limit: q.limit + 1,
    });
    const { page, next } = cutPage(docs, q.limit, (d) => [d.cur.dueKey, d._id]);
    const rows: WorklistRow[] = [];
    for (const doc of page) {
      const cur = doc.cur;
      const p = await this.d.protocols.get(cur.protocolId, cur.protocolVersion);
      const value = cur.value as Parameters<typeof stateTitles>[1];
      rows.push({
        id: doc._id,
        protocol: {
          id: cur.protocolId,
          version: cur.protocolVersion,
          jurisdiction: cur.protocolJurisdiction,
        },
        title: p.resolved.title,
        state: { value, titles: stateTitles(p, value) },
        country: doc.country,
        assignee: doc.assignee ?? null,
        nextDue: cur.nextDue ?? null,
        overdue: cur.nextDue != null && cur.nextDue < now,
        updatedAt: cur.updatedAt,
        version: cur.seq,
      });
    }
    return { rows, next };
  }

  /** The case view after a change (no access log entry: the change itself was logged). */
  async view(user: SessionUser, caseId: string): Promise<CaseView> {
    const loaded = await this.visible(user, caseId);
    const protocol = await this.d.protocols.get(loaded.state.protocol.id, loaded.state.protocol.version);
    return buildCaseView(loaded, protocol, user, this.d.clock());
  }

  /** The case if the user may see it; not-found otherwise, so existence does not leak. */
  async visible(user: SessionUser, caseId: string): Promise<LoadedCase> {
    // Judged before the case is read: a damaged case answers 409 only to those who may see it.
    const loaded = await this.d.store.load(caseId, (doc) => canSeeCase(user, doc));
    if (!loaded || !canSeeCase(user, loaded.doc)) throw notFound('case', caseId);
    return loaded;
  }

  /**
   * not-found unless the user may see the case, judged from its stored document as it is: the
   * audit of a case whose events no longer re-apply must still answer, to show where.
   */
  async checkVisible(user: SessionUser, caseId: string): Promise<void> {
    const doc = await this.d.cases.find(caseId);
    if (!doc) await this.visible(user, caseId);
    else if (!canSeeCase(user, doc)) throw notFound('case', caseId);
  }

  checkVersion(loaded: LoadedCase, expected: number): void {
    if (loaded.state.seq !== expected) {
      throw conflict(
        'stale-version',
        `The case is at version ${loaded.state.seq}, not ${expected}: someone changed it meanwhile. Reload it and try again.`,
        [{ expectedVersion: expected, version: loaded.state.seq }],
      );
    }
  }
}

export function actorOf(user: SessionUser) {
  return { userId: user.id, role: user.role, country: user.country };
}

/** The value at a dotted path ("victim.name", "relatives.0.name") of recorded form data. */
function valueAt(data: unknown, path: string): unknown {
  let v: unknown = data;
  for (const key of path.split('.')) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, key)) return null;
    v = (v as Record<string, unknown>)[key];
  }
  return v === undefined ? null : v;
}

/** The worklist position (due key, case id) a cursor names. */
function worklistPosition(cursor: string): { dueKey: string; id: string } {
  const { key, id } = readCursor(cursor, 'worklist');
  return { dueKey: key, id };
}
