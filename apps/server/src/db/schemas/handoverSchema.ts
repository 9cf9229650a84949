import { Schema } from 'mongoose';

/**
 * A case handed from one country to another (seed 003 §9.3, seed 004 §F.2). The packet holds
 * only the shareable fields, as canonical JSON; `packetHash` is its SHA-256 so the receiver
 * can check nothing changed on the way.
 */
export interface HandoverDoc {
  _id: string;
  caseId: string;
  fromCountry: string;
  toCountry: string;
  note: string;
  packet: string;
  packetHash: string;
  /**
   * The sending case's seq and head hash the packet was built from: the packet is what that case's
   * sealed history replays to at that event, which the integrity sweep checks. Absent on the
   * handovers stored before they were recorded (their packet is checked against its hash only).
   */
  caseSeq?: number | null;
  caseHead?: string | null;
  status: 'pending' | 'accepted' | 'declined';
  createdAt: string;
  createdBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  declineReason: string | null;
  linkedCaseId: string | null;
}

export const handoverSchema = new Schema<HandoverDoc>(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    fromCountry: { type: String, required: true },
    toCountry: { type: String, required: true },
    note: { type: String, default: '' },
    packet: { type: String, required: true },
    packetHash: { type: String, required: true },
    caseSeq: { type: Number, default: null },
    caseHead: { type: String, default: null },
    status: { type: String, required: true },
    createdAt: { type: String, required: true },
    createdBy: { type: String, required: true },
    decidedAt: { type: String, default: null },
    decidedBy: { type: String, default: null },
    declineReason: { type: String, default: null },
    linkedCaseId: { type: String, default: null },
  },
  { versionKey: false, strict: 'throw', collection: 'handovers' },
);
// Serves: GET /api/handovers for the receiving country's focal point (pending first).
handoverSchema.index({ toCountry: 1, status: 1 });
// Serves: GET /api/handovers for the sending country.
handoverSchema.index({ fromCountry: 1, status: 1 });
// Serves: GET /api/handovers for regional users, and the order of every page (newest first).
handoverSchema.index({ createdAt: -1, _id: -1 });
// Serves: the id of a new handover of a case to a country (HandoverRepository.allTo).
handoverSchema.index({ caseId: 1, toCountry: 1 });
