import type { Country } from '@ruta/protocol';
import type { Models } from '../models.js';
import type { FocalPointDoc } from '../schemas/focalPointSchema.js';

export class FocalPointRepository {
  constructor(private readonly models: Models) {}

  async list(country?: Country): Promise<FocalPointDoc[]> {
    const q = country ? { country } : {};
    return this.models.focalPoints.find(q).sort({ country: 1, _id: 1 }).lean<FocalPointDoc[]>().exec();
  }

  async upsert(doc: FocalPointDoc): Promise<void> {
    await this.models.focalPoints.updateOne({ _id: doc._id }, { $set: doc }, { upsert: true }).exec();
  }
}
