import { Inject, Injectable } from '@nestjs/common';
import { Between, In, IsNull, MoreThanOrEqual, Not, type EntityManager } from 'typeorm';
import {
  addLocalDays,
  allowedBookingActions,
  formatLocalDateTime,
  applyBookingTransition,
  isLocalDate,
  localDate,
  startOfLocalDay,
  type ClosureResult,
  type LocalDate,
  type ScheduleView,
  type ServiceItemDetail,
  type ServiceItemSummary,
  type SlotRoster,
  type SlotView,
  type WeeklySlotRule,
} from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { ContentSecurityService } from '../content-security/content-security.service.js';
import { Db } from '../database/db.js';
import { isUniqueViolation } from '../database/errors.js';
import { Community, Organisation } from '../places/entities/places.entities.js';
import { PlacesService } from '../places/places.service.js';
import { UsersService } from '../users/users.service.js';
import { User } from '../users/entities/users.entities.js';
import { committeeOf, managesItem, personAtHome, providesItem, relationsTo } from './booking-access.js';
import { BOOKING_LIMITS } from './booking-limits.js';
import { advanceSlot, lockSlot, persistTransition } from './booking-queue.js';
import { bookingBlock } from './booking-rules.js';
import { eligibilityText, itemSummary, myBookings, providerViews, rosterEntry, slotView, waitingCounts, waitingPosition } from './booking-views.js';
import { notifyBooking, recordBookingEvent } from './booking-writes.js';
import { heldOverlap } from './venue-holds.js';
import type { ClosureDto, ScheduleDto, ServiceItemDto, ServicesQueryDto, SlotDto, SlotEditDto, SlotMoveDto, SlotsQueryDto } from './dto/bookings.dto.js';
import { Booking } from './entities/booking.entities.js';
import { ServiceClosure, ServiceItem, ServiceSlot } from './entities/catalogue.entities.js';

const MINUTE = 60_000;

/** The catalogue: items, their slots (one by one or from a weekly schedule), closed days, moves, rosters. */
@Injectable()
export class CatalogueService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PlacesService) private readonly places: PlacesService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(ContentSecurityService) private readonly content: ContentSecurityService,
  ) {}

  async offset(communityId: number): Promise<number> {
    const c = await this.places.communityPlace(communityId);
    if (!c) throw Errors.notFound('社区');
    return c.utcOffsetMinutes;
  }

  async list(user: AuthUser, q: ServicesQueryDto): Promise<ServiceItemSummary[]> {
    const communityId = q.communityId ?? (await this.users.homeCommunityId(user));
    if (communityId === null) throw Errors.notFound('社区');
    const offset = await this.offset(communityId);
    const qb = this.db.manager.createQueryBuilder(ServiceItem, 'i').where('i.communityId = :communityId', { communityId });
    if (q.family) qb.andWhere('i.family = :family', { family: q.family });
    if (q.q) qb.andWhere('i.name LIKE :q', { q: `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` });
    const items = (await qb.orderBy('i.family', 'ASC').addOrderBy('i.id', 'ASC').getMany()).filter((i) => i.active || managesItem(user, i));
    const providers = await providerViews(this.db.manager, items);
    const next = await this.nextAvailable(items, offset);
    return items.map((i) => itemSummary(i, providers.get(i.organisationId)!, next.get(i.id) ?? null, managesItem(user, i)));
  }

  /** Each item's next slot with a participant place left, open for booking now. */
  private async nextAvailable(items: ServiceItem[], offset: number): Promise<Map<number, Date>> {
    const now = this.clock.now();
    const map = new Map<number, Date>();
    if (!items.length) return map;
    const slots = await this.db.manager
      .createQueryBuilder(ServiceSlot, 's')
      .where('s.serviceId IN (:...ids) AND s.startsAt > :now AND s.closedAt IS NULL AND s.taken < s.capacity', { ids: items.map((i) => i.id), now })
      .orderBy('s.startsAt', 'ASC')
      .getMany();
    for (const s of slots) {
      const item = items.find((i) => i.id === s.serviceId)!;
      if (map.has(s.serviceId) || now < startOfLocalDay(addLocalDays(s.localDate, -item.advanceDays), offset)) continue;
      map.set(s.serviceId, s.startsAt);
    }
    return map;
  }

  async item(id: number): Promise<ServiceItem> {
    const item = await this.db.manager.findOneBy(ServiceItem, { id });
    if (!item) throw Errors.notFound('服务');
    return item;
  }

  /** An item as the caller reads it; an inactive one only for who manages it. */
  async detail(user: AuthUser, id: number): Promise<ServiceItemDetail> {
    const item = await this.item(id);
    if (!item.active && !managesItem(user, item)) throw Errors.notFound('服务');
    const offset = await this.offset(item.communityId);
    const now = this.clock.now();
    const providers = await providerViews(this.db.manager, [item]);
    const next = await this.nextAvailable([item], offset);
    const block = user.has('resident') ? await bookingBlock(this.db.manager, item, await personAtHome(this.db.manager, user.id), 'participant', now, localDate(now, offset), offset) : null;
    return {
      ...itemSummary(item, providers.get(item.organisationId)!, next.get(item.id) ?? null, managesItem(user, item)),
      description: item.description,
      documents: item.documents,
      eligibility: item.eligibility,
      eligibilityText: eligibilityText(item),
      advanceDays: item.advanceDays,
      cancelCutoffMinutes: item.cancelCutoffMinutes,
      perPersonLimit: item.perPersonLimit,
      perHouseholdLimit: item.perHouseholdLimit,
      volunteerPlaces: item.volunteerPlaces,
      volunteerMinutes: item.volunteerMinutes,
      hoursPrice: item.hoursPrice,
      canBook: user.has('resident') && block === null,
      cannotBook: user.has('resident') ? block : { code: 'NOT_ELIGIBLE', message: '只有居民可以为自己预约；网格员可以在代办中为居民预约', until: null },
    };
  }

  /** A new item: the committee of the community, or a partner for their own organisation there. */
  async create(user: AuthUser, dto: ServiceItemDto): Promise<ServiceItemDetail> {
    await this.assertMayRun(user, dto.communityId, dto.organisationId ?? null);
    this.assertMayPrice(user, dto, null);
    const now = this.clock.now();
    const item = this.db.manager.create(ServiceItem, { ...this.itemColumns(dto, null), createdAt: now, updatedAt: now, version: 1 });
    await this.db.manager.save(item);
    return this.detail(user, item.id);
  }

  async update(user: AuthUser, id: number, dto: ServiceItemDto): Promise<ServiceItemDetail> {
    const item = await this.item(id);
    if (!managesItem(user, item)) throw Errors.notFound('服务');
    if (dto.communityId !== item.communityId) throw Errors.validation('服务所属社区不能修改');
    // A slot of a `units` item is a period and its places plots: turning one kind into the other would misread them.
    if (dto.mode !== undefined && dto.mode !== item.mode) throw Errors.validation('预约方式建好后不能更改；如需按期认领（或按时段预约），请新建服务项目');
    await this.assertMayRun(user, dto.communityId, dto.organisationId ?? null);
    this.assertMayPrice(user, dto, item);
    await this.db.manager.update(ServiceItem, { id }, { ...this.itemColumns(dto, item), updatedAt: this.clock.now(), version: item.version + 1 });
    return this.detail(user, id);
  }

  /**
   * 停用 / 启用. The switch is one UPDATE of the item's row, which waits on MySQL for the bookings holding it
   * (a booking reads `active` with a shared lock in its transaction): a booking racing the switch either commits
   * before it or reads it off and is refused (409 SERVICE_INACTIVE). On SQLite transactions run one at a time.
   * Bookings already made stay as they are; the schedule makes no new slots while the item is off.
   */
  async setActive(user: AuthUser, id: number, active: boolean): Promise<ServiceItemDetail> {
    const item = await this.managedItem(user, id);
    await this.db.transaction(async (em) => {
      const now = this.clock.now();
      const changed = await em.createQueryBuilder().update(ServiceItem).set({ active, updatedAt: now, version: () => 'version + 1' }).where('id = :id AND active = :was', { id, was: !active }).execute();
      if (changed.affected !== 1) return; // already so: pressing twice is once
      await AuditService.record(em, { actor: { id: user.id, role: this.actingRole(user, item) }, action: 'edit', communityId: item.communityId, targetType: 'service_item', targetIds: [id], details: { active }, at: now });
    });
    return this.detail(user, id);
  }

  private async assertMayRun(user: AuthUser, communityId: number, organisationId: number | null): Promise<void> {
    if (!(await this.db.manager.findOneBy(Community, { id: communityId }))) throw Errors.notFound('社区');
    if (organisationId !== null && !(await this.db.manager.findOneBy(Organisation, { id: organisationId }))) throw Errors.notFound('服务单位');
    if (committeeOf(user, communityId)) return;
    if (organisationId !== null && providesItem(user, { organisationId, communityId })) return;
    throw Errors.forbidden('只有本社区居委会或该服务单位的工作人员可以管理服务项目，如需开设请联系社区居委会');
  }

  /** 爱心银行: the rate an item takes volunteer hours at is the committee's to set (the issue); a provider keeps it. */
  private assertMayPrice(user: AuthUser, dto: ServiceItemDto, was: ServiceItem | null): void {
    if (dto.hoursPrice === undefined || (dto.hoursPrice ?? null) === (was?.hoursPrice ?? null)) return;
    if (committeeOf(user, dto.communityId)) return;
    throw Errors.forbidden('志愿时长兑换由社区居委会设定，服务单位不能修改；如需调整请联系社区居委会');
  }

  private itemColumns(dto: ServiceItemDto, was: ServiceItem | null): Omit<ServiceItem, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'schedule' | 'scheduledUntil'> {
    return {
      communityId: dto.communityId,
      family: dto.family,
      name: dto.name,
      organisationId: dto.organisationId ?? null,
      place: dto.place,
      description: dto.description ?? was?.description ?? '',
      documents: dto.documents ?? was?.documents ?? [],
      duration: dto.duration ?? was?.duration ?? null,
      eligibility: dto.eligibility ?? was?.eligibility ?? ['residents'],
      mode: dto.mode ?? was?.mode ?? 'slots',
      advanceDays: dto.advanceDays ?? was?.advanceDays ?? 7,
      cancelCutoffMinutes: dto.cancelCutoffMinutes ?? was?.cancelCutoffMinutes ?? 60,
      perPersonLimit: dto.perPersonLimit ?? was?.perPersonLimit ?? 1,
      perHouseholdLimit: dto.perHouseholdLimit ?? was?.perHouseholdLimit ?? 2,
      volunteerPlaces: dto.volunteerPlaces ?? was?.volunteerPlaces ?? 0,
      volunteerMinutes: dto.volunteerMinutes ?? was?.volunteerMinutes ?? 0,
      hoursPrice: dto.hoursPrice !== undefined ? dto.hoursPrice : (was?.hoursPrice ?? null),
      active: dto.active ?? was?.active ?? true,
    };
  }

  /** An item's slots over local days (default: today to the end of its booking window). */
  async slots(user: AuthUser, id: number, q: SlotsQueryDto): Promise<SlotView[]> {
    const item = await this.item(id);
    if (!item.active && !managesItem(user, item)) throw Errors.notFound('服务');
    const offset = await this.offset(item.communityId);
    const now = this.clock.now();
    const today = localDate(now, offset);
    const from = q.from ?? today;
    const to = q.to ?? addLocalDays(today, item.advanceDays);
    if (!isLocalDate(from) || !isLocalDate(to)) throw Errors.validation('from、to 应为有效日期，如 2026-11-23');
    if (to < from) throw Errors.validation('to 不能早于 from');
    if (addLocalDays(from, 92) < to) throw Errors.validation('一次最多查询92天的时段');
    const slots = await this.db.manager.find(ServiceSlot, { where: { serviceId: id, localDate: Between(from, to) }, order: { startsAt: 'ASC' } });
    const ids = slots.map((s) => s.id);
    const [waiting, mine] = await Promise.all([waitingCounts(this.db.manager, ids), myBookings(this.db.manager, user.id, ids)]);
    return slots.map((s) => slotView(s, item, offset, now, waiting.get(s.id) ?? 0, mine.get(s.id) ?? null));
  }

  async managedItem(user: AuthUser, id: number): Promise<ServiceItem> {
    const item = await this.item(id);
    if (!managesItem(user, item)) throw Errors.notFound('服务');
    return item;
  }

  private async slotOf(user: AuthUser, slotId: number): Promise<{ slot: ServiceSlot; item: ServiceItem }> {
    const slot = await this.db.manager.findOneBy(ServiceSlot, { id: slotId });
    if (!slot) throw Errors.notFound('时段');
    const item = await this.item(slot.serviceId);
    if (!managesItem(user, item)) throw Errors.notFound('时段');
    return { slot, item };
  }

  /** Start and end of a slot: in the future, the end after the start, a slot within a day, a period within a year. */
  private times(item: ServiceItem, startsAt: Date, endsAt: Date, now: Date): void {
    if (endsAt <= startsAt) throw new AppError(422, 'SLOT_TIMES_INVALID', '结束时间应晚于开始时间，请重新选择');
    if (startsAt <= now) throw new AppError(422, 'SLOT_TIMES_INVALID', '不能添加已经开始的时段，请选择以后的时间');
    const longest = item.mode === 'units' ? BOOKING_LIMITS.periodDaysMax * 1440 : BOOKING_LIMITS.slotMinutesMax;
    if (endsAt.getTime() - startsAt.getTime() > longest * MINUTE) {
      throw new AppError(422, 'SLOT_TIMES_INVALID', item.mode === 'units' ? '一个认领周期最长一年，请缩短后再试' : '一个时段最长一天，请分成几个时段添加');
    }
  }

  async addSlot(user: AuthUser, id: number, dto: SlotDto): Promise<SlotView> {
    const item = await this.managedItem(user, id);
    const offset = await this.offset(item.communityId);
    const now = this.clock.now();
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    this.times(item, startsAt, endsAt, now);
    await this.notHeld(this.db.manager, item, startsAt, endsAt);
    const slot = this.db.manager.create(ServiceSlot, {
      serviceId: item.id,
      communityId: item.communityId,
      startsAt,
      endsAt,
      localDate: localDate(startsAt, offset),
      capacity: dto.capacity,
      taken: 0,
      volunteerCapacity: dto.volunteerCapacity ?? item.volunteerPlaces,
      volunteerTaken: 0,
      closedAt: null,
      closedReason: null,
      movedAt: null,
      createdAt: now,
    });
    try {
      await this.db.manager.insert(ServiceSlot, slot);
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError(409, 'SLOT_EXISTS', '该服务在这个时间已有时段，请修改已有时段或选择其他时间');
      throw e;
    }
    return slotView(slot, item, offset, now, 0, null);
  }

  async editSlot(user: AuthUser, slotId: number, dto: SlotEditDto): Promise<SlotView> {
    const { item } = await this.slotOf(user, slotId);
    const offset = await this.offset(item.communityId);
    const slot = await this.db.transaction(async (em) => {
      const now = this.clock.now();
      const slot = (await lockSlot(em, this.db, slotId))!;
      if (slot.closedAt) throw new AppError(409, 'SLOT_CLOSED', '该时段已停止服务，请添加新的时段');
      const capacity = dto.capacity ?? slot.capacity;
      const volunteerCapacity = dto.volunteerCapacity ?? slot.volunteerCapacity;
      if (capacity < slot.taken || volunteerCapacity < slot.volunteerTaken) {
        const volunteers = slot.volunteerTaken ? `、${slot.volunteerTaken}名志愿者报名` : '';
        throw new AppError(409, 'SLOT_CAPACITY_BELOW_TAKEN', `已有${slot.taken}人预约${volunteers}，名额不能少于已约人数；如需减少请先联系已预约的居民`);
      }
      await em.update(ServiceSlot, { id: slotId }, { capacity, volunteerCapacity });
      Object.assign(slot, { capacity, volunteerCapacity });
      // More places: the waiting list moves up at once.
      await advanceSlot(em, slot, item, offset, now);
      return slot;
    });
    return this.slotViewOf(user, slot, item, offset);
  }

  /** A venue's time held for a 恳谈会 (venue-holds.ts) takes no slot of 预约. */
  private async notHeld(em: EntityManager, item: ServiceItem, startsAt: Date, endsAt: Date, exceptId?: number): Promise<void> {
    const held = await heldOverlap(em, item.id, startsAt, endsAt, exceptId);
    if (held) throw new AppError(409, 'SLOT_HELD', `这段时间场地已用于${held.closedReason ?? '其他活动'}，请选择其他时间`);
  }

  private async slotViewOf(user: AuthUser, slot: ServiceSlot, item: ServiceItem, offset: number): Promise<SlotView> {
    const fresh = (await this.db.manager.findOneBy(ServiceSlot, { id: slot.id }))!;
    const [waiting, mine] = await Promise.all([waitingCounts(this.db.manager, [slot.id]), myBookings(this.db.manager, user.id, [slot.id])]);
    return slotView(fresh, item, offset, this.clock.now(), waiting.get(slot.id) ?? 0, mine.get(slot.id) ?? null);
  }

  /**
   * Move a slot, to another time of its day or to another day: not into the past, not beyond the item's booking
   * window (today + `advanceDays`, local), not onto a day closed for the item. Everyone booked is told (from when
   * to when), and may keep the new time or cancel without the cut-off.
   */
  async moveSlot(user: AuthUser, slotId: number, dto: SlotMoveDto): Promise<SlotView> {
    const { item } = await this.slotOf(user, slotId);
    const offset = await this.offset(item.communityId);
    await this.content.check(user, [{ field: 'reason', label: '变更原因', text: dto.reason, scene: 1 }], 'staff');
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    try {
      const slot = await this.db.transaction(async (em) => {
        const now = this.clock.now();
        const slot = (await lockSlot(em, this.db, slotId))!;
        if (slot.closedAt) throw new AppError(409, 'SLOT_CLOSED', '该时段已停止服务，请添加新的时段');
        if (slot.startsAt <= now) throw new AppError(422, 'SLOT_PAST', '该时段已开始，不能再调整时间；如需另约请添加新的时段');
        this.times(item, startsAt, endsAt, now);
        const day = localDate(startsAt, offset);
        const lastDay = addLocalDays(localDate(now, offset), item.advanceDays);
        if (day > lastDay) throw new AppError(422, 'OUTSIDE_BOOKING_WINDOW', `只能调整到预约开放的日子（${lastDay}及以前），请选择更早的日期`);
        // A locking read on MySQL: a closure of that day committed meanwhile is seen, and one being made waits for this move.
        const closures = em.createQueryBuilder(ServiceClosure, 'c').where('c.serviceId = :id AND c.date = :day', { id: item.id, day });
        const closed = await (this.db.isMysql ? closures.setLock('pessimistic_read') : closures).getOne();
        if (closed) throw new AppError(422, 'DAY_CLOSED', `${day}已停止服务（${closed.reason}），不能把时段调整到这一天，请选择其他日期`);
        await this.notHeld(em, item, startsAt, endsAt, slotId);
        const was = formatLocalDateTime(slot.startsAt, offset);
        await em.update(ServiceSlot, { id: slotId }, { startsAt, endsAt, localDate: day, movedAt: now });
        Object.assign(slot, { startsAt, endsAt, localDate: day, movedAt: now });
        const live = await em.find(Booking, { where: { slotId, status: In(['booked', 'waiting', 'offered']) } });
        for (const b of live) {
          // An offer never holds past the start; the reminder is due again for the new day.
          const offerExpiresAt = b.offerExpiresAt && b.offerExpiresAt > startsAt ? startsAt : b.offerExpiresAt;
          await em.update(Booking, { id: b.id }, { slotMovedAt: now, remindedAt: null, offerExpiresAt, updatedAt: now, version: b.version + 1 });
          await recordBookingEvent(em, b.id, 'moved', user.id, dto.reason, now);
          await notifyBooking(em, b, item, slot, 'booking_moved', offset, now, `原定${was}。${dto.reason}。可保留新时间，或免责取消`);
        }
        return slot;
      });
      return this.slotViewOf(user, slot, item, offset);
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError(409, 'SLOT_EXISTS', '该服务在这个时间已有时段，请选择其他时间');
      throw e;
    }
  }

  async closeSlot(user: AuthUser, slotId: number, reason: string): Promise<SlotView> {
    const { item } = await this.slotOf(user, slotId);
    const offset = await this.offset(item.communityId);
    await this.content.check(user, [{ field: 'reason', label: '停止原因', text: reason, scene: 1 }], 'staff');
    const slot = await this.db.transaction(async (em) => {
      const now = this.clock.now();
      const slot = (await lockSlot(em, this.db, slotId))!;
      if (slot.closedAt) throw new AppError(409, 'SLOT_CLOSED', '该时段已停止服务，无需重复操作，请刷新查看');
      if (slot.startsAt <= now) throw new AppError(422, 'SLOT_PAST', '该时段已开始，不能再停止；请在名单中标记到场情况');
      const cancelled = await this.closeWithBookings(em, user, slot, item, reason, offset, now);
      await AuditService.record(em, { actor: { id: user.id, role: this.actingRole(user, item) }, action: 'close', communityId: item.communityId, targetType: 'service_slot', targetIds: [slot.id], details: { reason, cancelledBookings: cancelled }, at: now });
      return slot;
    });
    return this.slotViewOf(user, slot, item, offset);
  }

  private actingRole(user: AuthUser, item: ServiceItem): string {
    return committeeOf(user, item.communityId) ? 'committee_member' : 'partner';
  }

  /** Closes a slot and cancels what is on it (停止服务), each booking through the shared machine; answers how many. */
  private async closeWithBookings(em: EntityManager, user: AuthUser, slot: ServiceSlot, item: ServiceItem, reason: string, offset: number, now: Date): Promise<number> {
    await em.update(ServiceSlot, { id: slot.id }, { closedAt: now, closedReason: reason });
    Object.assign(slot, { closedAt: now, closedReason: reason });
    const live = await em.find(Booking, { where: { slotId: slot.id, status: In(['booked', 'waiting', 'offered']) }, order: { id: 'ASC' } });
    let cancelled = 0;
    for (const b of live) {
      const command = { action: 'close' as const, reason };
      const r = applyBookingTransition(b, command, { now, relations: relationsTo(user, b, item), slot, cancelCutoffMinutes: item.cancelCutoffMinutes });
      if (!r.ok) continue;
      if (!(await persistTransition(em, b, item, slot, command, r, user.id, offset, now))) throw Errors.conflict('该时段的预约刚有变动，请刷新后重试');
      cancelled += 1;
    }
    return cancelled;
  }

  async schedule(user: AuthUser, id: number): Promise<ScheduleView> {
    const item = await this.managedItem(user, id);
    return this.scheduleView(item);
  }

  private async scheduleView(item: ServiceItem): Promise<ScheduleView> {
    const today = localDate(this.clock.now(), await this.offset(item.communityId));
    const closures = await this.db.manager.find(ServiceClosure, { where: { serviceId: item.id, date: MoreThanOrEqual(today) }, order: { date: 'ASC' } });
    return { serviceId: item.id, weekly: item.schedule, closures: closures.map((c) => ({ date: c.date, reason: c.reason })), generatedUntil: item.scheduledUntil };
  }

  /** Replaces the weekly rules and makes the slots of the booking window at once (existing slots stay). */
  async setSchedule(user: AuthUser, id: number, dto: ScheduleDto): Promise<ScheduleView> {
    const item = await this.managedItem(user, id);
    const weekly: WeeklySlotRule[] = dto.weekly.map((r) => ({ weekday: r.weekday, start: r.start, end: r.end, capacity: r.capacity, ...(r.volunteerCapacity !== undefined ? { volunteerCapacity: r.volunteerCapacity } : {}) }));
    for (const r of weekly) if (r.end <= r.start) throw new AppError(422, 'SLOT_TIMES_INVALID', `星期${'一二三四五六日'[r.weekday - 1]} ${r.start}–${r.end}：结束时间应晚于开始时间，请修改`);
    const offset = await this.offset(item.communityId);
    await this.db.transaction(async (em) => {
      await em.update(ServiceItem, { id }, { schedule: weekly, scheduledUntil: null, updatedAt: this.clock.now(), version: item.version + 1 });
      item.schedule = weekly;
      item.scheduledUntil = null;
      await generateScheduledSlots(em, item, offset, this.clock.now());
    });
    return this.scheduleView((await this.db.manager.findOneBy(ServiceItem, { id }))!);
  }

  /** Closes a local day: the schedule skips it, its slots close and their bookings are cancelled, everyone told. */
  async closeDay(user: AuthUser, id: number, dto: ClosureDto): Promise<ClosureResult> {
    const item = await this.managedItem(user, id);
    const offset = await this.offset(item.communityId);
    if (!isLocalDate(dto.date)) throw Errors.validation('date 应为有效日期，如 2026-11-23');
    await this.content.check(user, [{ field: 'reason', label: '停止原因', text: dto.reason, scene: 1 }], 'staff');
    return this.db.transaction(async (em) => {
      const now = this.clock.now();
      if (dto.date < localDate(now, offset)) throw new AppError(422, 'SLOT_TIMES_INVALID', '不能关闭已经过去的日期，请选择今天或以后的日期');
      const existing = await em.findOneBy(ServiceClosure, { serviceId: id, date: dto.date });
      if (existing) await em.update(ServiceClosure, { id: existing.id }, { reason: dto.reason });
      else await em.insert(ServiceClosure, { serviceId: id, date: dto.date, reason: dto.reason, createdById: user.id, createdAt: now });
      // A locking read on MySQL: a slot moved onto this day by a move that committed meanwhile is closed too.
      const open = em.createQueryBuilder(ServiceSlot, 's').where('s.serviceId = :id AND s.localDate = :date AND s.closedAt IS NULL', { id, date: dto.date }).orderBy('s.startsAt', 'ASC');
      const slots = await (this.db.isMysql ? open.setLock('pessimistic_write') : open).getMany();
      let closedSlots = 0;
      let cancelledBookings = 0;
      for (const s of slots) {
        if (s.startsAt <= now) continue; // a slot already under way is not undone; its roster records what happened
        const slot = (await lockSlot(em, this.db, s.id))!;
        cancelledBookings += await this.closeWithBookings(em, user, slot, item, dto.reason, offset, now);
        closedSlots += 1;
      }
      await AuditService.record(em, {
        actor: { id: user.id, role: this.actingRole(user, item) },
        action: 'close',
        communityId: item.communityId,
        targetType: 'service_item',
        targetIds: [id],
        details: { date: dto.date, reason: dto.reason, closedSlots, cancelledBookings },
        at: now,
      });
      return { closure: { date: dto.date, reason: dto.reason }, closedSlots, cancelledBookings };
    });
  }

  /** A slot's roster: place holders by name, then the waiting list in order; phones masked, no ledger data. */
  async roster(user: AuthUser, slotId: number): Promise<SlotRoster> {
    const { slot, item } = await this.slotOf(user, slotId);
    return this.rosterOf(user, slot, item, await this.offset(item.communityId));
  }

  /**
   * A local day's rosters of an item (the community's day, shared/src/time.ts): every slot starting that day, in
   * order, closed ones included (their cancelled bookings are not listed), each as the slot's roster reads.
   */
  async dayRosters(user: AuthUser, serviceId: number, date: string): Promise<{ item: ServiceItem; offset: number; rosters: SlotRoster[] }> {
    if (!isLocalDate(date)) throw Errors.validation('date 应为有效日期，如 2026-11-23');
    const item = await this.managedItem(user, serviceId);
    const offset = await this.offset(item.communityId);
    const slots = await this.db.manager.find(ServiceSlot, { where: { serviceId, localDate: date }, order: { startsAt: 'ASC', id: 'ASC' } });
    const rosters: SlotRoster[] = [];
    for (const slot of slots) rosters.push(await this.rosterOf(user, slot, item, offset));
    return { item, offset, rosters };
  }

  private async rosterOf(user: AuthUser, slot: ServiceSlot, item: ServiceItem, offset: number): Promise<SlotRoster> {
    const slotId = slot.id;
    const now = this.clock.now();
    const em = this.db.manager;
    const bookings = await em.find(Booking, { where: { slotId }, order: { joinedAt: 'ASC', id: 'ASC' } });
    const people = new Map((await em.find(User, { where: { id: In([...new Set(bookings.flatMap((b) => [b.userId, b.bookedById ?? b.userId]))].concat(0)) }, select: { id: true, name: true, phone: true } })).map((u) => [u.id, u]));
    const counts = { booked: 0, attended: 0, noShow: 0, waiting: 0, offered: 0, cancelled: 0 };
    for (const b of bookings) {
      if (b.status === 'booked') counts.booked += 1;
      else if (b.status === 'attended') counts.attended += 1;
      else if (b.status === 'no_show') counts.noShow += 1;
      else if (b.status === 'waiting') counts.waiting += 1;
      else if (b.status === 'offered') counts.offered += 1;
      else if (b.status === 'cancelled') counts.cancelled += 1;
    }
    const shown = bookings.filter((b) => b.status !== 'cancelled' && b.status !== 'expired');
    const inLine = (b: Booking) => (b.status === 'waiting' ? 1 : 0);
    shown.sort((a, b) => inLine(a) - inLine(b) || (inLine(a) ? 0 : (people.get(a.userId)?.name ?? '').localeCompare(people.get(b.userId)?.name ?? '', 'zh-CN')));
    const entries = [];
    for (const b of shown) {
      const p = people.get(b.userId);
      const booker = b.bookedById !== null ? people.get(b.bookedById) : undefined;
      const state = { status: b.status, offerExpiresAt: b.offerExpiresAt, rating: b.rating, slotMovedAt: b.slotMovedAt };
      const staff = relationsTo(user, b, item).filter((r) => r === 'provider' || r === 'committee');
      entries.push(rosterEntry(b, p?.name ?? '', p?.phone ?? null, booker ? { id: booker.id, name: booker.name } : null, await waitingPosition(em, b), allowedBookingActions(state, staff, { now, slot, cancelCutoffMinutes: item.cancelCutoffMinutes })));
    }
    const waiting = await waitingCounts(em, [slotId]);
    return { slot: slotView(slot, item, offset, now, waiting.get(slotId) ?? 0, null), service: { id: item.id, name: item.name, place: item.place, mode: item.mode }, entries, counts };
  }
}

/**
 * Makes the slots of an item's weekly schedule for every local day from today to the end of its booking window,
 * skipping closed days and times already past; a slot that exists (same start) is left as it is, so running it
 * twice, or in two processes, makes each slot once (the unique (serviceId, startsAt)).
 */
export async function generateScheduledSlots(em: EntityManager, item: ServiceItem, offset: number, now: Date): Promise<number> {
  if (!item.schedule.length || !item.active) return 0;
  const today = localDate(now, offset);
  const until = addLocalDays(today, item.advanceDays);
  if (item.scheduledUntil !== null && item.scheduledUntil >= until) return 0;
  const from: LocalDate = item.scheduledUntil !== null && item.scheduledUntil >= today ? addLocalDays(item.scheduledUntil, 1) : today;
  const closed = new Set((await em.find(ServiceClosure, { where: { serviceId: item.id, date: Between(from, until) } })).map((c) => c.date));
  // A venue's time held for a 恳谈会 (venue-holds.ts) is not offered again.
  const held = await em.find(ServiceSlot, { where: { serviceId: item.id, localDate: Between(addLocalDays(from, -1), until), heldFor: Not(IsNull()) } });
  const rows: Partial<ServiceSlot>[] = [];
  for (let day = from; day <= until; day = addLocalDays(day, 1)) {
    if (closed.has(day)) continue;
    const weekday = ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const midnight = startOfLocalDay(day, offset).getTime();
    for (const r of item.schedule.filter((r) => r.weekday === weekday)) {
      const at = (hhmm: string) => new Date(midnight + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * MINUTE);
      const startsAt = at(r.start);
      if (startsAt <= now) continue;
      if (held.some((h) => h.startsAt < at(r.end) && h.endsAt > startsAt)) continue;
      rows.push({ serviceId: item.id, communityId: item.communityId, startsAt, endsAt: at(r.end), localDate: day, capacity: r.capacity, taken: 0, volunteerCapacity: r.volunteerCapacity ?? item.volunteerPlaces, volunteerTaken: 0, closedAt: null, closedReason: null, movedAt: null, createdAt: now });
    }
  }
  if (rows.length) await em.createQueryBuilder().insert().into(ServiceSlot).values(rows).orIgnore().execute();
  await em.update(ServiceItem, { id: item.id }, { scheduledUntil: until });
  item.scheduledUntil = until;
  return rows.length;
}
