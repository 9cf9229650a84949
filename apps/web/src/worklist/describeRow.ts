import type { WorklistItem } from '../api/types.js';

/** Who a case is assigned to, as the worklist says it: "you", someone's id, or nobody (null). */
export function rowAssignee(row: Pick<WorklistItem, 'assignee'>, myId: string | null): 'me' | string | null {
  if (!row.assignee) return null;
  return row.assignee === myId ? 'me' : row.assignee;
}
