import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { In } from 'typeorm';
import { DEFAULT_UTC_OFFSET_MINUTES, NOTIFICATION_KINDS, type DeliveryStatus, type NotificationKind } from '@linli/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { PeriodicTask } from '../common/periodic.js';
import { Db } from '../database/db.js';
import { isDeadlock } from '../database/errors.js';
import { Community } from '../places/entities/places.entities.js';
import { PlacesService } from '../places/places.service.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { User } from '../users/entities/users.entities.js';
import { WechatGateway, type WechatCallResult } from '../wechat/wechat.gateway.js';
import { Notification } from './notification.entity.js';
import { templateData, templateFor, type NoticeParts } from './subscribe-templates.js';

/** Rows one worker claims at a time. */
const BATCH = 20;
/** Sends that WeChat proved did nothing are tried this many times in all. */
export const MAX_ATTEMPTS = 5;
/** Wait before the 2nd, 3rd… attempt: 30 s, 2 min, 8 min, 32 min. */
const BACKOFF_MS = 30_000;
/** A notice older than this is no longer news: it stays in the inbox but does not use up a subscription. */
export const MAX_AGE_MS = 24 * 3600_000;

/** WeChat's answers that say the message can never go out as it is: recorded as skipped, not retried. */
const SKIP_CODES = new Set([43101, 47003, 40003]);
/** Answers that say "not now": tried again after the backoff. */
const TRANSIENT_CODES = new Set([-1, 45009, 45011, 40001, 42001]);

type Outcome = { status: Exclude<DeliveryStatus, 'pending' | 'sending'>; reason: string | null } | { status: 'pending'; reason: string; retryAt: Date };

/**
 * Sends the outbox as WeChat subscribe messages, in every API process (docs/architecture.md,
 * "Subscribe messages"). A row is claimed (`sending`, with the claim time) and committed before
 * WeChat is called, so no row lock is held across the call and a row is sent at most once: an answer
 * that proves nothing was sent may be retried; a timeout, or a claim its process never finished,
 * becomes `unknown` and is never sent again.
 */
@Injectable()
export class DeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Delivery');
  private readonly task = new PeriodicTask('delivery', this.logger, async () => {
    const r = await this.deliverDue();
    if (Object.values(r).some((n) => n > 0)) this.logger.log(r, 'delivered');
  });
  /** Longer than any live worker holds a claim: a batch sent one by one, each call at most the WeChat timeout. */
  readonly claimTimeoutMs: number;

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WechatGateway) private readonly wechat: WechatGateway,
    @Inject(PlacesService) private readonly places: PlacesService,
  ) {
    this.claimTimeoutMs = Math.max(10 * 60_000, 2 * BATCH * config.wechat.timeoutMs);
  }

  onApplicationBootstrap(): void {
    // Without WeChat there is nobody to send to: the rows stay pending and the inbox shows them.
    if (this.wechat.configured) this.task.start(this.config.deliveryIntervalMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass: declares dead claims unknown, then sends every row due now. */
  async deliverDue(): Promise<Record<'sent' | 'skipped' | 'failed' | 'retrying' | 'unknown' | 'abandoned', number>> {
    const counts = { sent: 0, skipped: 0, failed: 0, retrying: 0, unknown: 0, abandoned: 0 };
    counts.abandoned = await this.abandonDeadClaims();
    for (;;) {
      const rows = await this.claim();
      for (const [row, outcome] of await this.send(rows)) {
        await this.record(row, outcome);
        counts[outcome.status === 'pending' ? 'retrying' : outcome.status] += 1;
      }
      if (rows.length < BATCH) break;
    }
    return counts;
  }

  /**
   * A row still `sending` after the claim timeout was claimed by a process that died between claiming
   * and writing the outcome. WeChat may have received it, and has no idempotency key: unknown, not resent.
   */
  private async abandonDeadClaims(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.claimTimeoutMs);
    const result = await this.db.manager
      .createQueryBuilder()
      .update(Notification)
      .set({ deliveryStatus: 'unknown', deliveryReason: 'claim_expired', deliverAfter: null })
      .where("deliveryStatus = 'sending' AND deliveryClaimedAt < :cutoff", { cutoff })
      .execute();
    return result.affected ?? 0;
  }

  /**
   * Marks a batch of due rows `sending` and commits; SKIP LOCKED lets other processes claim other rows
   * meanwhile. Two claims can still deadlock on the status index (the UPDATE moves rows within it that the
   * other's scan is passing); InnoDB rolls one back whole, so it simply claims again.
   */
  private async claim(): Promise<Notification[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.claimOnce();
      } catch (e) {
        if (!isDeadlock(e) || attempt >= 5) throw e;
      }
    }
  }

  private claimOnce(): Promise<Notification[]> {
    return this.db.transaction(async (em) => {
      const now = this.clock.now();
      const qb = em
        .createQueryBuilder(Notification, 'n')
        .where("n.deliveryStatus = 'pending' AND n.deliverAfter <= :now", { now })
        .orderBy('n.deliverAfter', 'ASC')
        .addOrderBy('n.id', 'ASC')
        .limit(BATCH);
      if (this.db.isMysql) qb.setLock('pessimistic_write').setOnLocked('skip_locked');
      const rows = await qb.getMany();
      if (rows.length === 0) return rows;
      await em
        .createQueryBuilder()
        .update(Notification)
        .set({ deliveryStatus: 'sending', deliveryClaimedAt: now, deliveryAttempts: () => 'deliveryAttempts + 1' })
        .where({ id: In(rows.map((r) => r.id)) })
        .execute();
      for (const r of rows) r.deliveryAttempts += 1;
      return rows;
    });
  }

  /** Sends claimed rows one by one, with what they need loaded for the whole batch. */
  private async send(rows: Notification[]): Promise<[Notification, Outcome][]> {
    if (rows.length === 0) return [];
    const now = this.clock.now();
    const ids = (xs: (number | null)[]) => [...new Set(xs.filter((x): x is number => x !== null))];
    const tickets = new Map((await this.db.manager.find(Ticket, { where: { id: In(ids(rows.map((r) => r.ticketId))) } })).map((t) => [t.id, t]));
    const people = await this.db.manager.find(User, {
      where: { id: In(ids([...rows.map((r) => r.userId), ...[...tickets.values()].map((t) => t.handlerId)])) },
      select: { id: true, name: true, openid: true },
    });
    const users = new Map(people.map((u) => [u.id, u]));
    const grids = await this.places.gridNames([...tickets.values()].map((t) => t.gridId));
    const communityIds = ids([...rows.map((r) => r.communityId), ...[...tickets.values()].map((t) => t.communityId)]);
    const communities = new Map((await this.db.manager.find(Community, { where: { id: In(communityIds) }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));

    const out: [Notification, Outcome][] = [];
    for (const row of rows) {
      const openid = users.get(row.userId)?.openid ?? null;
      const template = templateFor(this.config.wechat.templates, row.type);
      if (now.getTime() - row.createdAt.getTime() > MAX_AGE_MS) out.push([row, { status: 'skipped', reason: 'expired' }]);
      else if (!openid) out.push([row, { status: 'skipped', reason: 'no_openid' }]);
      else if (!template) out.push([row, { status: 'skipped', reason: 'no_template' }]);
      else {
        const t = row.ticketId !== null ? (tickets.get(row.ticketId) ?? null) : null;
        const communityId = t?.communityId ?? row.communityId;
        const offset = communityId !== null ? ((await this.places.communityPlace(communityId))?.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES) : DEFAULT_UTC_OFFSET_MINUTES;
        const parts = this.parts(row, t, users, grids, communities);
        const data = templateData(template, parts, offset);
        const result = await this.wechat.sendSubscribeMessage({ openid, templateId: template.id, page: pageFor(row), data });
        out.push([row, this.outcome(row, result)]);
      }
    }
    return out;
  }

  /** What the notice says, as its recipient may read it: residents other than the reporter never learn staff's names. */
  private parts(row: Notification, t: Ticket | null, users: Map<number, User>, grids: Map<number, string>, communities: Map<number, string>): NoticeParts {
    const code = t?.code ? `${t.code} ` : '';
    const handler =
      t?.handlerId == null ? '待派单' : row.audience === 'resident' && row.userId !== t.reporterId ? '工作人员' : (users.get(t.handlerId)?.name ?? '工作人员');
    const place = t ? ((t.gridId !== null ? grids.get(t.gridId) : undefined) ?? communities.get(t.communityId) ?? '') : row.communityId !== null ? (communities.get(row.communityId) ?? '') : '';
    return {
      title: row.title,
      status: NOTIFICATION_KINDS[row.type as NotificationKind]?.label ?? row.title,
      at: row.createdAt,
      // The body starts with the ticket's code for the inbox; a 20-character thing has no room for it.
      note: code && row.body.startsWith(code) ? row.body.slice(code.length) : row.body,
      place,
      handler,
    };
  }

  private outcome(row: Notification, result: WechatCallResult): Outcome {
    if (result.kind === 'unknown') return { status: 'unknown', reason: result.reason };
    if (result.kind === 'answered' && result.errcode === 0) return { status: 'sent', reason: null };
    if (result.kind === 'answered' && SKIP_CODES.has(result.errcode)) {
      if (result.errcode !== 47003) return { status: 'skipped', reason: String(result.errcode) };
      // 47003 names the key WeChat refused ("argument invalid! data.thing1.value …"): the template mapping needs a look.
      const field = /data\.(\w+)\.value/.exec(result.errmsg)?.[1] ?? 'unknown_field';
      this.logger.warn({ notificationId: row.id, type: row.type, field, errmsg: result.errmsg }, 'WeChat refused a field of a subscribe message');
      return { status: 'skipped', reason: `47003 ${field}` };
    }
    const reason = result.kind === 'answered' ? String(result.errcode) : result.reason;
    const transient = result.kind === 'unreachable' || TRANSIENT_CODES.has(result.errcode);
    if (transient && row.deliveryAttempts < MAX_ATTEMPTS) {
      return { status: 'pending', reason, retryAt: new Date(this.clock.now().getTime() + BACKOFF_MS * 4 ** (row.deliveryAttempts - 1)) };
    }
    if (result.kind === 'answered') this.logger.warn({ notificationId: row.id, errcode: result.errcode, errmsg: result.errmsg }, 'subscribe message failed');
    return { status: 'failed', reason };
  }

  /** Writes the outcome onto a row this worker still holds. */
  private async record(row: Notification, outcome: Outcome): Promise<void> {
    await this.db.manager
      .createQueryBuilder()
      .update(Notification)
      .set({ deliveryStatus: outcome.status, deliveryReason: outcome.reason?.slice(0, 64) ?? null, deliverAfter: outcome.status === 'pending' ? outcome.retryAt : null })
      .where("id = :id AND deliveryStatus = 'sending'", { id: row.id })
      .execute();
  }
}

/**
 * The page a subscribe message opens: the ticket's detail as its recipient reads it, a booking's page
 * (`pages/booking/index`, for its holder and its booker alike), else the inbox.
 */
export function pageFor(row: Pick<Notification, 'ticketId' | 'audience' | 'bookingId'>): string {
  if (row.bookingId !== null && row.bookingId !== undefined) return `pages/booking/index?id=${row.bookingId}`;
  if (row.ticketId === null || row.audience === null) return 'pages/messages/index';
  const page = { resident: 'pages/ticket/index', handler: 'worker/ticket/index', overseer: 'committee/ticket/index' }[row.audience];
  return `${page}?id=${row.ticketId}`;
}
