/**
 * The one clock. Tests replace it with a FakeClock to move time inside one process;
 * a test that runs real server processes shifts theirs with CLOCK_OFFSET_MS (test only).
 */
export class Clock {
  constructor(private readonly offsetMs = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

export class FakeClock extends Clock {
  private current: number;
  constructor(start: Date = new Date('2026-11-23T02:00:00.000Z')) {
    super();
    this.current = start.getTime();
  }
  override now(): Date {
    return new Date(this.current);
  }
  advanceMinutes(minutes: number): void {
    this.current += minutes * 60_000;
  }
  set(at: Date): void {
    this.current = at.getTime();
  }
}
