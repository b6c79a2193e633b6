import { Injectable } from '@nestjs/common';

/** The one clock. Tests replace it with a FakeClock to move time. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
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
