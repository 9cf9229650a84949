import { z } from 'zod';
import {
  Country,
  Id,
  Instant,
  Jurisdiction,
  JsonObject,
  PageQuery,
  ProtocolId,
  Role,
  Text,
} from './common.js';

export const StateValue = z.union([z.string(), z.record(z.string(), z.unknown())]);
export const ProtocolRef = z.object({
  id: z.string(),
  version: z.number().int(),
  jurisdiction: Jurisdiction,
});
export const Deadline = z.object({ name: z.string(), title: Text, dueAt: Instant, setAt: Instant });
export const Timer = z.object({ event: z.string(), dueAt: Instant, state: z.string() });
export const Rejection = z.looseObject({ code: z.string(), message: z.string() });
export const Actor = z.object({
  userId: z.string(),
  role: z.union([Role, z.literal('system')]),
  country: Jurisdiction,
});

export const CaseState = z.object({
  id: z.string(),
  protocol: ProtocolRef,
  country: Country,
  value: StateValue,
  status: z.enum(['active', 'closed']),
  data: z
    .record(z.string(), z.unknown())
    .describe('Recorded form data by form id; sensitive values read "[reserved]"'),
  profile: z.object({
    originCountry: z.string().optional(),
    sex: z.string().optional(),
    ageGroup: z.string().optional(),
    exploitation: z.string().optional(),
  }),
  deadlines: z.array(Deadline),
  timers: z.array(Timer),
  seq: z.number().int(),
  head: z.string(),
  openedAt: Instant,
  updatedAt: Instant,
});

export const AvailableAction = z.looseObject({
  event: z.string(),
  title: Text,
  form: z.string().optional(),
  ok: z.boolean(),
  reasons: z.array(Rejection),
});

export const LegalRef = z.looseObject({ seed: z.string(), clause: z.string() });

export const CaseLink = z.object({
  caseId: z.string(),
  country: z.string(),
  relation: z.enum(['referral', 'handover', 'referred-from', 'handed-over-from']),
  protocol: z.object({ id: z.string(), version: z.number().int() }),
});

export const CaseHandoverRef = z.object({
  id: z.string(),
  createdAt: Instant,
  fromCountry: z.string(),
  toCountry: z.string(),
  status: z.enum(['pending', 'accepted', 'declined']),
});

export const CaseView = z.object({
  case: CaseState,
  version: z.number().int().describe('The event sequence number: send it back as expectedVersion'),
  protocol: z.object({ id: z.string(), version: z.number().int(), jurisdiction: Jurisdiction, title: Text }),
  state: z.object({
    value: StateValue,
    active: z.array(
      z.object({
        path: z.string(),
        title: Text,
        form: z.string().optional(),
        deadline: Deadline.optional(),
        legal: z.array(LegalRef),
        institution: Text.optional(),
      }),
    ),
  }),
  available: z.array(AvailableAction),
  deadlines: z.array(Deadline),
  linked: z.array(CaseLink),
  handovers: z.array(CaseHandoverRef),
  assignee: z.string().nullable(),
  nextDue: Instant.nullable(),
  overdue: z.boolean(),
});

export const EventRecord = z.object({
  caseId: z.string(),
  seq: z.number().int(),
  id: z.string(),
  kind: z.enum(['opened', 'step', 'timer', 'migrated']),
  type: z.string(),
  at: Instant,
  actor: Actor.extend({
    name: z.string().optional().describe('In the history: the name of the user who acted, when known'),
  }),
  country: Country.optional().describe('For "opened": the country that runs the case'),
  data: z.unknown().optional(),
  from: StateValue.nullable(),
  to: StateValue,
  protocol: ProtocolRef,
  migration: z.object({ from: ProtocolRef, mapping: z.record(z.string(), z.string()) }).optional(),
  effects: z.array(z.looseObject({ type: z.string() })),
  prev: z.string(),
  hash: z.string(),
});

export const WorklistRow = z.object({
  id: z.string(),
  protocol: ProtocolRef,
  title: Text,
  state: z.object({ value: StateValue, titles: z.array(Text) }),
  country: z.string(),
  assignee: z.string().nullable(),
  nextDue: Instant.nullable(),
  overdue: z.boolean(),
  updatedAt: Instant,
  version: z.number().int(),
});

export const CaseIdParams = z.object({ caseId: Id });

const Version = z.number().int().min(0);

export const OpenCaseBody = z.object({
  protocol: z.object({ id: ProtocolId, version: z.number().int().min(1) }),
});

/** Longest reference text a search takes: a case reference is 24 characters; room for a pasted one with spaces. */
export const REFERENCE_SEARCH_MAX = 64;

/**
 * The reference text of a worklist search, as typed: its spaces at either end dropped and
 * lowercased (references are lowercase), empty read as no search. Names are never searched:
 * a search that found a case by a victim's name would tell that the victim is in the system.
 */
export const ReferenceSearch = z
  .string()
  .max(REFERENCE_SEARCH_MAX, {
    message: `must be at most ${REFERENCE_SEARCH_MAX} characters: type the case reference (24 characters) or its first characters`,
  })
  .refine((s) => !/\p{Cc}/u.test(s), {
    message: 'must not contain control characters (tabs, line breaks): type the case reference only',
  })
  .transform((s) => s.trim().toLowerCase() || undefined)
  .describe(
    'A case reference (its id) or its first characters, case-insensitive, taken literally; a whole reference also finds the cases linked to that case. Names and other form values are never searched.',
  );

export const WorklistQuery = z.object({
  /** Only the case with this reference, or whose reference starts with it (any case). */
  q: ReferenceSearch.optional(),
  country: Country.optional(),
  protocol: ProtocolId.optional(),
  state: z.string().max(300).optional(),
  assignee: z.union([z.literal('me'), Id]).optional(),
  /** true: only overdue cases; false: only cases that are not (no deadline passed). */
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  status: z.enum(['active', 'closed']).optional(),
  ...PageQuery,
});

export const StepBody = z.object({
  event: z.string().min(1).max(200),
  data: JsonObject.optional(),
  expectedVersion: Version,
});

export const RevealBody = z.object({
  form: z.string().min(1).max(200),
  field: z.string().min(1).max(300),
  reason: z
    .string()
    .trim()
    .min(10, 'say why you need to see it (at least 10 characters); it is written to the access log')
    .max(1000),
  seq: z
    .number()
    .int()
    .min(1)
    .max(999_999_999)
    .optional()
    .describe(
      'The step (its seq in GET /history) whose recorded answer to read, for an earlier record of a form recorded more than once; default: the case’s current data',
    ),
});
export const RevealResponse = z.object({ value: z.unknown() });

export const AssignBody = z.object({
  userId: Id,
  expectedVersion: Version,
  /** The assignee the caller saw (null: none): an assignment made meanwhile is then never overwritten. */
  expectedAssignee: Id.nullable().optional(),
});

export const MigrateBody = z.object({
  to: z.object({ id: ProtocolId, version: z.number().int().min(1) }),
  mapping: z.record(z.string(), z.string()),
  expectedVersion: Version,
});
