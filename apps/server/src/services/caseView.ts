import {
  availableActions,
  type AvailableAction,
  type CaseState,
  type Deadline,
  type StateValue,
} from '@ruta/engine';
import type { LegalRef, Text } from '@ruta/protocol';
import type { CaseHandoverDoc, CaseLinkDoc } from '../db/schemas/caseSchema.js';
import type { SessionUser } from './authService.js';
import { leafPaths } from './caseFields.js';
import type { LoadedCase } from './caseStore.js';
import type { LoadedProtocol } from './protocolStore.js';
import { redactCaseData } from './redaction.js';
import { RECEIVE_EVENT } from './receiveEvent.js';

export interface ActiveState {
  path: string;
  title: Text;
  form?: string;
  deadline?: Deadline;
  legal: LegalRef[];
  institution?: Text;
}

export interface CaseView {
  case: CaseState;
  version: number;
  protocol: { id: string; version: number; jurisdiction: string; title: Text };
  state: { value: StateValue; active: ActiveState[] };
  available: AvailableAction[];
  deadlines: Deadline[];
  linked: CaseLinkDoc[];
  handovers: CaseHandoverDoc[];
  assignee: string | null;
  nextDue: string | null;
  overdue: boolean;
}

/** Titles of the active leaf states, for lists. */
export function stateTitles(protocol: LoadedProtocol, value: StateValue): Text[] {
  return leafPaths(value).map((p) => protocol.compiled.states.get(p)?.title ?? { es: p, en: p });
}

/** What the API shows of a case to one user: sensitive values reserved, actions for that user. */
export function buildCaseView(
  loaded: LoadedCase,
  protocol: LoadedProtocol,
  user: SessionUser,
  now: string,
): CaseView {
  const { state, doc } = loaded;
  const { compiled, resolved } = protocol;
  const active = leafPaths(state.value).map((path): ActiveState => {
    const s = compiled.states.get(path);
    const deadline = state.deadlines.find((d) => d.name === `state:${path}`);
    return {
      path,
      title: s?.title ?? { es: path, en: path },
      ...(s?.form ? { form: s.form } : {}),
      ...(deadline ? { deadline } : {}),
      legal: s?.legal ?? [],
      ...(s?.institution ? { institution: s.institution } : {}),
    };
  });
  const available =
    state.status === 'active'
      ? availableActions(compiled, state, { userId: user.id, role: user.role, country: user.country }).filter(
          (a) => a.event !== RECEIVE_EVENT,
        )
      : [];
  return {
    case: { ...state, data: redactCaseData(resolved, state.data) },
    version: state.seq,
    protocol: {
      id: resolved.id,
      version: resolved.version,
      jurisdiction: resolved.jurisdiction,
      title: resolved.title,
    },
    state: { value: state.value, active },
    available,
    deadlines: state.deadlines,
    linked: Object.values(doc.links ?? {}),
    handovers: Object.values(doc.handovers ?? {}).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    assignee: doc.assignee ?? null,
    nextDue: doc.cur.nextDue ?? null,
    overdue: doc.cur.nextDue != null && doc.cur.nextDue < now,
  };
}
