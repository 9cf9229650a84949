import type { AppDeps } from '../deps.js';
import { createModels, type Models } from '../db/models.js';
import { AccessLogRepository } from '../db/repositories/accessLogRepository.js';
import { AccountLogRepository } from '../db/repositories/accountLogRepository.js';
import { CaseRepository } from '../db/repositories/caseRepository.js';
import { DraftRepository } from '../db/repositories/draftRepository.js';
import { EventRepository } from '../db/repositories/eventRepository.js';
import { FocalPointRepository } from '../db/repositories/focalPointRepository.js';
import { HandoverRepository } from '../db/repositories/handoverRepository.js';
import { IntegrityRepository } from '../db/repositories/integrityRepository.js';
import { LinkRepository } from '../db/repositories/linkRepository.js';
import { NotificationRepository } from '../db/repositories/notificationRepository.js';
import { ProtocolRepository } from '../db/repositories/protocolRepository.js';
import { SessionRepository } from '../db/repositories/sessionRepository.js';
import { UserRepository } from '../db/repositories/userRepository.js';
import { canonicalJson } from '@ruta/engine';
import { AccessLog } from './accessLog.js';
import { AccountLog } from './accountLog.js';
import { AuditService } from './auditService.js';
import { AuthService } from './authService.js';
import { UserService } from './userService.js';
import { createEffectRunner } from './caseEffects.js';
import { CaseService } from './caseService.js';
import { CaseStore } from './caseStore.js';
import { FocalPointService } from './focalPointService.js';
import { HandoverService } from './handoverService.js';
import { IntegrityService } from './integrityService.js';
import { ProtocolService } from './protocolService.js';
import { ProtocolStore } from './protocolStore.js';
import { readShippedFiles } from './shippedFiles.js';
import { StatsService } from './statsService.js';

export interface Repositories {
  protocols: ProtocolRepository;
  drafts: DraftRepository;
  cases: CaseRepository;
  events: EventRepository;
  links: LinkRepository;
  handovers: HandoverRepository;
  users: UserRepository;
  sessions: SessionRepository;
  focalPoints: FocalPointRepository;
  accessLog: AccessLogRepository;
  accountLog: AccountLogRepository;
  notifications: NotificationRepository;
  integrity: IntegrityRepository;
}

export interface Services {
  models: Models;
  repos: Repositories;
  auth: AuthService;
  users: UserService;
  accessLog: AccessLog;
  accountLog: AccountLog;
  protocolStore: ProtocolStore;
  caseStore: CaseStore;
  cases: CaseService;
  handovers: HandoverService;
  audit: AuditService;
  /** The sweep that checks every case's history and document. */
  integrity: IntegrityService;
  stats: StatsService;
  focalPoints: FocalPointService;
  protocols: ProtocolService;
  /** The shipped protocol files (read from disk once). */
  shippedFiles: () => { path: string; text: string }[];
  clock: AppDeps['clock'];
  ids: AppDeps['ids'];
}

/** Wires repositories and services over one database connection. */
export function createServices(deps: AppDeps): Services {
  const { clock, ids, logger, config } = deps;
  const models = createModels(deps.db.connection);
  const repos: Repositories = {
    protocols: new ProtocolRepository(models),
    drafts: new DraftRepository(models),
    cases: new CaseRepository(models),
    events: new EventRepository(models, canonicalJson),
    links: new LinkRepository(models),
    handovers: new HandoverRepository(models),
    users: new UserRepository(models),
    sessions: new SessionRepository(models),
    focalPoints: new FocalPointRepository(models),
    accessLog: new AccessLogRepository(models),
    accountLog: new AccountLogRepository(models),
    notifications: new NotificationRepository(models),
    integrity: new IntegrityRepository(models),
  };
  let shipped: { path: string; text: string }[] | null = null;
  const shippedFiles = () => (shipped ??= readShippedFiles(config.protocolsRoot));

  const accessLog = new AccessLog(repos.accessLog, clock, ids);
  const protocolStore = new ProtocolStore(repos.protocols);
  const caseStore = new CaseStore(repos.cases, repos.events, protocolStore, logger);
  const cases = new CaseService({
    store: caseStore,
    cases: repos.cases,
    events: repos.events,
    users: repos.users,
    protocols: protocolStore,
    accessLog,
    clock,
    ids,
  });
  const handovers = new HandoverService({
    handovers: repos.handovers,
    cases: repos.cases,
    events: repos.events,
    store: caseStore,
    caseService: cases,
    protocols: protocolStore,
    accessLog,
    effects: { links: repos.links, cases: repos.cases, store: caseStore },
    clock,
    ids,
    logger,
  });
  caseStore.setEffectRunner(
    createEffectRunner({
      store: caseStore,
      cases: repos.cases,
      links: repos.links,
      notifications: repos.notifications,
      protocols: protocolStore,
      logger,
      handOver: (after, toCountry, event, key) => handovers.createFromEffect(after, toCountry, event, key),
    }),
  );
  const accountLog = new AccountLog(repos.accountLog, clock, ids);
  const audit = new AuditService({
    caseService: cases,
    events: repos.events,
    cases: repos.cases,
    store: caseStore,
    protocols: protocolStore,
    accessLog,
  });
  const auth = new AuthService(
    repos.users,
    repos.sessions,
    clock,
    config.sessionTtlMs,
    config.passwordCost,
    accountLog,
  );
  return {
    models,
    repos,
    auth,
    users: new UserService({
      users: repos.users,
      auth,
      clock,
      ids,
      logger,
      passwordCost: config.passwordCost,
      accountLog,
    }),
    accountLog,
    accessLog,
    protocolStore,
    caseStore,
    cases,
    handovers,
    audit,
    integrity: new IntegrityService({
      audit,
      cases: repos.cases,
      events: repos.events,
      handovers: repos.handovers,
      protocols: protocolStore,
      integrity: repos.integrity,
      clock,
      logger,
    }),
    stats: new StatsService(repos.cases),
    focalPoints: new FocalPointService(repos.focalPoints, repos.notifications, clock),
    protocols: new ProtocolService({
      repo: repos.protocols,
      drafts: repos.drafts,
      store: protocolStore,
      shippedFiles,
      clock,
      ids,
      logger,
    }),
    shippedFiles,
    clock,
    ids,
  };
}
