import { z } from 'zod';
import { Country, Id, Instant, JsonObject, PageQuery, Text } from './common.js';
import { CaseView, ProtocolRef, StateValue } from './caseApi.js';
import { STATS_DIMENSIONS } from '../services/statsService.js';

export const Handover = z.object({
  id: z.string(),
  caseId: z.string(),
  fromCountry: z.string(),
  toCountry: z.string(),
  note: z.string(),
  packet: z
    .object({
      protocol: ProtocolRef,
      state: StateValue,
      data: z
        .record(z.string(), z.record(z.string(), z.unknown()))
        .describe('Only x-shareable fields, by form id'),
    })
    .nullable()
    .describe('Null when the stored packet was altered in the database (see packetProblem): withheld'),
  packetProblem: z
    .enum(['unreadable', 'altered', 'differs-from-history', 'not-in-history'])
    .nullable()
    .describe(
      "Why the packet is withheld: unreadable, no longer a packet; altered, no longer matching packetHash; differs-from-history, matching packetHash but not the packet the sending case's sealed history rebuilds at the event it was built from; not-in-history, that event (seq and head hash) is not in the sending case's history. Such a handover cannot be accepted (409 packet-altered), only declined",
    ),
  packetHash: z.string().describe('SHA-256 (hex) of the canonical JSON of the packet'),
  status: z.enum(['pending', 'accepted', 'declined']),
  createdAt: Instant,
  decidedAt: Instant.nullable(),
  declineReason: z.string().nullable(),
  linkedCaseId: z.string().nullable(),
});

export const HandoverParams = z.object({ id: Id });
export const HandoverCreateBody = z.object({ toCountry: Country, note: z.string().max(2000).default('') });
export const HandoverListQuery = z.object({
  status: z.enum(['pending', 'accepted', 'declined']).optional(),
  ...PageQuery,
});
export const AcceptBody = z
  .object({
    data: JsonObject.optional().describe(
      'Fields of the receiving form the packet cannot fill (e.g. expectedArrival, portOfEntry, escortingInstitution)',
    ),
  })
  .optional();
export const DeclineBody = z.object({
  reason: z.string().trim().min(5, 'say why the handover is declined').max(2000),
});

export const ChainReport = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  brokenAt: z.number().int().nullable(),
  reason: z.string(),
  problem: z
    .looseObject({ code: z.string() })
    .optional()
    .describe('Why it breaks: a code and what to word it with (engine ChainProblem); absent when intact'),
});

export const ConformanceReport = z.object({
  ok: z.boolean(),
  protocol: ProtocolRef,
  events: z.array(
    z.looseObject({
      seq: z.number().int(),
      type: z.string(),
      protocol: z
        .object({ id: z.string(), version: z.number().int() })
        .optional()
        .describe(
          'The protocol version the event records it ran under, to name it with that version’s titles',
        ),
      accepted: z.boolean(),
      sameState: z.boolean(),
      hashIntact: z.boolean(),
      reasons: z.array(z.looseObject({ code: z.string(), message: z.string() })),
    }),
  ),
  firstDivergence: z.number().int().nullable(),
  document: z
    .array(z.looseObject({ part: z.string() }))
    .optional()
    .describe('Where the stored case document differs from the replayed history (engine DocumentDifference)'),
});

export const WhatIfBody = z.object({
  protocol: z.object({ id: z.string().min(1), version: z.number().int().min(1) }),
});

export const StatsQuery = z.object({
  by: z
    .string()
    .default('originCountry')
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(STATS_DIMENSIONS)).min(1).max(STATS_DIMENSIONS.length))
    .describe(`Comma-separated: ${STATS_DIMENSIONS.join(', ')}`),
});
export const StatsResponse = z.object({
  cells: z.array(z.object({ key: z.record(z.string(), z.string().nullable()), count: z.number().int() })),
  rounding: z.number().int(),
});

export const Notification = z.object({
  id: z.string(),
  caseId: z.string(),
  caseCountry: z.string().nullable().describe('The country the case is run in (null for older alerts)'),
  country: z.string(),
  reason: Text,
  at: Instant,
  read: z.boolean().describe('Whether the caller has marked it read'),
});
export const NotificationListQuery = z.object({
  /** true: only the alerts the caller has not marked read; false: only those read. */
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  ...PageQuery,
});
export const UnreadCount = z.object({
  count: z.number().int().describe('Alerts the caller has not marked read'),
});
export const NotificationParams = z.object({
  id: z.string().regex(/^[0-9a-f]{24}:\d{1,9}:\d{1,3}$/, {
    message: 'must be an alert id as GET /api/notifications gives it, e.g. "65f1c0ffee0000000000abcd:3:0"',
  }),
});

export const FocalPointsQuery = z.object({ country: Country.optional() });
export const FocalPoint = z.object({
  id: z.string(),
  country: z.string(),
  institution: Text,
  function: Text,
  contact: z.string(),
  userId: z.string().nullable(),
});

export const AcceptResponse = z.object({ handover: Handover, linkedCase: CaseView });

const IntegrityProblem = z.object({
  code: z
    .string()
    .describe('A chain problem code (altered, events-missing...), document-differs, or not-conforming'),
  seq: z.number().int().nullable().describe('The first event at fault, when one is'),
  parts: z.array(z.string()).describe('Parts of the case document that differ from its history'),
  forms: z.array(z.string()).describe('Forms whose data differs (never their values)'),
  reasons: z.array(z.string()).describe('Replay reason codes at the first divergent event'),
});

export const IntegrityView = z.object({
  sweep: z
    .object({
      startedAt: Instant,
      finishedAt: Instant.nullable().describe('Null while it runs, or when it was cut short'),
      running: z.boolean(),
      cases: z.number().int().describe('Cases checked, in the countries the caller sees'),
      damaged: z.number().int(),
      handovers: z
        .number()
        .int()
        .describe('Handover packets checked, of handovers from or to the countries the caller sees'),
      damagedHandovers: z.number().int(),
      unsealedHandovers: z
        .number()
        .int()
        .describe(
          "Of the handover packets checked, those stored before the sending case's seq was recorded with them: checked against packetHash (and the receipt), not against the case's history",
        ),
    })
    .nullable()
    .describe('The last sweep; null before the first'),
  total: z.number().int().describe('Damaged cases the caller sees'),
  cases: z.array(
    z.object({
      caseId: z.string(),
      country: z.string(),
      protocol: z
        .object({ id: z.string(), version: z.number().int() })
        .nullable()
        .describe('The protocol version the case runs under, to name its forms'),
      foundAt: Instant,
      checkedAt: Instant,
      problem: IntegrityProblem,
    }),
  ),
  handoverTotal: z.number().int().describe('Damaged handover packets the caller sees'),
  handovers: z.array(
    z.object({
      handoverId: z.string(),
      caseId: z.string().describe('The sending case'),
      fromCountry: z.string(),
      toCountry: z.string(),
      status: z.enum(['pending', 'accepted', 'declined']),
      linkedCaseId: z.string().nullable().describe('The case the receiving country opened from it'),
      foundAt: Instant,
      checkedAt: Instant,
      problem: z.object({
        code: z
          .enum([
            'unreadable',
            'altered',
            'differs-from-received',
            'differs-from-history',
            'not-in-history',
            'missing',
          ])
          .describe(
            "unreadable: no longer a packet; altered: no longer matching packetHash; differs-from-received: packet and hash rewritten together, no longer what the receiving case recorded; differs-from-history: packet and hash rewritten together, no longer the packet the sending case's sealed history rebuilds at the event it was built from (seq); not-in-history: the sending case's history holds no event seq with the head hash the handover recorded; missing: a handover found damaged before is no longer stored",
          ),
        fields: z
          .array(z.string())
          .describe(
            'The packet fields that differ (never their values): receipt field names; against the history, protocol, state or form.field',
          ),
        seq: z
          .number()
          .int()
          .nullable()
          .describe("The sending case's event the packet was built from (history problems only)"),
      }),
    }),
  ),
});
