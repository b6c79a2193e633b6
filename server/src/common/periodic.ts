import type { Logger } from '@nestjs/common';

/**
 * Work a process repeats on an interval (the sweeper, housekeeping, delivery): never two runs of it at
 * once in this process, a failure logged and the next tick tried again, and shutdown waiting for a run
 * under way. Safety across processes is the work's own business (row claims, idempotent deletes).
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
    private readonly work: () => Promise<void>,
  ) {}

  /** Starts ticking every `intervalMs`; 0 or less leaves it off. */
  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.work()
      .catch((e) => this.logger.error(e, `${this.name} failed`))
      .finally(() => (this.running = null));
    await this.running;
  }
}
