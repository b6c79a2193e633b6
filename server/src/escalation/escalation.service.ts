import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { ESCALATION_LEVEL_LABELS, ESCALATION_LEVELS, OPEN_TICKET_STATUSES, TOP_ESCALATION_LEVEL } from '@linli/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { enqueueNotifications } from '../notifications/outbox.js';
import { RoleAssignment } from '../users/entities/users.entities.js';
import { IdempotencyRecord } from '../tickets/entities/idempotency-record.entity.js';
import { TicketEvent } from '../tickets/entities/ticket-event.entity.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { TicketsService } from '../tickets/tickets.service.js';

const BATCH = 200;
const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/**
 * The sweeper: escalates every overdue ticket one level (grid → community →
 * street → district) and closes resolved tickets nobody rated.
 * Its work list is the tickets table itself (nextEscalationAt, autoCloseAt), so
 * it survives restarts; on MySQL several processes claim disjoint batches with
 * SELECT … FOR UPDATE SKIP LOCKED, and each ticket's version guards the write.
 */
@Injectable()
export class EscalationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Sweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TicketsService) private readonly tickets: TicketsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sweepIntervalMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.sweepIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.sweep()
      .then((r) => (r.escalated || r.autoClosed) && this.logger.log(r, 'swept'))
      .catch((e) => this.logger.error(e, 'sweep failed'))
      .finally(() => (this.running = null));
    await this.running;
  }

  /** One full pass: everything due now is handled before it returns. */
  async sweep(): Promise<{ escalated: number; autoClosed: number }> {
    let escalated = 0;
    let autoClosed = 0;
    for (;;) {
      const n = await this.db.transaction((em) => this.escalateBatch(em));
      escalated += n;
      if (n < BATCH) break;
    }
    for (;;) {
      const n = await this.db.transaction((em) => this.autoCloseBatch(em));
      autoClosed += n;
      if (n < BATCH) break;
    }
    await this.forgetOldIdempotencyKeys();
    return { escalated, autoClosed };
  }

  /** A phone retries within minutes; a key older than a day is no longer needed to recognise a retry. */
  private async forgetOldIdempotencyKeys(): Promise<void> {
    const before = new Date(this.clock.now().getTime() - IDEMPOTENCY_TTL_MS);
    await this.db.manager.createQueryBuilder().delete().from(IdempotencyRecord).where('createdAt < :before', { before }).execute();
  }

  private claim(em: EntityManager, column: 'nextEscalationAt' | 'autoCloseAt', now: Date): Promise<Ticket[]> {
    const qb = em
      .createQueryBuilder(Ticket, 't')
      .where(`t.${column} <= :now`, { now })
      .orderBy(`t.${column}`, 'ASC')
      .take(BATCH);
    if (this.db.isMysql) qb.setLock('pessimistic_write').setOnLocked('skip_locked');
    return qb.getMany();
  }

  private async escalateBatch(em: EntityManager): Promise<number> {
    const now = this.clock.now();
    const due = await this.claim(em, 'nextEscalationAt', now);
    if (due.length === 0) return 0;
    const recipients = await this.recipients(em, due);
    const events: Partial<TicketEvent>[] = [];
    for (const t of due) {
      if (!OPEN_TICKET_STATUSES.includes(t.status) || t.escalationLevel >= TOP_ESCALATION_LEVEL) {
        await this.tickets.save(em, t, now); // recomputes nextEscalationAt (to null)
        continue;
      }
      t.escalationLevel += 1;
      t.lastEscalatedAt = now;
      await this.tickets.save(em, t, now);
      const level = ESCALATION_LEVELS[t.escalationLevel];
      events.push({ ticketId: t.id, type: 'escalated', actorId: null, actorRole: 'system', note: `超时未${t.status === 'accepted' ? '办结' : '接单'}，升级至${ESCALATION_LEVEL_LABELS[level]}`, photoKeys: null, data: { level }, createdAt: now });
      const to = [...(recipients.get(`${level}:${placeOf(t, level)}`) ?? []), ...(t.handlerId ? [t.handlerId] : [])];
      await enqueueNotifications(em, to, this.tickets.draft(t, 'escalated', `报事超时，已升级至${ESCALATION_LEVEL_LABELS[level]}`, t.description), now);
    }
    if (events.length) await em.insert(TicketEvent, events);
    return due.length;
  }

  /** Who watches each level's place: committee members, street officers, district officers — loaded once per batch. */
  private async recipients(em: EntityManager, due: Ticket[]): Promise<Map<string, number[]>> {
    const communities = [...new Set(due.map((t) => t.communityId))];
    const streets = [...new Set(due.map((t) => t.streetId))];
    const districts = [...new Set(due.map((t) => t.districtId))];
    const rows = await em.find(RoleAssignment, {
      where: [
        { role: 'committee_member', communityId: In(communities) },
        { role: 'street_officer', streetId: In(streets) },
        { role: 'district_officer', districtId: In(districts) },
      ],
    });
    const map = new Map<string, number[]>();
    for (const r of rows) {
      const key =
        r.role === 'committee_member' ? `community:${r.communityId}` : r.role === 'street_officer' ? `street:${r.streetId}` : `district:${r.districtId}`;
      map.set(key, [...(map.get(key) ?? []), r.userId]);
    }
    return map;
  }

  private async autoCloseBatch(em: EntityManager): Promise<number> {
    const now = this.clock.now();
    const due = await this.claim(em, 'autoCloseAt', now);
    const events: Partial<TicketEvent>[] = [];
    for (const t of due) {
      if (t.status === 'resolved') {
        t.status = 'closed';
        t.rating = 'not_rated'; // never counted as satisfied
        t.closedAt = now;
        events.push({ ticketId: t.id, type: 'auto_closed', actorId: null, actorRole: 'system', note: null, photoKeys: null, data: null, createdAt: now });
      }
      t.autoCloseAt = null;
      await this.tickets.save(em, t, now);
    }
    if (events.length) await em.insert(TicketEvent, events);
    return due.length;
  }
}

function placeOf(t: Ticket, level: string): number {
  return level === 'community' ? t.communityId : level === 'street' ? t.streetId : t.districtId;
}
