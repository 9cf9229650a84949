import { createHash } from 'node:crypto';

/**
 * A stable id (24 hex digits, ObjectId-shaped) derived from a name: doing the same thing twice
 * (an effect carried out again after a crash, a handover accepted twice) writes the same record.
 */
export function derivedId(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 24);
}
