import { openCase, type Effect, type EventRecord } from '@ruta/engine';
import { COUNTRIES, type Country } from '@ruta/protocol';
import type { Logger } from 'pino';
import type { CaseRepository } from '../db/repositories/caseRepository.js';
import type { LinkRepository } from '../db/repositories/linkRepository.js';
import type { NotificationRepository } from '../db/repositories/notificationRepository.js';
import type { CaseStore, EffectRunner, LoadedCase } from './caseStore.js';
import { derivedId } from './derivedId.js';
import type { ProtocolStore } from './protocolStore.js';

export interface EffectDeps {
  store: CaseStore;
  cases: CaseRepository;
  links: LinkRepository;
  notifications: NotificationRepository;
  protocols: ProtocolStore;
  logger: Logger;
  /** Creates the pending handover a protocol asks for (relation "handover" to another country). */
  handOver: (after: LoadedCase, toCountry: Country, event: EventRecord, key: string) => Promise<void>;
}

function isCountry(c: string): c is Country {
  return (COUNTRIES as readonly string[]).includes(c);
}

/**
 * Carries out what a committed event asks of the outside world: alerts for focal points and
 * linked cases. Every write is keyed by the event (case, seq, effect index), so running this
 * again after a crash changes nothing. A failing effect is logged, never undoes the step.
 */
export function createEffectRunner(deps: EffectDeps): EffectRunner {
  return async (event: EventRecord, after: LoadedCase) => {
    for (const [i, effect] of event.effects.entries()) {
      try {
        await carryOut(deps, event, i, effect, after);
      } catch (err) {
        deps.logger.error(
          { err, caseId: event.caseId, seq: event.seq, effect: effect.type },
          'an effect failed',
        );
      }
    }
  };
}

async function carryOut(deps: EffectDeps, event: EventRecord, i: number, effect: Effect, after: LoadedCase) {
  const key = `${event.caseId}:${event.seq}:${i}`;
  if (effect.type === 'notifyFocalPoint') {
    await deps.notifications.put({
      _id: key,
      country: effect.country,
      caseId: event.caseId,
      caseCountry: after.state.country,
      reason: effect.reason,
      at: event.at,
    });
    return;
  }
  if (!isCountry(effect.country)) {
    deps.logger.warn(
      { caseId: event.caseId, seq: event.seq },
      'openLinkedCase names no coalition country; skipped',
    );
    return;
  }
  if (effect.relation === 'handover' && effect.country !== after.state.country) {
    // Crossing a border goes through the receiving focal point: a pending handover, not a case.
    await deps.handOver(after, effect.country, event, key);
    return;
  }
  const family = await deps.protocols.latest(effect.protocol);
  const target = family ? await deps.protocols.forCountry(family.summary.root, effect.country) : null;
  if (!target) {
    deps.logger.warn(
      { caseId: event.caseId, protocol: effect.protocol },
      'openLinkedCase: protocol not published; skipped',
    );
    return;
  }
  const linkedId = derivedId(`linked:${key}`);
  const opened = openCase(
    target.compiled,
    {
      id: linkedId,
      country: effect.country,
      actor: { userId: 'system', role: 'system', country: effect.country },
    },
    { clock: () => event.at, ids: () => derivedId(`opened:${key}`) },
  );
  if (!(await deps.cases.find(linkedId))) await deps.store.create(opened.case, opened.event, null);
  await linkCases(deps, {
    from: { caseId: event.caseId, country: after.state.country, protocol: after.state.protocol },
    to: { caseId: linkedId, country: effect.country, protocol: opened.case.protocol },
    relation: effect.relation,
    handoverId: null,
    at: event.at,
  });
}

export interface LinkEnds {
  from: { caseId: string; country: string; protocol: { id: string; version: number } };
  to: { caseId: string; country: string; protocol: { id: string; version: number } };
  relation: 'referral' | 'handover';
  handoverId: string | null;
  at: string;
}

/** Records a link and shows it on both cases (each write idempotent). */
export async function linkCases(
  deps: Pick<EffectDeps, 'links' | 'cases' | 'store'>,
  l: LinkEnds,
): Promise<void> {
  await deps.links.put({
    _id: `${l.from.caseId}>${l.to.caseId}`,
    fromCaseId: l.from.caseId,
    toCaseId: l.to.caseId,
    fromCountry: l.from.country,
    toCountry: l.to.country,
    relation: l.relation,
    handoverId: l.handoverId,
    createdAt: l.at,
  });
  const ref = (p: { id: string; version: number }) => ({ id: p.id, version: p.version });
  await deps.cases.addLink(l.from.caseId, {
    caseId: l.to.caseId,
    country: l.to.country,
    relation: l.relation,
    protocol: ref(l.to.protocol),
  });
  await deps.cases.addLink(l.to.caseId, {
    caseId: l.from.caseId,
    country: l.from.country,
    relation: l.relation === 'handover' ? 'handed-over-from' : 'referred-from',
    protocol: ref(l.from.protocol),
  });
  deps.store.forget(l.from.caseId);
  deps.store.forget(l.to.caseId);
}
