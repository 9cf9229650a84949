import type { Text } from '@ruta/protocol';
import type { WorklistItem } from '../api/types.js';

/** The protocol's title for a worklist row, whichever shape the server sent it in. */
export function rowProtocolTitle(row: WorklistItem): Text | string {
  if (row.title) return row.title;
  if (typeof row.protocol === 'string') return row.protocol;
  return row.protocol.title ?? `${row.protocol.id} v${row.protocol.version}`;
}

/** Who the case is assigned to, or null when nobody is. */
export function rowAssignee(row: WorklistItem): string | null {
  const a = row.assignee;
  if (!a) return null;
  if (typeof a === 'string') return a;
  return a.name ?? a.username ?? a.id;
}
