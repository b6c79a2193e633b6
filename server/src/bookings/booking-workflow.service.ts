import { Inject, Injectable } from '@nestjs/common';
import {
  BOOKING_ACTION_LABELS,
  BOOKING_STATUS_LABELS,
  CHECK_IN_OPENS_MINUTES,
  applyBookingTransition,
  type BookingAction,
  type BookingCommand,
  type BookingDetail,
  type BookingRefusal,
  type Rating,
} from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { ContentSecurityService } from '../content-security/content-security.service.js';
import { Db } from '../database/db.js';
import { managesItem, relationsTo } from './booking-access.js';
import { advanceSlot, lockSlot, persistTransition } from './booking-queue.js';
import { bookingDetail } from './booking-views.js';
import { notifyBooking } from './booking-writes.js';
import { CatalogueService } from './catalogue.service.js';
import { Booking } from './entities/booking.entities.js';
import { ServiceItem, ServiceSlot } from './entities/catalogue.entities.js';
import { earnHours, hours } from './volunteer-hours.js';

const ATTEMPTS = 3;

/**
 * Every action people take on a booking, through the shared machine: read (404 for whoever has no relation to
 * it), decide (`applyBookingTransition`), write exactly that with its timeline, notices and the slot's count,
 * in one transaction under the slot's lock; a place given back goes to the first in line in the same transaction.
 */
@Injectable()
export class BookingWorkflow {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CatalogueService) private readonly catalogue: CatalogueService,
    @Inject(ContentSecurityService) private readonly content: ContentSecurityService,
  ) {}

  cancel(user: AuthUser, id: number) {
    return this.act(user, id, { action: 'cancel' });
  }
  confirm(user: AuthUser, id: number) {
    return this.act(user, id, { action: 'confirm' });
  }
  checkIn(user: AuthUser, id: number) {
    return this.act(user, id, { action: 'check_in' });
  }
  noShow(user: AuthUser, id: number) {
    return this.act(user, id, { action: 'mark_no_show' });
  }

  async rate(user: AuthUser, id: number, rating: Rating, comment: string | undefined): Promise<BookingDetail> {
    await this.visible(user, id);
    // 内容安全: risky → 422; doubtful → kept, and the provider does not read it.
    const verdict = comment ? await this.content.check(user, [{ field: 'ratingComment', label: '评价内容', text: comment, scene: 2 }], 'resident') : { held: false as const };
    return this.act(user, id, { action: 'rate', rating, comment: comment || null }, async (em, b, now) => {
      if (verdict.held) {
        await em.update(Booking, { id: b.id }, { ratingCommentHeld: true });
        await this.content.recordHold(em, verdict, user, { ticketId: null, communityId: b.communityId, bookingId: b.id }, now);
      }
    });
  }

  /** 签到 by the code the holder shows, among the slot's bookings. */
  async checkInByCode(user: AuthUser, slotId: number, code: string): Promise<BookingDetail> {
    const slot = await this.db.manager.findOneBy(ServiceSlot, { id: slotId });
    const item = slot ? await this.db.manager.findOneBy(ServiceItem, { id: slot.serviceId }) : null;
    if (!slot || !item || !managesItem(user, item)) throw Errors.notFound('时段');
    const b = await this.db.manager.findOneBy(Booking, { slotId, checkInCode: code });
    if (!b || b.status === 'cancelled' || b.status === 'expired') throw new AppError(422, 'CHECK_IN_CODE_UNKNOWN', '这个时段没有该签到码的预约，请核对后重新输入，或在名单中找到此人签到');
    return this.checkIn(user, b.id);
  }

  private async visible(user: AuthUser, id: number): Promise<{ booking: Booking; item: ServiceItem }> {
    const booking = await this.db.manager.findOneBy(Booking, { id });
    const item = booking ? await this.db.manager.findOneBy(ServiceItem, { id: booking.serviceId }) : null;
    if (!booking || !item || relationsTo(user, booking, item).length === 0) throw Errors.notFound('预约');
    return { booking, item };
  }

  private async act(user: AuthUser, id: number, command: BookingCommand, after?: (em: import('typeorm').EntityManager, b: Booking, now: Date) => Promise<void>): Promise<BookingDetail> {
    const { booking: first, item } = await this.visible(user, id);
    const offset = await this.catalogue.offset(item.communityId);
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.db.transaction(async (em) => {
        const now = this.clock.now();
        const slot = (await lockSlot(em, this.db, first.slotId))!;
        const b = (await em.findOneBy(Booking, { id }))!;
        const relations = relationsTo(user, b, item);
        const r = applyBookingTransition(b, command, { now, relations, slot, cancelCutoffMinutes: item.cancelCutoffMinutes });
        if (!r.ok) return { kind: 'refused' as const, reason: r.reason, b, slot };
        if (!(await persistTransition(em, b, item, slot, command, r, user.id, offset, now))) return { kind: 'lost' as const };
        if (command.action === 'check_in' && b.role === 'volunteer') {
          const earned = await earnHours(em, b, item.volunteerMinutes, user.id, `${item.name}志愿服务 ${slot.localDate.slice(5).replace('-', '月')}日`, now);
          if (earned) await notifyBooking(em, b, item, slot, 'volunteer_hours_earned', offset, now, `获得${hours(item.volunteerMinutes)}志愿时长`);
        }
        if (r.freesPlace && b.role === 'participant') await advanceSlot(em, slot, item, offset, now);
        await after?.(em, b, now);
        return { kind: 'done' as const, b };
      });
      if (outcome.kind === 'done') return bookingDetail(this.db.manager, user, outcome.b, { now: this.clock.now(), offsetOf: () => offset });
      if (outcome.kind === 'refused') {
        // An offer confirmed too late has expired: pass the place on now rather than at the sweeper's next round.
        if (outcome.reason === 'offer_expired') await this.db.transaction(async (em) => {
          const slot = (await lockSlot(em, this.db, first.slotId))!;
          await advanceSlot(em, slot, item, offset, this.clock.now());
        });
        throw this.refusal(outcome.reason, command.action, outcome.b, item);
      }
      if (attempt >= ATTEMPTS) throw Errors.conflict('该预约刚被他人更新，请刷新后重试');
    }
  }

  private refusal(reason: BookingRefusal, action: BookingAction, b: Booking, item: ServiceItem): AppError {
    const what = BOOKING_ACTION_LABELS[action];
    switch (reason) {
      case 'forbidden':
        return Errors.forbidden(`您不能对这个预约执行「${what}」，如需办理请联系服务方或社区居委会`);
      case 'invalid_state':
        return new AppError(409, 'BOOKING_INVALID_STATE', `该预约当前为「${BOOKING_STATUS_LABELS[b.status]}」，不能${what}，请刷新查看`);
      case 'too_late':
        if (action === 'cancel') {
          return new AppError(409, 'BOOKING_TOO_LATE', b.status === 'booked' ? `已过取消截止时间（开始前${item.cancelCutoffMinutes}分钟），如不能到场请联系服务方` : '该时段已开始，无需取消，可以预约其他时段');
        }
        return new AppError(409, 'BOOKING_TOO_LATE', action === 'check_in' ? '该时段已结束，不能再签到；如确已到场请联系社区居委会' : '该时段已开始，请选择其他时段');
      case 'too_early':
        return new AppError(409, 'BOOKING_TOO_EARLY', action === 'check_in' ? `签到在开始前${CHECK_IN_OPENS_MINUTES}分钟开放，请稍后再试` : '时段结束后才能标记未到场，请结束后再操作');
      case 'offer_expired':
        return new AppError(409, 'OFFER_EXPIRED', '候补名额的确认时间已过，名额已顺延给下一位，可以重新预约其他时段');
      case 'already_rated':
        return new AppError(409, 'ALREADY_RATED', '您已评价过这次服务，感谢反馈；如有问题可以联系社区居委会');
    }
  }
}
