import type { Country } from '@ruta/protocol';
import type { FocalPointRepository } from '../db/repositories/focalPointRepository.js';
import type { NotificationRepository } from '../db/repositories/notificationRepository.js';
import type { SessionUser } from './authService.js';
import type { FocalPointDoc } from '../db/schemas/focalPointSchema.js';

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
  ) {}

  /** Alerts for the user's country (every country's for regional users), newest first. */
  async notifications(
    user: SessionUser,
  ): Promise<
    { id: string; caseId: string; country: string; reason: { es: string; en: string }; at: string }[]
  > {
    const docs = await this.alerts.listFor(user.country === 'REGIONAL' ? null : user.country);
    return docs.map((d) => ({ id: d._id, caseId: d.caseId, country: d.country, reason: d.reason, at: d.at }));
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
