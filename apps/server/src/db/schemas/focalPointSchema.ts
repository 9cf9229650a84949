import { Schema } from 'mongoose';
import type { Country, Text } from '@ruta/protocol';

/** The directory of liaisons for repatriation and reintegration (seed 003 §6.5 and §9.3). */
export interface FocalPointDoc {
  _id: string;
  country: Country;
  institution: Text;
  /** What this contact is for, e.g. the repatriation liaison or the child-protection authority. */
  function: Text;
  contact: string;
  /** The user who receives this country's handovers, when one exists. */
  userId: string | null;
}

export const focalPointSchema = new Schema<FocalPointDoc>(
  {
    _id: { type: String, required: true },
    country: { type: String, required: true },
    institution: { es: { type: String, required: true }, en: { type: String, required: true } },
    function: { es: { type: String, required: true }, en: { type: String, required: true } },
    contact: { type: String, required: true },
    userId: { type: String, default: null },
  },
  { versionKey: false, strict: 'throw', collection: 'focalPoints' },
);
// Serves: GET /api/focal-points?country=.
focalPointSchema.index({ country: 1 });
