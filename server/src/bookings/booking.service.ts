import { createHash, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { bookingWindowProblem, localDate, type BookingDetail, type BookingRole } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { isUniqueViolation } from '../database/errors.js';
import { User } from '../users/entities/users.entities.js';
import { personAtHome, type PersonAtHome } from './booking-access.js';
import { liveFlag } from './booking-queue.js';
import { blockError, bookingBlock } from './booking-rules.js';
import { bookingDetail } from './booking-views.js';
import { notifyBooking, recordBookingEvent } from './booking-writes.js';
import { CatalogueService } from './catalogue.service.js';
import type { CreateBookingDto } from './dto/bookings.dto.js';
import { Booking } from './entities/booking.entities.js';
import { ServiceItem, ServiceSlot } from './entities/catalogue.entities.js';
import { payWithHours } from './volunteer-hours.js';

function inactive(): AppError {
  return new AppError(409, 'SERVICE_INACTIVE', '该服务已停用，暂不接受新的预约（已有的预约不受影响），请选择其他服务');
}

/** A code collision (1 in a million per pair) or a lost race on the live-booking index: tried again from the start. */
const ATTEMPTS = 3;

/** A copy of a request whose first copy committed while this one waited for the lock: answer the first's booking. */
class AlreadyMade extends Error {}

/**
 * 预约: a place, or a place in line, for the caller or (代办) for a resident of the grid worker's grid.
 * The capacity holds under any number of simultaneous requests: the place is taken by one conditional
 * update (`taken = taken + 1 WHERE taken < capacity`) in the transaction that inserts the booking, so the
 * count only moves with a row and never passes the capacity, on MySQL and SQLite alike.
 */
@Injectable()
export class BookingService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CatalogueService) private readonly catalogue: CatalogueService,
  ) {}

  async create(user: AuthUser, dto: CreateBookingDto, key: string | undefined): Promise<{ booking: BookingDetail; created: boolean }> {
    const requestHash = createHash('sha256').update(JSON.stringify([dto.slotId, dto.forUserId ?? null, dto.role ?? 'participant', dto.join ?? 'place', dto.payWithHours ?? false])).digest('hex');
    if (key !== undefined) {
      const replay = await this.replay(user, key, requestHash);
      if (replay) return { booking: replay, created: false };
    }
    const slot = await this.db.manager.findOneBy(ServiceSlot, { id: dto.slotId });
    if (!slot) throw Errors.notFound('时段');
    const item = await this.db.manager.findOneBy(ServiceItem, { id: slot.serviceId });
    if (!item) throw Errors.notFound('时段');
    const offset = await this.catalogue.offset(item.communityId);
    const holderId = await this.holderFor(user, dto.forUserId);
    const role: BookingRole = dto.role ?? 'participant';
    if (role === 'volunteer' && slot.volunteerCapacity === 0) throw new AppError(422, 'VOLUNTEERS_NOT_TAKEN', '该服务不招募志愿者，可以直接预约参加');
    if (dto.payWithHours && (item.hoursPrice === null || role === 'volunteer')) throw new AppError(422, 'HOURS_NOT_ACCEPTED', '该服务不接受志愿时长兑换，请直接预约');
    // The 08:00 rush: once a slot is full, the many who did not get a place hear so at once, without a transaction.
    // Only a hint read without a lock; the conditional update in the transaction still decides every place.
    if (role === 'participant' && dto.join !== 'waitlist' && slot.closedAt === null && slot.taken >= slot.capacity && this.clock.now() < slot.startsAt) throw this.full();

    for (let attempt = 1; ; attempt++) {
      try {
        const booking = await this.db.transaction((em) => this.book(em, user, holderId, slot.id, item, offset, role, dto, key, requestHash));
        return { booking: await bookingDetail(this.db.manager, user, booking, { now: this.clock.now(), offsetOf: () => offset }), created: true };
      } catch (e) {
        if (!isUniqueViolation(e) && !(e instanceof AlreadyMade)) throw e;
        if (key !== undefined) {
          const replay = await this.replay(user, key, requestHash);
          if (replay) return { booking: replay, created: false };
        }
        if (await this.db.manager.findOneBy(Booking, { slotId: slot.id, userId: holderId, live: 1 })) throw this.alreadyBooked(holderId !== user.id);
        if (attempt >= ATTEMPTS) throw e;
      }
    }
  }

  /** Whom the booking is for: the caller, or a resident of a grid the caller works in (a ledger person without WeChat too). */
  private async holderFor(user: AuthUser, forUserId: number | undefined): Promise<number> {
    if (forUserId === undefined || forUserId === user.id) {
      if (!user.has('resident')) throw Errors.forbidden('网格员为居民代办预约时，请选择要代约的居民');
      return user.id;
    }
    const grids = user.gridIds('grid_worker');
    if (!grids.length) throw Errors.forbidden('只有网格员可以为居民代办预约，如需帮助请点「请网格员帮我预约」');
    const holder = await this.db.manager.findOneBy(User, { id: forUserId });
    const home = holder && holder.deletedAt === null ? await personAtHome(this.db.manager, forUserId) : null;
    if (!home || home.gridId === null || !grids.includes(home.gridId)) {
      throw new AppError(422, 'NOT_YOUR_RESIDENT', '只能为您所在网格的居民代办预约，请在网格居民中重新选择');
    }
    return forUserId;
  }

  private full(): AppError {
    return new AppError(409, 'SLOT_FULL', '该时段已约满，可以加入候补：有名额空出时按先后顺序通知您确认');
  }

  private alreadyBooked(forOther: boolean): AppError {
    return new AppError(409, 'ALREADY_BOOKED', forOther ? '该居民已预约或候补了这个时段，可以在代办记录中查看' : '您已预约或候补了这个时段，可以在「我的预约」中查看');
  }

  private async book(
    em: EntityManager,
    user: AuthUser,
    holderId: number,
    slotId: number,
    item: ServiceItem,
    offset: number,
    role: BookingRole,
    dto: CreateBookingDto,
    key: string | undefined,
    requestHash: string,
  ): Promise<Booking> {
    const now = this.clock.now();
    // One person's bookings (and hours) take turns: the limits and the balance are read after the lock.
    if (this.db.isMysql) await em.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [holderId]);
    if (key !== undefined && (await em.findOneBy(Booking, { createdById: user.id, idempotencyKey: key }))) throw new AlreadyMade();
    const person: PersonAtHome = await personAtHome(em, holderId);
    if (this.db.isMysql && person.householdId !== null) await em.query('SELECT id FROM households WHERE id = ? FOR UPDATE', [person.householdId]);
    // 停用 races: the item's row is read with a shared lock, so the switch (an UPDATE of it) waits for this booking,
    // or this booking reads it off. Either the booking comes before the switch or it is refused after it.
    const [fresh] = (await em.query(`SELECT active FROM service_items WHERE id = ?${this.db.isMysql ? ' LOCK IN SHARE MODE' : ''}`, [item.id])) as { active: number | boolean }[];
    item.active = Boolean(Number(fresh.active));
    if (!item.active) throw inactive();
    const slot = (await em.findOneBy(ServiceSlot, { id: slotId }))!;
    const why = slot.closedReason ? `（${slot.closedReason}）` : '';
    if (slot.closedAt !== null) throw new AppError(409, 'SLOT_CLOSED', `该时段已停止服务${why}，请选择其他时段`);
    const window = bookingWindowProblem(slot, item.advanceDays, now, offset);
    if (window) throw new AppError(422, window.code, window.message.includes('请') ? window.message : `${window.message}，请到时再来预约或选择其他时段`);
    const block = await bookingBlock(em, item, person, role, now, localDate(now, offset), offset);
    if (block) throw blockError(block);
    if (await em.findOneBy(Booking, { slotId, userId: holderId, live: 1 })) throw this.alreadyBooked(holderId !== user.id);

    const column = role === 'volunteer' ? 'volunteerTaken' : 'taken';
    const limit = role === 'volunteer' ? 'volunteerCapacity' : 'capacity';
    const took = await em
      .createQueryBuilder()
      .update(ServiceSlot)
      .set({ [column]: () => `${column} + 1` })
      .where(`id = :id AND ${column} < ${limit} AND closedAt IS NULL`, { id: slotId })
      .execute();
    let status: Booking['status'] = 'booked';
    if (took.affected !== 1) {
      if (role === 'volunteer') throw new AppError(409, 'SLOT_FULL', '该时段的志愿者名额已满，可以选择其他时段报名');
      if (dto.join !== 'waitlist') throw this.full();
      status = 'waiting';
    }
    const codes = new Set((await em.find(Booking, { where: { slotId }, select: { checkInCode: true } })).map((b) => b.checkInCode));
    let checkInCode: string;
    do checkInCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (codes.has(checkInCode));
    const booking = em.create(Booking, {
      slotId,
      serviceId: item.id,
      communityId: item.communityId,
      userId: holderId,
      householdId: person.householdId,
      bookedById: holderId === user.id ? null : user.id,
      createdById: user.id,
      role,
      status,
      live: liveFlag(status),
      joinedAt: now,
      offerExpiresAt: null,
      slotMovedAt: null,
      checkInCode,
      checkedInAt: null,
      cancelledAt: null,
      rating: null,
      ratingComment: null,
      ratingCommentHeld: false,
      ratedAt: null,
      paidMinutes: dto.payWithHours ? item.hoursPrice! : 0,
      remindedAt: null,
      idempotencyKey: key ?? null,
      requestHash: key !== undefined ? requestHash : null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await em.insert(Booking, booking);
    if (dto.payWithHours) await payWithHours(em, this.db, holderId, item.hoursPrice!, booking, `兑换${item.name}`, now);
    await recordBookingEvent(em, booking.id, status === 'waiting' ? 'waiting' : 'booked', user.id, holderId === user.id ? null : '网格员代办', now);
    if (holderId !== user.id) {
      await notifyBooking(em, booking, item, slot, 'booking_made', offset, now, status === 'waiting' ? '已为您加入候补' : null);
      await AuditService.record(em, { actor: { id: user.id, role: 'grid_worker' }, action: 'book_for', communityId: item.communityId, targetType: 'booking', targetIds: [booking.id], details: { holderId, slotId }, at: now });
    }
    return booking;
  }

  private async replay(user: AuthUser, key: string, requestHash: string): Promise<BookingDetail | null> {
    const b = await this.db.manager.findOneBy(Booking, { createdById: user.id, idempotencyKey: key });
    if (!b) return null;
    if (b.requestHash !== requestHash) {
      throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '这次预约与之前的一次提交内容不同却用了同一个编号（Idempotency-Key），请刷新后重新预约');
    }
    const item = await this.db.manager.findOneByOrFail(ServiceItem, { id: b.serviceId });
    const offset = await this.catalogue.offset(item.communityId);
    return bookingDetail(this.db.manager, user, b, { now: this.clock.now(), offsetOf: () => offset });
  }
}
