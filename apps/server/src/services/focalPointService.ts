import type { Country } from '@ruta/protocol';
import type { FocalPointRepository } from '../db/repositories/focalPointRepository.js';
import type { FocalPointDoc } from '../db/schemas/focalPointSchema.js';

export interface FocalPointView {
  id: string;
  country: string;
  institution: { es: string; en: string };
  function: { es: string; en: string };
  contact: string;
  userId: string | null;
}

/** The directory of liaisons per country (seed 003 §6.5, §9.3). */
export class FocalPointService {
  constructor(private readonly repo: FocalPointRepository) {}

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
