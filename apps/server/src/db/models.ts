import type { Connection, Model } from 'mongoose';
import { accessLogSchema, type AccessLogDoc } from './schemas/accessLogSchema.js';
import { accountLogSchema, type AccountLogDoc } from './schemas/accountLogSchema.js';
import { caseEventSchema, type CaseEventDoc } from './schemas/caseEventSchema.js';
import { caseSchema, type CaseDoc } from './schemas/caseSchema.js';
import { claimSchema, type ClaimDoc } from './schemas/claimSchema.js';
import { draftSchema, type DraftDoc } from './schemas/draftSchema.js';
import { focalPointSchema, type FocalPointDoc } from './schemas/focalPointSchema.js';
import { handoverSchema, type HandoverDoc } from './schemas/handoverSchema.js';
import {
  integrityFindingSchema,
  integritySweepSchema,
  packetFindingSchema,
  type IntegrityFindingDoc,
  type IntegritySweepDoc,
  type PacketFindingDoc,
} from './schemas/integritySchema.js';
import { linkSchema, type LinkDoc } from './schemas/linkSchema.js';
import { notificationSchema, type NotificationDoc } from './schemas/notificationSchema.js';
import { notificationReadSchema, type NotificationReadDoc } from './schemas/notificationReadSchema.js';
import { protocolSchema, type ProtocolDoc } from './schemas/protocolSchema.js';
import { sessionSchema, type SessionDoc } from './schemas/sessionSchema.js';
import { userSchema, type UserDoc } from './schemas/userSchema.js';

export interface Models {
  protocols: Model<ProtocolDoc>;
  drafts: Model<DraftDoc>;
  cases: Model<CaseDoc>;
  caseEvents: Model<CaseEventDoc>;
  links: Model<LinkDoc>;
  handovers: Model<HandoverDoc>;
  users: Model<UserDoc>;
  sessions: Model<SessionDoc>;
  focalPoints: Model<FocalPointDoc>;
  accessLog: Model<AccessLogDoc>;
  accountLog: Model<AccountLogDoc>;
  notifications: Model<NotificationDoc>;
  notificationReads: Model<NotificationReadDoc>;
  claims: Model<ClaimDoc>;
  integrityFindings: Model<IntegrityFindingDoc>;
  integritySweeps: Model<IntegritySweepDoc>;
  packetFindings: Model<PacketFindingDoc>;
}

const byConnection = new WeakMap<Connection, Models>();

/** The models of one connection (each test file has its own database, so its own models). */
export function createModels(connection: Connection): Models {
  const known = byConnection.get(connection);
  if (known) return known;
  const models: Models = {
    protocols: connection.model<ProtocolDoc>('Protocol', protocolSchema),
    drafts: connection.model<DraftDoc>('ProtocolDraft', draftSchema),
    cases: connection.model<CaseDoc>('Case', caseSchema),
    caseEvents: connection.model<CaseEventDoc>('CaseEvent', caseEventSchema),
    links: connection.model<LinkDoc>('Link', linkSchema),
    handovers: connection.model<HandoverDoc>('Handover', handoverSchema),
    users: connection.model<UserDoc>('User', userSchema),
    sessions: connection.model<SessionDoc>('Session', sessionSchema),
    focalPoints: connection.model<FocalPointDoc>('FocalPoint', focalPointSchema),
    accessLog: connection.model<AccessLogDoc>('AccessLog', accessLogSchema),
    accountLog: connection.model<AccountLogDoc>('AccountLog', accountLogSchema),
    notifications: connection.model<NotificationDoc>('Notification', notificationSchema),
    notificationReads: connection.model<NotificationReadDoc>('NotificationRead', notificationReadSchema),
    claims: connection.model<ClaimDoc>('Claim', claimSchema),
    integrityFindings: connection.model<IntegrityFindingDoc>('IntegrityFinding', integrityFindingSchema),
    integritySweeps: connection.model<IntegritySweepDoc>('IntegritySweep', integritySweepSchema),
    packetFindings: connection.model<PacketFindingDoc>('PacketFinding', packetFindingSchema),
  };
  byConnection.set(connection, models);
  return models;
}

/** Creates every collection and index; run once at start-up so a missing index fails loudly. */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models) as Model<unknown>[]) {
    await model.createCollection().catch((e: { codeName?: string; code?: number }) => {
      if (e.codeName !== 'NamespaceExists' && e.code !== 48) throw e;
    });
    await model.createIndexes();
  }
}

/**
 * Inserts a document unless one with its _id (or unique key) exists; returns whether it did.
 * (Not an upsert with $setOnInsert: FerretDB drops null fields from those.)
 */
export async function insertIfAbsent<T>(model: Model<T>, doc: T): Promise<boolean> {
  try {
    await model.create(doc);
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}

/** MongoDB's duplicate-key error: the unique index refused a second writer. */
export function isDuplicateKey(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const err = e as { code?: number; writeErrors?: { code?: number }[] };
  return (
    err.code === 11000 ||
    ((err.writeErrors?.length ?? 0) > 0 && err.writeErrors!.every((w) => w.code === 11000))
  );
}
