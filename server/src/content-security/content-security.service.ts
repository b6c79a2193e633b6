import { Inject, Injectable, Logger } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { Booking } from '../bookings/entities/booking.entities.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { WechatGateway, type SecScene } from '../wechat/wechat.gateway.js';
import { ContentHold } from './content-hold.entity.js';

/** A text someone is about to publish, with the words that name it in a refusal. */
export interface PublishedText {
  field: 'description' | 'resolutionNote' | 'reason' | 'ratingComment' | 'nickname';
  /** 问题描述, 评价内容…: what the 422 names. */
  label: string;
  text: string | null | undefined;
  scene: SecScene;
}

/** What a check decided: publish, or store and hold (with why). Risky text never gets this far: 422. */
export type Verdict = { held: false } | { held: true; reason: string; field: PublishedText['field']; text: string; traceId: string | null };

/**
 * Content security (内容安全): every text a user publishes goes through WeChat's msgSecCheck v2 before it
 * is stored. risky → 422 CONTENT_RISKY naming the field; review, WeChat unavailable, or an author WeChat
 * cannot check (no openid seen within two hours) → stored and held until a committee member releases it.
 * Staff's texts (results, reasons) are checked the same way but never held: a doubt is logged.
 */
@Injectable()
export class ContentSecurityService {
  private readonly logger = new Logger('ContentSecurity');

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WechatGateway) private readonly wechat: WechatGateway,
  ) {}

  /** Checks the texts of one request, before its transaction (a network call holds no lock). */
  async check(author: AuthUser, texts: PublishedText[], as: 'resident' | 'staff'): Promise<Verdict> {
    const present = texts.filter((t): t is PublishedText & { text: string } => typeof t.text === 'string' && t.text.trim() !== '');
    if (present.length === 0) return { held: false };
    let verdict = { held: false } as Verdict;
    const hold = (t: PublishedText & { text: string }, reason: string, traceId: string | null = null) => {
      if (!verdict.held) verdict = { held: true, reason, field: t.field, text: t.text, traceId };
    };
    if (!this.wechat.configured) {
      if (this.config.uncheckedText === 'hold') hold(present[0], 'not_configured');
    } else {
      const openid = await this.wechat.checkableOpenid(author);
      if (!openid) hold(present[0], 'no_recent_visit');
      else {
        for (const t of present) {
          const r = await this.wechat.msgSecCheck({ openid, scene: t.scene, content: t.text });
          if (r.suggest === 'risky') {
            this.logger.warn({ userId: author.id, field: t.field, traceId: r.traceId }, 'risky text refused');
            throw new AppError(422, 'CONTENT_RISKY', `${t.label}含有不适宜发布的内容，请修改后再提交`);
          }
          if (r.suggest === 'review') hold(t, 'review', r.traceId);
          else if (r.suggest === 'unavailable') hold(t, 'unavailable');
        }
      }
    }
    if (verdict.held && as === 'staff') {
      this.logger.warn({ userId: author.id, field: verdict.field, reason: verdict.reason }, 'staff text published without a clean check');
      return { held: false };
    }
    return verdict;
  }

  /** Records a held text (of a ticket, or a nickname) inside the caller's transaction; a ticket's contentHeld is the caller's to set. */
  async recordHold(em: EntityManager, verdict: Verdict, author: { id: number }, place: { ticketId: number | null; communityId: number | null; bookingId?: number | null }, now: Date): Promise<void> {
    if (!verdict.held) return;
    await em.insert(ContentHold, {
      communityId: place.communityId,
      ticketId: place.ticketId,
      bookingId: place.bookingId ?? null,
      userId: author.id,
      field: verdict.field,
      text: verdict.text.slice(0, 500),
      reason: verdict.reason,
      traceId: verdict.traceId,
      createdAt: now,
      releasedAt: null,
      releasedById: null,
    });
  }

  /** Held texts of a community not yet released, oldest first, for its committee. */
  async held(user: AuthUser, communityId: number): Promise<ContentHold[]> {
    this.assertCommittee(user, communityId);
    return this.db.manager.find(ContentHold, { where: { communityId, releasedAt: IsNull() }, order: { id: 'ASC' }, take: 200 });
  }

  /**
   * A committee member releases a held text; its ticket returns to the board once nothing of it is held, and a
   * booking's rating comment becomes readable by the provider the same way.
   */
  async release(user: AuthUser, id: number): Promise<ContentHold> {
    return this.db.transaction(async (em) => {
      const hold = await em.findOneBy(ContentHold, { id });
      if (!hold || hold.communityId === null || !this.canRelease(user, hold.communityId)) throw Errors.notFound('待审内容');
      if (hold.releasedAt) return hold;
      hold.releasedAt = this.clock.now();
      hold.releasedById = user.id;
      await em.update(ContentHold, { id }, { releasedAt: hold.releasedAt, releasedById: user.id });
      if (hold.ticketId !== null) {
        const stillHeld = await em.createQueryBuilder(ContentHold, 'h').where('h.ticketId = :t AND h.releasedAt IS NULL', { t: hold.ticketId }).getCount();
        // The version moves too, so a transition that read the ticket before cannot write the old flag back.
        if (stillHeld === 0) await em.createQueryBuilder().update(Ticket).set({ contentHeld: false, version: () => 'version + 1' }).where('id = :id', { id: hold.ticketId }).execute();
      }
      if (hold.bookingId !== null) {
        const stillHeld = await em.createQueryBuilder(ContentHold, 'h').where('h.bookingId = :b AND h.releasedAt IS NULL', { b: hold.bookingId }).getCount();
        if (stillHeld === 0) await em.createQueryBuilder().update(Booking).set({ ratingCommentHeld: false, version: () => 'version + 1' }).where('id = :id', { id: hold.bookingId }).execute();
      }
      this.logger.log({ holdId: id, releasedBy: user.id }, 'held text released');
      return hold;
    });
  }

  private canRelease(user: AuthUser, communityId: number): boolean {
    return user.has('admin') || user.communityIds('committee_member').includes(communityId);
  }

  private assertCommittee(user: AuthUser, communityId: number): void {
    if (!this.canRelease(user, communityId)) throw Errors.forbidden('只有本社区居委会成员可以审核');
  }
}
