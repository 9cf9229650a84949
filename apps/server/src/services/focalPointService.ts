import type { Country } from '@ruta/protocol';
import type { FocalPointRepository } from '../db/repositories/focalPointRepository.js';
import type { NotificationRepository } from '../db/repositories/notificationRepository.js';
import type { Clock } from '../deps.js';
import { notFound } from '../errors.js';
import { cutPage, readCursor } from './pageCursor.js';
import type { SessionUser } from './authService.js';
import type { FocalPointDoc } from '../db/schemas/focalPointSchema.js';

export interface AlertView {
  id: string;
  caseId: string;
  /** Where the case is run: the alert's reader may open it only when it is their own country's. */
  caseCountry: string | null;
  country: string;
  reason: { es: string; en: string };
  at: string;
  read: boolean;
}

export interface FocalPointView {
  id: string;
  country: string;
  institution: { es: string; en: string };
  function: { es: string; en: string };
  contact: string;
  userId: string | null;
}

/** The directory of liaisons per country (seed 003 §6.5, §9.3), and the alerts for them. */
export class FocalPointService {
  constructor(
    private readonly repo: FocalPointRepository,
    private readonly alerts: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * A page of the alerts for the user's country (every country's for regional users), newest
   * first, each said read or not by this user; with `unread`, only those not read (true) or
   * only those read (false).
   */
  async notifications(
    user: SessionUser,
    q: { unread?: boolean; limit: number; after?: string },
  ): Promise<{ rows: AlertView[]; next: string | null }> {
    let before: { at: string; id: string } | undefined;
    if (q.after) {
      const { key, id } = readCursor(q.after, 'alert list');
      before = { at: key, id };
    }
    const readIds = q.unread === undefined ? undefined : await this.alerts.allReadBy(user.id);
    const found = await this.alerts.listFor({
      country: user.country === 'REGIONAL' ? null : user.country,
      ...(before ? { before } : {}),
      ...(q.unread === true ? { except: readIds } : {}),
      ...(q.unread === false ? { only: readIds } : {}),
      limit: q.limit + 1,
    });
    const { page: docs, next } = cutPage(found, q.limit, (d) => [d.at, d._id]);
    const read = await this.alerts.readBy(
      user.id,
      docs.map((d) => d._id),
    );
    const rows = docs.map((d) => ({
      id: d._id,
      caseId: d.caseId,
      caseCountry: d.caseCountry ?? null,
      country: d.country,
      reason: d.reason,
      at: d.at,
      read: read.has(d._id),
    }));
    return { rows, next };
  }

  /** How many alerts of the user's country (every country's for regional users) the user has not marked read. */
  async unreadCount(user: SessionUser): Promise<number> {
    const read = await this.alerts.allReadBy(user.id);
    return this.alerts.countFor(user.country === 'REGIONAL' ? null : user.country, read);
  }

  /** Marks an alert of the user's country read by them; "not found" for any other. */
  async markRead(user: SessionUser, id: string): Promise<void> {
    const doc = await this.alerts.find(id);
    if (!doc || (user.country !== 'REGIONAL' && doc.country !== user.country)) throw notFound('alert', id);
    await this.alerts.markRead(user.id, id, this.clock());
  }

  async list(country?: Country): Promise<FocalPointView[]> {
    return (await this.repo.list(country)).map((d: FocalPointDoc) => ({
      id: d._id,
      country: d.country,
      institution: d.institution,
      function: d.function,
      contact: d.contact,
      userId: d.userId,
    }));
  }
}
