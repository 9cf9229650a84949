import type { Country } from '@ruta/protocol';
import type { FocalPointRepository } from '../db/repositories/focalPointRepository.js';
import type { NotificationRepository } from '../db/repositories/notificationRepository.js';
import type { Clock } from '../deps.js';
import { notFound } from '../errors.js';
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

  /** Alerts for the user's country (every country's for regional users), newest first, each said read or not by this user. */
  async notifications(user: SessionUser): Promise<AlertView[]> {
    const docs = await this.alerts.listFor(user.country === 'REGIONAL' ? null : user.country);
    const read = await this.alerts.readBy(
      user.id,
      docs.map((d) => d._id),
    );
    return docs.map((d) => ({
      id: d._id,
      caseId: d.caseId,
      caseCountry: d.caseCountry ?? null,
      country: d.country,
      reason: d.reason,
      at: d.at,
      read: read.has(d._id),
    }));
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
