import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db } from '../database/db.js';
import { LessThan } from 'typeorm';
import { Topic, TopicIdempotencyRecord, Vote } from './entities/deliberation.entities.js';
import { TopicsService } from './topics.service.js';
import { VotesService } from './votes.service.js';
import { MeetingsService } from './meetings.service.js';
import { VersionConflict } from './topic-writes.js';

const BATCH = 100;

/**
 * The system's part of 议事, on the sweeper's interval in every process: proposals whose co-signing window
 * ended below the threshold lapse (联署期满未达标), and votes past their closing time are closed and
 * tallied; meetings of tomorrow get their reminder from 09:00 local. Each through the same rules and writes as people's actions, so running twice changes nothing.
 */
@Injectable()
export class DeliberationSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new PeriodicTask('deliberation', new Logger('Deliberation'), async () => void (await this.run()));

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TopicsService) private readonly topics: TopicsService,
    @Inject(VotesService) private readonly votes: VotesService,
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.sweepIntervalMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  async run(): Promise<{ lapsed: number; votesClosed: number; remindersSent: number }> {
    const now = this.clock.now();
    let lapsed = 0;
    const due = await this.db.manager
      .createQueryBuilder(Topic, 't')
      .select('t.id', 'id')
      .where("t.status = 'seconding' AND t.secondingEndsAt <= :now", { now })
      .orderBy('t.id', 'ASC')
      .limit(BATCH)
      .getRawMany<{ id: number }>();
    for (const { id } of due) {
      try {
        await this.db.transaction(async (em) => {
          const t = await em.findOneBy(Topic, { id: Number(id) });
          if (!t || t.status !== 'seconding') return;
          await this.topics.apply(em, t, { action: 'lapse' }, ['system'], { id: null, role: 'system' }, this.clock.now(), { note: `联署${t.cosigns}户，未达${t.threshold}户`, noticeBody: `联署期满共${t.cosigns}户，未达到${t.threshold}户` });
          lapsed += 1;
        });
      } catch (e) {
        // Another process (or a co-sign that reached the threshold) changed it first: nothing to do now.
        if (!(e instanceof VersionConflict)) throw e;
      }
    }
    let votesClosed = 0;
    const votes = await this.db.manager
      .createQueryBuilder(Vote, 'v')
      .select('v.id', 'id')
      .where("v.status = 'open' AND v.closesAt <= :now", { now })
      .orderBy('v.id', 'ASC')
      .limit(BATCH)
      .getRawMany<{ id: number }>();
    for (const { id } of votes) if (await this.votes.closeVote(Number(id), null)) votesClosed += 1;
    // A phone retries within minutes: keys are kept a day.
    await this.db.manager.delete(TopicIdempotencyRecord, { createdAt: LessThan(new Date(now.getTime() - 86_400_000)) });
    return { lapsed, votesClosed, remindersSent: await this.meetings.sendReminders() };
  }
}
