/** A clock a test moves by hand: timers fall due without sleeping. */
export class TestClock {
  private ms: number;

  constructor(start = '2026-03-01T08:00:00.000Z') {
    this.ms = Date.parse(start);
  }

  /** The current instant; each call moves on 1 ms so events stay strictly ordered. */
  readonly now = (): string => new Date(this.ms++).toISOString();

  advanceHours(hours: number): void {
    this.ms += hours * 3_600_000;
  }
}
