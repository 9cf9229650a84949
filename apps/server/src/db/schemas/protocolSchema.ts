import { Schema } from 'mongoose';
import type { Jurisdiction, Population, Text } from '@ruta/protocol';

/**
 * A published protocol version: immutable once written. `body` is the ResolvedProtocol as
 * JSON text: JSON Logic holds nested arrays, which FerretDB cannot store as BSON, and the
 * text keeps exactly what auditors replay against.
 */
export interface ProtocolDoc {
  /** "<id>@<version>" */
  _id: string;
  protocolId: string;
  version: number;
  jurisdiction: Jurisdiction;
  title: Text;
  population: Population;
  /** "id@version" of the protocol a variant derives from. */
  base: string | null;
  /** Id of the regional protocol at the root of the variant chain (its own id for a regional one). */
  root: string;
  /** SHA-256 of the canonical JSON of the body. */
  hash: string;
  body: string;
  publishedAt: string;
  publishedBy: string;
}

const text = { es: { type: String, required: true }, en: { type: String, required: true } };

export const protocolSchema = new Schema<ProtocolDoc>(
  {
    _id: { type: String, required: true },
    protocolId: { type: String, required: true },
    version: { type: Number, required: true },
    jurisdiction: { type: String, required: true },
    title: text,
    population: { type: String, required: true },
    base: { type: String, default: null },
    root: { type: String, required: true },
    hash: { type: String, required: true },
    body: { type: String, required: true },
    publishedAt: { type: String, required: true },
    publishedBy: { type: String, required: true },
  },
  { versionKey: false, strict: 'throw', collection: 'protocols' },
);
// Serves: publish (a version is written once), GET /api/protocols/:id/versions/:version, and the
// newest version of an id whose family a new draft must belong to (latestOf).
protocolSchema.index({ protocolId: 1, version: 1 }, { unique: true });
// Serves: handover acceptance, "the receiving country's variant of this regional protocol".
protocolSchema.index({ root: 1, jurisdiction: 1 });
