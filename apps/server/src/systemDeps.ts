import { ObjectId } from 'mongodb';
import type { Clock, Ids } from './deps.js';

/** The real clock, for main.ts (tests inject their own). */
export const systemClock: Clock = () => new Date().toISOString();
/** ObjectId-shaped ids (24 hex digits): time-ordered and unique across processes. */
export const objectIds: Ids = () => new ObjectId().toHexString();
