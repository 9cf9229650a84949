import { Schema } from 'mongoose';
import type { Jurisdiction } from '@ruta/protocol';

/** A protocol or variant file being edited. `revision` guards concurrent edits. */
export interface DraftDoc {
  _id: string;
  jurisdiction: Jurisdiction;
  /** The file's own id and version, as written in it. */
  fileId: string;
  fileVersion: number;
  kind: 'protocol' | 'variant';
  /** The ProtocolFile or VariantFile as JSON text (JSON Logic may nest arrays). */
  file: string;
  /**
   * A regional protocol draft's forms that differ from the version it continues (new or edited),
   * as JSON text of { formId: FormDefinition }; absent or "{}" when none. Variants change forms
   * through their changes instead.
   */
  forms?: string;
  revision: number;
  /** Problem[] as JSON text, from the last save. */
  problems: string;
  /** Invariant[] in force as JSON text, from the last save; absent on drafts saved before it was kept. */
  invariants?: string;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
}

export const draftSchema = new Schema<DraftDoc>(
  {
    _id: { type: String, required: true },
    jurisdiction: { type: String, required: true },
    fileId: { type: String, required: true },
    fileVersion: { type: Number, required: true },
    kind: { type: String, required: true },
    file: { type: String, required: true },
    forms: { type: String },
    revision: { type: Number, required: true },
    problems: { type: String, required: true },
    invariants: { type: String },
    createdBy: { type: String, required: true },
    updatedBy: { type: String, required: true },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
  },
  { versionKey: false, strict: 'throw', collection: 'protocolDrafts' },
);
// Serves: GET /api/protocol-drafts and the drafts in GET /api/protocols (by jurisdiction).
draftSchema.index({ jurisdiction: 1, updatedAt: -1 });
// Serves: whether another jurisdiction is drafting an id, when a draft is created (jurisdictionsDrafting).
draftSchema.index({ fileId: 1 });
