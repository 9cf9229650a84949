import type { CaseRepository } from '../db/repositories/caseRepository.js';
import type { SessionUser } from './authService.js';
import { visibleCountries } from './caseAccess.js';

export const STATS_DIMENSIONS = [
  'originCountry',
  'sex',
  'ageGroup',
  'exploitation',
  'protocol',
  'state',
] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

const FIELD: Record<StatsDimension, string> = {
  originCountry: 'cur.profile.originCountry',
  sex: 'cur.profile.sex',
  ageGroup: 'cur.profile.ageGroup',
  exploitation: 'cur.profile.exploitation',
  protocol: 'cur.protocolId',
  state: 'cur.stage',
};

/** Cells counting fewer cases than this are not published. */
export const MIN_CELL = 5;
/** Published counts are rounded down to a multiple of this. */
export const ROUNDING = 5;

export interface StatsCell {
  key: Partial<Record<StatsDimension, string | null>>;
  count: number;
}

export interface StatsResult {
  cells: StatsCell[];
  /** Every published count is rounded down to a multiple of this. */
  rounding: number;
}

/**
 * Anonymised counts of cases (seed 003 §6.9-6.10, seed 002 #22). Two protections:
 * a cell of fewer than 5 cases is withheld; and every published count is rounded down to a
 * multiple of 5, so a withheld cell cannot be recovered by subtracting published cells from a
 * published total (of this or a coarser query): each published number is only known to ±4.
 * How many cells were withheld is not said either: each holds at least one case, so their number
 * added to the published cells would bound the total from below, and with the rounded total
 * from above, pinning exact counts (4 withheld cells of one child each, say).
 */
export class StatsService {
  constructor(private readonly cases: CaseRepository) {}

  async counts(user: SessionUser, by: StatsDimension[]): Promise<StatsResult> {
    const fields = Object.fromEntries(by.map((d) => [d, FIELD[d]]));
    const rows = await this.cases.countBy(visibleCountries(user), fields);
    const cells: StatsCell[] = [];
    for (const row of rows) {
      if (row.count < MIN_CELL) continue;
      const key: StatsCell['key'] = {};
      // FerretDB leaves a missing field out of the group key; MongoDB gives null: both mean "not recorded".
      for (const d of by) key[d] = row._id?.[d] ?? null;
      cells.push({ key, count: Math.floor(row.count / ROUNDING) * ROUNDING });
    }
    cells.sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
    return { cells, rounding: ROUNDING };
  }
}
