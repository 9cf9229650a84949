/**
 * The event that opens a received case (the shipped protocols' intake accepts it). Only
 * accepting a handover records it, with the packet the sending country attested: sent as an
 * ordinary step it would fake a received case.
 */
export const RECEIVE_EVENT = 'RECEIVE_HANDOVER';
