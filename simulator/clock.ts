/**
 * The world's clock. Time is simulated per scenario — a scenario sets the date (say, the day after the summer release)
 * and the clock runs on from there in real time — so date-dependent behaviour can be tested on any day.
 */
export class SimulatedClock {
  #offsetMs = 0;

  /** Put the clock at the start of the given day (YYYY-MM-DD, UTC) or at an exact instant. */
  set(moment: string | Date): void {
    const target = typeof moment === 'string' ? new Date(`${moment}T08:00:00Z`) : moment;
    // A day the calendar lacks (2026-02-30) is refused, not rolled over into the next month.
    if (Number.isNaN(target.getTime()) || (typeof moment === 'string' && target.toISOString().slice(0, 10) !== moment))
      throw new Error(`Ongeldige datum voor de klok: ${String(moment)}`);
    this.#offsetMs = target.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  /** Today's date as YYYY-MM-DD. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}
