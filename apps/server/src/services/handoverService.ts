import { canonicalJson, openCase, step, type CaseState, type EventRecord } from '@ruta/engine';
import {
  COUNTRIES,
  getState,
  handoverAllowedAt,
  handoverStages,
  recordedProtectionNeed,
  type Country,
  type ResolvedProtocol,
  type Text,
} from '@ruta/protocol';
import type { Logger } from 'pino';
import type { CaseRepository } from '../db/repositories/caseRepository.js';
import type { HandoverRepository } from '../db/repositories/handoverRepository.js';
import { OneAtATime } from '../db/oneAtATime.js';
import type { CaseHandoverDoc } from '../db/schemas/caseSchema.js';
import type { HandoverDoc } from '../db/schemas/handoverSchema.js';
import type { Clock, Ids } from '../deps.js';
import { AppError, conflict, forbidden, notFound, rejected, userError } from '../errors.js';
import type { AccessLog } from './accessLog.js';
import type { SessionUser } from './authService.js';
import { linkCases, type EffectDeps } from './caseEffects.js';
import type { CaseService } from './caseService.js';
import type { CaseStore, LoadedCase } from './caseStore.js';
import type { CaseView } from './caseView.js';
import { derivedId } from './derivedId.js';
import {
  buildPacket,
  encodePacket,
  packetHash,
  attestedReceipt,
  readPacket,
  type HandoverPacket,
  type PacketProblem,
  type SealProblem,
} from './handoverPacket.js';
import { packetAgainstHistory } from './checkHandoverPacket.js';
import type { EventRepository } from '../db/repositories/eventRepository.js';
import type { LoadedProtocol, ProtocolStore } from './protocolStore.js';
import { cutPage, readCursor } from './pageCursor.js';
import { RECEIVE_EVENT, receiptFields, receiptForm } from './receiveEvent.js';
import { redactFormData, reserveEachField } from './redaction.js';

export interface HandoverListQuery {
  status?: HandoverDoc['status'];
  /** Rows per page. */
  limit: number;
  /** The cursor of the page before (X-Next-Cursor). */
  after?: string;
}

export interface HandoverView {
  id: string;
  caseId: string;
  fromCountry: string;
  toCountry: string;
  note: string;
  /** Null when the stored packet was damaged in the database (`packetProblem` says how): withheld. */
  packet: HandoverPacket | null;
  /** Against its hash, then against the sending case's sealed history (SealProblem). */
  packetProblem: PacketProblem | SealProblem | null;
  packetHash: string;
  status: HandoverDoc['status'];
  createdAt: string;
  decidedAt: string | null;
  declineReason: string | null;
  linkedCaseId: string | null;
}

export interface HandoverServiceDeps {
  handovers: HandoverRepository;
  cases: CaseRepository;
  events: Pick<EventRepository, 'find' | 'historyAsStored'>;
  store: CaseStore;
  caseService: CaseService;
  protocols: ProtocolStore;
  accessLog: AccessLog;
  effects: Pick<EffectDeps, 'links' | 'cases' | 'store'>;
  clock: Clock;
  ids: Ids;
  logger: Logger;
}

/**
 * A handover as its readers see it: the packet's x-sensitive values replaced by "[reserved]",
 * as on the case itself (the packet is stored whole; the receiving case gets every value, and a
 * value is read there through a logged reveal).
 */
function view(
  doc: HandoverDoc,
  packet: HandoverPacket | null,
  packetProblem: PacketProblem | SealProblem | null,
  protocol: ResolvedProtocol | null,
): HandoverView {
  return {
    id: doc._id,
    caseId: doc.caseId,
    fromCountry: doc.fromCountry,
    toCountry: doc.toCountry,
    note: doc.note,
    packet: packet && { ...packet, data: redactFormData(protocol, packet.data, reserveEachField) },
    packetProblem,
    packetHash: doc.packetHash,
    status: doc.status,
    createdAt: doc.createdAt,
    decidedAt: doc.decidedAt,
    declineReason: doc.declineReason,
    linkedCaseId: doc.linkedCaseId,
  };
}

/** What is wrong with a withheld packet, as the refusal to accept it says. */
const PACKET_FAULT: Record<PacketProblem | SealProblem, string> = {
  altered: 'does not match its SHA-256',
  unreadable: 'is no longer a packet',
  'differs-from-history': "is not what the sending case's history holds at the event it was built from",
  'not-in-history': "names an event the sending case's history does not hold",
};

function pendingConflict(country: Country, handoverId: string): AppError {
  return conflict(
    'handover-pending',
    `A handover of this case to ${country} is already waiting (${handoverId}).`,
    [{ country, handoverId }],
  );
}

function receivedConflict(country: Country, accepted: HandoverDoc): AppError {
  return conflict(
    'handover-accepted',
    `${country} already received this case (handover ${accepted._id}) and runs it as case ${accepted.linkedCaseId}, still open: coordinate through that case, or hand the case over again once it is closed.`,
    [{ country, handoverId: accepted._id, linkedCaseId: accepted.linkedCaseId }],
  );
}

function isCountry(c: string): c is Country {
  return (COUNTRIES as readonly string[]).includes(c);
}

/**
 * Handing a case to another country (seed 003 §9.3, seed 004 §F.2): a packet of the shareable
 * fields with its hash, accepted by the receiving country's focal point, which opens a linked
 * case there under that country's variant of the protocol (or the regional one).
 */
export class HandoverService {
  /**
   * Handovers of one case to one country are opened one at a time in this process (a case
   * worker's and the protocol's may come at the same moment), so each sees the other's.
   */
  private readonly oneAtATime = new OneAtATime();

  constructor(private readonly d: HandoverServiceDeps) {}

  async create(
    user: SessionUser,
    caseId: string,
    req: { toCountry: Country; note: string },
  ): Promise<HandoverView> {
    const loaded = await this.d.caseService.visible(user, caseId);
    if (loaded.state.status !== 'active') throw userError('case-closed', 'A closed case is not handed over.');
    if (req.toCountry === loaded.doc.country)
      throw userError(
        'same-country',
        `The case is already run by ${req.toCountry}; hand it to another country.`,
        [{ country: req.toCountry }],
      );
    const protocol = await this.d.protocols.get(loaded.state.protocol.id, loaded.state.protocol.version);
    refuseIfProtectionNeed(protocol.resolved, loaded.state, req.toCountry);
    const doc = await this.oneAtATime.run([`${caseId}>${req.toCountry}`], async () => {
      const earlier = await this.d.handovers.allTo(caseId, req.toCountry);
      // Every handover to the country asked for while none of them is decided gets the same id,
      // so of two sent at once only one is stored: its insert is the commit point on every database.
      const settled = earlier.filter((h) => h.status !== 'pending').length;
      const id = derivedId(`handover-to:${caseId}:${req.toCountry}:${settled}`);
      await this.refuseIfOpen(earlier, req.toCountry, id);
      // After the refusals about that country's own handovers, which say more about this one.
      refuseOutsideHandoverStages(protocol.resolved, loaded.state);
      const written = await this.write(loaded, req.toCountry, req.note, id, this.d.clock(), user.id);
      if (!written) throw pendingConflict(req.toCountry, id);
      return written;
    });
    await this.d.accessLog.record(user, caseId, 'handover', { detail: req.toCountry });
    return this.view(doc, false);
  }

  /**
   * A handover asked for by the protocol (openLinkedCase with relation "handover"); idempotent per
   * event. None when the case already waits on a handover to that country, or that country
   * already accepted one (a case worker sent it before the protocol asked): a second would have
   * the focal point receive the same child twice, as two cases.
   */
  async createFromEffect(
    after: LoadedCase,
    toCountry: Country,
    event: EventRecord,
    key: string,
  ): Promise<void> {
    const id = derivedId(`handover:${key}`);
    const caseId = after.state.id;
    await this.oneAtATime.run([`${caseId}>${toCountry}`], async () => {
      const earlier = await this.d.handovers.allTo(caseId, toCountry);
      if (earlier.some((h) => h._id === id || h.status !== 'declined')) return;
      // Spanish first, as every text the coalition's staff read; the note is one free text for both.
      const note =
        `Traspaso pedido por el protocolo en "${event.type}" (evento ${event.seq}). ` +
        `Handover asked for by the protocol at "${event.type}" (event ${event.seq}).`;
      await this.write(after, toCountry, note, id, event.at, 'system');
    });
  }

  /** Handovers to or from the user's country. Each packet shown is a read of its case: logged. */
  /**
   * A page of the handovers to or from the caller's country (every one for regional users),
   * newest first; `next` is the cursor of the page after it, null on the last page.
   */
  async list(
    user: SessionUser,
    q: HandoverListQuery,
  ): Promise<{ rows: HandoverView[]; next: string | null }> {
    const docs = await this.d.handovers.listFor({
      country: user.country === 'REGIONAL' ? null : user.country,
      ...(q.status ? { status: q.status } : {}),
      ...(q.after ? { before: handoverPosition(q.after) } : {}),
      // One more than asked for tells whether another page follows.
      limit: q.limit + 1,
    });
    const { page, next } = cutPage(docs, q.limit, (d) => [d.createdAt, d._id]);
    await Promise.all(
      page.map((d) =>
        this.d.accessLog.record(user, d.caseId, 'read', { detail: `handover packet ${d._id}` }),
      ),
    );
    return { rows: await Promise.all(page.map((d) => this.view(d))), next };
  }

  /** One handover to or from the caller's country (any for regional users); 404 otherwise. */
  async get(user: SessionUser, id: string): Promise<HandoverView> {
    const doc = await this.d.handovers.find(id);
    if (!doc || !involves(user, doc)) throw notFound('handover', id);
    await this.d.accessLog.record(user, doc.caseId, 'read', { detail: `handover packet ${doc._id}` });
    return this.view(doc);
  }

  /**
   * Accepts a handover: opens the linked case in the receiving country and steps it with
   * RECEIVE_HANDOVER, the packet's fields (plus `extra`) as its form. The step is tried in
   * memory first, so a refusal (422) stores nothing and leaves the handover pending. Accepting
   * again, or after a crash half-way, completes and returns the same linked case.
   */
  async accept(
    user: SessionUser,
    id: string,
    extra: Record<string, unknown>,
  ): Promise<{ handover: HandoverView; linkedCase: CaseView }> {
    const doc = await this.receivable(user, id);
    if (doc.status === 'declined')
      throw conflict('handover-declined', `Handover ${id} was declined; it cannot be accepted.`, [
        { handoverId: id },
      ]);
    const { packet, problem } = await this.sealedPacket(doc);
    if (!packet) {
      throw conflict(
        'packet-altered',
        `The packet of handover ${id} ${PACKET_FAULT[problem]}: it was altered after it was sent. Decline it, and ask the sending country to send the case again.`,
        [{ handoverId: id }],
      );
    }
    const linkedId = doc.linkedCaseId ?? derivedId(`handover-case:${id}`);
    let linked = await this.d.store.load(linkedId);
    if (!linked || linked.state.seq === 0) {
      const protocol = linked
        ? await this.d.protocols.get(linked.state.protocol.id, linked.state.protocol.version)
        : await this.protocolFor(packet, doc.toCountry);
      const opened = linked ? null : this.open(protocol, linkedId, doc, user);
      const received = this.receive(protocol, linked?.state ?? opened!.case, doc, packet, user, extra);
      let decided = doc;
      if (doc.status === 'pending') {
        const d = await this.d.handovers.decide(id, {
          status: 'accepted',
          decidedAt: this.d.clock(),
          decidedBy: user.id,
          declineReason: null,
          linkedCaseId: linkedId,
        });
        if (!d) return this.accept(user, id, extra); // decided meanwhile: answer from its new status
        decided = d;
      }
      if (opened)
        linked =
          (await this.d.store.create(opened.case, opened.event, user.id)) ??
          (await this.d.store.load(linkedId));
      if (linked && linked.state.seq === 0) {
        const r =
          linked.state.head === received.event.prev
            ? received
            : this.receive(protocol, linked.state, doc, packet, user, extra);
        await this.d.store.commit(linked, r).catch((e: unknown) => {
          if (!(e instanceof AppError && e.kind === 'conflict')) throw e; // received by a concurrent acceptance
        });
      }
      await this.finish(decided, linkedId);
    } else {
      await this.refuseOtherData(linked, id, extra);
    }
    await this.d.accessLog.record(user, linkedId, 'accept', { detail: id });
    const now = (await this.d.handovers.find(id)) ?? doc;
    return { handover: await this.view(now), linkedCase: await this.d.caseService.view(user, linkedId) };
  }

  /**
   * Accepting again answers as the first acceptance did (a retry), but only with the data that
   * acceptance recorded: other data would be silently dropped, since the received case exists.
   */
  private async refuseOtherData(
    linked: LoadedCase,
    id: string,
    extra: Record<string, unknown>,
  ): Promise<void> {
    const keys = Object.keys(extra);
    if (keys.length === 0) return;
    const protocol = await this.d.protocols.get(linked.state.protocol.id, linked.state.protocol.version);
    const form = receiptForm(protocol);
    const recorded = (form ? linked.state.data[form] : undefined) as Record<string, unknown> | undefined;
    const differing = keys.filter(
      (k) =>
        recorded === undefined ||
        !Object.hasOwn(recorded, k) ||
        canonicalJson(recorded[k]) !== canonicalJson(extra[k]),
    );
    if (differing.length === 0) return;
    throw conflict(
      'handover-decided',
      `Handover ${id} was already accepted, and its case ${linked.doc._id} received other data for ${differing.join(', ')}: correct them in that case, not by accepting again.`,
      [{ handoverId: id, status: 'accepted', fields: differing }],
    );
  }

  async decline(user: SessionUser, id: string, reason: string): Promise<HandoverView> {
    const doc = await this.receivable(user, id);
    if (doc.status !== 'pending')
      throw conflict('handover-decided', `Handover ${id} is already ${doc.status}.`, [
        { handoverId: id, status: doc.status },
      ]);
    const d = await this.d.handovers.decide(id, {
      status: 'declined',
      decidedAt: this.d.clock(),
      decidedBy: user.id,
      declineReason: reason,
      linkedCaseId: null,
    });
    if (!d)
      throw conflict('handover-decided', `Handover ${id} was decided meanwhile; reload it.`, [
        { handoverId: id },
      ]);
    await this.d.cases.putHandover(d.caseId, caseEntry(d, 'declined'));
    this.d.store.forget(d.caseId);
    await this.d.accessLog.record(user, d.caseId, 'decline', { detail: id, reason });
    return this.view(d);
  }

  /**
   * A handover as its readers see it, with the packet's protocol (null when no longer known); a
   * damaged packet is withheld, and the handover still shown, so that it can be declined.
   * `sealed`: the packet is held against the sending case's history too (all but the answer to
   * the handover's creation, whose packet was built that moment).
   */
  private async view(doc: HandoverDoc, sealed = true): Promise<HandoverView> {
    const { packet, problem } = sealed ? await this.sealedPacket(doc) : this.readPacket(doc);
    if (!packet) return view(doc, null, problem, null);
    const sent = await this.d.protocols.find(packet.protocol.id, packet.protocol.version);
    return view(doc, packet, null, sent?.resolved ?? null);
  }

  /** The stored packet, checked against its hash; a damaged one is named in the log by id only. */
  private readPacket(doc: HandoverDoc) {
    const read = readPacket(doc.packet, doc.packetHash);
    if (read.problem)
      this.d.logger.warn(
        { handoverId: doc._id, caseId: doc.caseId, problem: read.problem },
        'handover packet altered in the database: withheld',
      );
    return read;
  }

  /**
   * The stored packet, checked against its hash and then against the packet the sending case's
   * sealed history rebuilds at the event it was built from; a damaged one is named in the log by
   * id and field names only.
   */
  private async sealedPacket(
    doc: HandoverDoc,
  ): Promise<
    { packet: HandoverPacket; problem: null } | { packet: null; problem: PacketProblem | SealProblem }
  > {
    const read = this.readPacket(doc);
    if (!read.packet) return read;
    const found = await packetAgainstHistory(doc, read.packet, this.d);
    if (!found) return read;
    this.d.logger.warn(
      { handoverId: doc._id, caseId: doc.caseId, problem: found.code, fields: found.fields, seq: found.seq },
      'handover packet does not stand on its case history (altered in the database?): withheld',
    );
    return { packet: null, problem: found.code };
  }

  /** Stores a new pending handover and shows it on its case; null when its id is taken. */
  private async write(
    loaded: LoadedCase,
    toCountry: Country,
    note: string,
    id: string,
    at: string,
    by: string,
  ): Promise<HandoverDoc | null> {
    const protocol = await this.d.protocols.get(loaded.state.protocol.id, loaded.state.protocol.version);
    const packetJson = encodePacket(buildPacket(protocol.resolved, loaded.state));
    const doc: HandoverDoc = {
      _id: id,
      caseId: loaded.state.id,
      fromCountry: loaded.doc.country,
      toCountry,
      note,
      packet: packetJson,
      packetHash: packetHash(packetJson),
      caseSeq: loaded.state.seq,
      caseHead: loaded.state.head,
      status: 'pending',
      createdAt: at,
      createdBy: by,
      decidedAt: null,
      decidedBy: null,
      declineReason: null,
      linkedCaseId: null,
    };
    if (await this.d.handovers.insert(doc)) {
      await this.d.cases.putHandover(doc.caseId, caseEntry(doc, 'pending'));
      this.d.store.forget(doc.caseId);
      return doc;
    }
    // The id is taken: the handover stored under it is shown on the case if it is not yet (its
    // creator may have stopped between storing it and showing it there).
    const taken = await this.d.handovers.find(id);
    if (taken?.caseId === doc.caseId && taken.status === 'pending') {
      await this.d.cases.addHandoverIfMissing(doc.caseId, caseEntry(taken, 'pending'));
      this.d.store.forget(doc.caseId);
    }
    return null;
  }

  /**
   * 409 when another handover of the case to the country is waiting (one the protocol opened, say:
   * `ownId`'s own is completed by write), or when the country already accepted one and the case
   * it opened there is still open: either way that country would receive the same child twice.
   */
  private async refuseIfOpen(earlier: HandoverDoc[], toCountry: Country, ownId: string): Promise<void> {
    const waiting = earlier.find((h) => h.status === 'pending' && h._id !== ownId);
    if (waiting) throw pendingConflict(toCountry, waiting._id);
    for (const accepted of earlier) {
      if (accepted.status !== 'accepted' || !accepted.linkedCaseId) continue;
      const linked = await this.d.store.load(accepted.linkedCaseId);
      if (linked?.state.status === 'active') throw receivedConflict(toCountry, accepted);
    }
  }

  /** The handover, if the user is a focal point of the receiving country (404 for anyone else). */
  private async receivable(user: SessionUser, id: string): Promise<HandoverDoc> {
    const doc = await this.d.handovers.find(id);
    if (!doc || !involves(user, doc)) throw notFound('handover', id);
    if (user.role !== 'focalpoint' || user.country !== doc.toCountry) {
      throw forbidden(`Only a focal point of ${doc.toCountry} decides this handover.`, {
        rule: 'receiving-focal-point',
        country: doc.toCountry,
      });
    }
    return doc;
  }

  /** The receiving country's variant of the protocol family, else the regional version. */
  private async protocolFor(packet: HandoverPacket, country: string): Promise<LoadedProtocol> {
    if (!isCountry(country))
      throw userError('bad-country', `${country} is not a coalition country.`, [{ country }]);
    const sent = await this.d.protocols.get(packet.protocol.id, packet.protocol.version);
    const target = await this.d.protocols.forCountry(sent.summary.root, country);
    if (!target)
      throw userError(
        'no-protocol',
        `No protocol of the ${sent.summary.root} family is published for ${country}.`,
        [{ family: sent.summary.root, country }],
      );
    return target;
  }

  private open(protocol: LoadedProtocol, linkedId: string, doc: HandoverDoc, user: SessionUser) {
    if (!isCountry(doc.toCountry))
      throw userError('bad-country', `${doc.toCountry} is not a coalition country.`, [
        { country: doc.toCountry },
      ]);
    const actor = { userId: user.id, role: user.role, country: user.country };
    return openCase(
      protocol.compiled,
      { id: linkedId, country: doc.toCountry, actor },
      { clock: this.d.clock, ids: this.d.ids },
    );
  }

  /** RECEIVE_HANDOVER on the opened case, in memory; a refusal is a 422 naming the missing fields. */
  private receive(
    protocol: LoadedProtocol,
    opened: CaseState,
    doc: HandoverDoc,
    packet: HandoverPacket,
    user: SessionUser,
    extra: Record<string, unknown>,
  ) {
    const form = receiptForm(protocol);
    const fields = receiptFields(protocol);
    // What the sending country attested (the packet) and who sent it: the focal point adds to it,
    // and may repeat it, but not change it.
    const attested = attestedReceipt(packet, fields, {
      sendingCountry: doc.fromCountry,
      sendingCaseReference: doc.caseId,
    });
    const changed = Object.keys(extra).filter(
      (k) => Object.hasOwn(attested, k) && canonicalJson(extra[k]) !== canonicalJson(attested[k]),
    );
    if (changed.length > 0) {
      throw rejected(
        'receive-rejected',
        `The received case takes ${changed.join(', ')} from the handover as sent, not from the body's "data": leave ${changed.length === 1 ? 'it' : 'them'} out, or ask the sending country to correct its case and send it again.`,
        changed.map((k) => ({
          code: 'form-invalid',
          form,
          path: `/${k}`,
          keyword: 'const',
          message: 'comes from the sending country and cannot be changed on receipt',
        })),
      );
    }
    const actor = { userId: user.id, role: user.role, country: user.country };
    // Anything else in `extra` goes to the form as given: a field it does not have is refused by name.
    const received = step(
      protocol.compiled,
      opened,
      { event: RECEIVE_EVENT, data: { ...extra, ...attested }, actor },
      { clock: this.d.clock, ids: this.d.ids },
    );
    if (!received.ok) {
      throw rejected(
        'receive-rejected',
        `The received case cannot take ${RECEIVE_EVENT}: ${received.reasons.map((r) => r.message).join('; ')}. Give the missing fields in the body's "data".`,
        received.reasons,
      );
    }
    return received;
  }

  private async finish(decided: HandoverDoc, linkedId: string): Promise<void> {
    await this.d.cases.putHandover(decided.caseId, caseEntry(decided, 'accepted'));
    const source = await this.d.cases.find(decided.caseId);
    const linked = await this.d.cases.find(linkedId);
    if (!source || !linked) return;
    await linkCases(this.d.effects, {
      from: {
        caseId: source._id,
        country: source.country,
        protocol: { id: source.cur.protocolId, version: source.cur.protocolVersion },
      },
      to: {
        caseId: linked._id,
        country: linked.country,
        protocol: { id: linked.cur.protocolId, version: linked.cur.protocolVersion },
      },
      relation: 'handover',
      handoverId: decided._id,
      at: decided.decidedAt ?? this.d.clock(),
    });
  }
}

/** What the case shows of one of its handovers. */
function caseEntry(h: HandoverDoc, status: CaseHandoverDoc['status']): CaseHandoverDoc {
  return { id: h._id, createdAt: h.createdAt, fromCountry: h.fromCountry, toCountry: h.toCountry, status };
}

/** Whether the user sees the handover: it is to or from their country, or they are regional. */
function involves(user: SessionUser, doc: HandoverDoc): boolean {
  return user.country === doc.toCountry || user.country === doc.fromCountry || user.country === 'REGIONAL';
}

/** The handover list position (creation time, id) a cursor names. */
function handoverPosition(cursor: string): { createdAt: string; id: string } {
  const { key, id } = readCursor(cursor, 'handover list');
  return { createdAt: key, id };
}

/**
 * A handover by hand tells the receiving country about the person. When a form of the case
 * records an answer its protocol declares (x-protectionNeed) as meaning that the person fears
 * persecution or seeks international protection, the case is not handed over to the country of
 * origin (nor to any country while the origin is not known): the protocol's own steps decide.
 */
function refuseIfProtectionNeed(protocol: ResolvedProtocol, state: CaseState, toCountry: Country): void {
  const forms = recordedProtectionNeed(protocol, state.data);
  if (forms.length === 0) return;
  const origin = state.profile.originCountry;
  if (origin !== undefined && origin !== toCountry) return;
  throw conflict(
    'protection-need',
    `The case records (${forms.join(', ')}) that the person fears persecution or seeks international protection, so ${
      origin === undefined
        ? 'it is not handed over while the country of origin is not known'
        : `it is not handed over to ${toCountry}, the country of origin`
    }.`,
    [{ country: toCountry, forms }],
  );
}

/**
 * A person's data crosses a border by hand only at the stages the protocol allows it
 * (meta.handover: after the consent, best-interest determination and risk assessment the seeds
 * require); 409 elsewhere, naming the stage the case is at and those that allow it.
 */
function refuseOutsideHandoverStages(protocol: ResolvedProtocol, state: CaseState): void {
  if (handoverAllowedAt(protocol.machine, state.value)) return;
  const leaves = leafPaths(state.value, '');
  const title = (lang: keyof Text) =>
    leaves.map((p) => getState(protocol.machine, p)?.meta.title[lang] ?? p).join(', ');
  const allowed = handoverStages(protocol.machine);
  const stageTitle = { es: title('es'), en: title('en') };
  throw conflict(
    'handover-stage',
    `The case is at "${stageTitle.en}" (${leaves.join(', ')}), where the protocol does not allow a handover by hand; ${
      allowed.length === 0
        ? 'this protocol allows it at no stage: its own steps decide whether the case goes to another country.'
        : `it allows one at: ${allowed.map((s) => `"${s.title.en}" (${s.path})`).join(', ')}.`
    }`,
    [{ stage: leaves.join(', '), stageTitle, handoverStages: allowed }],
  );
}

/** The innermost states a state value stands in, by path. */
function leafPaths(value: CaseState['value'], prefix: string): string[] {
  const join = (key: string) => (prefix === '' ? key : `${prefix}.${key}`);
  if (typeof value === 'string') return [join(value)];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, join(key)));
}
