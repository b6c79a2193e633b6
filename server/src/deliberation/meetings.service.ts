import { Inject, Injectable } from '@nestjs/common';
import { In, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import { formatLocalDateTime, localDate, startOfLocalDay, addLocalDays, type MeetingMoveRequest, type MeetingRequest, type MeetingView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { holdVenue, releaseVenue, venueOf } from '../bookings/venue-holds.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { ContentSecurityService } from '../content-security/content-security.service.js';
import { Db } from '../database/db.js';
import { isUniqueViolation } from '../database/errors.js';
import { Notification } from '../notifications/notification.entity.js';
import { notificationRows } from '../notifications/outbox.js';
import { PlacesService } from '../places/places.service.js';
import { MeetingRegistration, Topic, TopicMeeting } from './entities/deliberation.entities.js';
import { communityOf, householdsInScope, isCommittee } from './topic-access.js';
import { bumpMeeting, leaveMeeting } from './meeting-queue.js';
import { meetingViews } from './topic-views.js';
import { TopicWrites, VersionConflict } from './topic-writes.js';
import { TopicsService, invalidState, topicConflict } from './topics.service.js';

/** Stages in which a topic holds meetings. */
const MEETING_STATUSES = ['submitted', 'discussion', 'notice', 'implementing'] as const;
/** The reminder goes out at this local hour the day before. */
const REMINDER_HOUR = 9;

/** The key a meeting's hold of a venue carries (service_slots.heldFor). */
const holdKey = (meetingId: number) => `meeting:${meetingId}`;
const cancelled = () => new AppError(409, 'MEETING_CANCELLED', '恳谈会已取消，请查看议题中的其他会议');

/** 恳谈会: scheduling, registration with a waiting list (advanceQueue, the booking rule), attendance, minutes, the reminder. */
@Injectable()
export class MeetingsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TopicsService) private readonly topics: TopicsService,
    @Inject(PlacesService) private readonly places: PlacesService,
    @Inject(ContentSecurityService) private readonly content: ContentSecurityService,
  ) {}

  async schedule(user: AuthUser, topicId: number, req: MeetingRequest): Promise<MeetingView> {
    const now = this.clock.now();
    const { startsAt, endsAt } = this.times(req, now);
    const venueId = req.venueId ?? null;
    if (venueId === null && !req.place) throw new AppError(422, 'MEETING_PLACE_REQUIRED', '请选择预约场地，或填写会议地点');
    await this.content.check(user, [{ field: 'description', label: '会议信息', text: `${req.title} ${req.place ?? ''}`.trim(), scene: 2 }], 'staff');
    const id = await this.db.transaction(async (em) => {
      const t = await this.topics.readable(em, user, topicId);
      if (!isCommittee(user, t.communityId)) throw Errors.forbidden('只有本社区居委会成员可以安排恳谈会');
      if (!(MEETING_STATUSES as readonly string[]).includes(t.status)) throw invalidState(t.status, '安排恳谈会');
      const venue = venueId === null ? null : await venueOf(em, t.communityId, venueId);
      const placeText = venue ? venue.place : req.place!;
      const m = em.create(TopicMeeting, {
        topicId: t.id,
        communityId: t.communityId,
        title: req.title,
        startsAt,
        endsAt,
        place: placeText,
        venueId,
        venueSlotId: null,
        cancelledAt: null,
        cancelReason: null,
        capacity: req.capacity,
        standingMembers: req.standingMembers.join('、'),
        minutes: null,
        minutesPublishedAt: null,
        attendanceTakenAt: null,
        reminderSentAt: null,
        createdById: user.id,
        createdAt: now,
        version: 1,
      });
      await em.save(m);
      const place = await communityOf(em, t.communityId);
      if (venue) {
        const venueSlotId = await holdVenue(em, this.db, { venueId: venue.id, communityId: t.communityId, startsAt, endsAt, heldFor: holdKey(m.id), reason: `恳谈会：${req.title}`.slice(0, 200), utcOffsetMinutes: place?.utcOffsetMinutes ?? 480 }, now);
        await em.update(TopicMeeting, { id: m.id }, { venueSlotId });
      }
      const writes = new TopicWrites(em);
      await writes.event(t, 'meeting', { id: user.id, role: 'committee_member' }, `${req.title}：${formatLocalDateTime(startsAt, place?.utcOffsetMinutes)}，${placeText}`, now);
      await writes.notify(t, [{ kind: 'meeting_scheduled', recipients: ['in_scope'], title: '恳谈会通知' }], `${req.title}将于${formatLocalDateTime(startsAt, place?.utcOffsetMinutes)}在${placeText}召开，欢迎报名`, now);
      await writes.save(t, now);
      return m.id;
    });
    return this.view(user, id);
  }

  private times(req: { startsAt: string; endsAt: string }, now: Date): { startsAt: Date; endsAt: Date } {
    const startsAt = new Date(req.startsAt);
    const endsAt = new Date(req.endsAt);
    if (!(startsAt > now) || !(endsAt > startsAt) || endsAt.getTime() - startsAt.getTime() > 86_400_000) {
      throw new AppError(422, 'MEETING_TIMES_INVALID', '开始时间须晚于现在，结束时间须晚于开始时间且不超过一天，请重新选择');
    }
    return { startsAt, endsAt };
  }

  /** 改期: new times before the start; the venue's hold moves with it (a clash leaves everything as it was), the reminder is due again. */
  async move(user: AuthUser, id: number, req: MeetingMoveRequest): Promise<MeetingView> {
    const { startsAt, endsAt } = this.times(req, this.clock.now());
    await this.content.check(user, [{ field: 'reason', label: '变更原因', text: req.reason, scene: 2 }], 'staff');
    await this.committeeStep(user, id, 'before_start', async (m, em, now) => {
      const place = await communityOf(em, m.communityId);
      const offset = place?.utcOffsetMinutes;
      let venueSlotId = m.venueSlotId;
      if (m.venueId !== null) {
        await releaseVenue(em, holdKey(m.id), m.venueSlotId);
        venueSlotId = await holdVenue(em, this.db, { venueId: m.venueId, communityId: m.communityId, startsAt, endsAt, heldFor: holdKey(m.id), reason: `恳谈会：${m.title}`.slice(0, 200), utcOffsetMinutes: offset ?? 480 }, now);
      }
      await em.update(TopicMeeting, { id: m.id }, { startsAt, endsAt, venueSlotId, reminderSentAt: null });
      const body = `${m.title}改至${formatLocalDateTime(startsAt, offset)}在${m.place}召开（${req.reason}），如不能参加请取消报名`;
      await this.tellRegistered(em, m, 'meeting_moved', '恳谈会时间变更', body, now);
      const t = await em.findOneByOrFail(Topic, { id: m.topicId });
      const writes = new TopicWrites(em);
      await writes.event(t, 'meeting', { id: user.id, role: 'committee_member' }, `${m.title}改期：${formatLocalDateTime(startsAt, offset)}，${m.place}`, now);
      await writes.save(t, now);
    });
    return this.view(user, id);
  }

  /** 取消: before the start; the venue is freed, the registered and waiting are told, registrations stop. */
  async cancelMeeting(user: AuthUser, id: number, reason: string): Promise<MeetingView> {
    await this.content.check(user, [{ field: 'reason', label: '取消原因', text: reason, scene: 2 }], 'staff');
    await this.committeeStep(user, id, 'before_start', async (m, em, now) => {
      if (m.venueId !== null) await releaseVenue(em, holdKey(m.id), m.venueSlotId);
      await em.update(TopicMeeting, { id: m.id }, { cancelledAt: now, cancelReason: reason, venueSlotId: null });
      await this.tellRegistered(em, m, 'meeting_cancelled', '恳谈会取消', `${m.title}已取消：${reason}`, now);
      const t = await em.findOneByOrFail(Topic, { id: m.topicId });
      const writes = new TopicWrites(em);
      await writes.event(t, 'meeting', { id: user.id, role: 'committee_member' }, `${m.title}取消：${reason}`, now);
      await writes.save(t, now);
    });
    return this.view(user, id);
  }

  private async tellRegistered(em: EntityManager, m: TopicMeeting, type: 'meeting_moved' | 'meeting_cancelled', title: string, body: string, now: Date): Promise<void> {
    const regs = await em.find(MeetingRegistration, { where: { meetingId: m.id, status: In(['registered', 'waiting']) }, select: { userId: true } });
    const rows = notificationRows(regs.map((r) => r.userId), { type, title, body, ticketId: null, topicId: m.topicId, communityId: m.communityId }, now);
    if (rows.length) await em.insert(Notification, rows);
  }

  async view(user: AuthUser, id: number): Promise<MeetingView> {
    const em = this.db.manager;
    const m = await this.readable(em, user, id);
    const topic = await em.findOneByOrFail(Topic, { id: m.topicId });
    return (await meetingViews(em, [m], user, topic))[0];
  }

  private async readable(em: EntityManager, user: AuthUser, id: number): Promise<TopicMeeting> {
    const m = await em.findOneBy(TopicMeeting, { id });
    if (!m) throw Errors.notFound('恳谈会');
    await this.topics.readable(em, user, m.topicId);
    return m;
  }

  /** Registration: a place while there is one, else the waiting list; twice is once. */
  async register(user: AuthUser, id: number): Promise<MeetingView> {
    await this.underLock(user, id, async (m, em, now) => {
      const t = await em.findOneByOrFail(Topic, { id: m.topicId });
      const standing = user.roles.some((r) => r.role === 'owners_committee' && r.communityId === t.communityId);
      if (!standing && (await householdsInScope(em, user, t)).length === 0) throw Errors.forbidden('只有议题范围内的居民可以报名恳谈会，如需参加请联系社区居委会');
      const existing = await em.findOneBy(MeetingRegistration, { meetingId: m.id, userId: user.id });
      if (existing && existing.status !== 'cancelled') return;
      const taken = await em.countBy(MeetingRegistration, { meetingId: m.id, status: 'registered' });
      const waiting = await em.countBy(MeetingRegistration, { meetingId: m.id, status: 'waiting' });
      const status = taken < m.capacity && waiting === 0 ? 'registered' : 'waiting';
      if (existing) await em.update(MeetingRegistration, { id: existing.id }, { status, joinedAt: now, updatedAt: now });
      else {
        try {
          await em.insert(MeetingRegistration, { meetingId: m.id, userId: user.id, status, joinedAt: now, updatedAt: now });
        } catch (e) {
          if (isUniqueViolation(e)) throw new VersionConflict();
          throw e;
        }
      }
    });
    return this.view(user, id);
  }

  /** Cancelling gives the place to the first on the waiting list (advanceQueue), who is told. */
  async cancel(user: AuthUser, id: number): Promise<MeetingView> {
    await this.underLock(user, id, async (m, em, now) => {
      const own = await em.findOneBy(MeetingRegistration, { meetingId: m.id, userId: user.id });
      if (!own || own.status === 'cancelled') throw Errors.notFound('报名');
      await leaveMeeting(em, m, own, now);
    });
    return this.view(user, id);
  }

  /** Registrations change under the meeting's version, so two cancellations at once promote once. */
  private async underLock(user: AuthUser, id: number, work: (m: TopicMeeting, em: EntityManager, now: Date) => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (em) => {
          const m = await this.readable(em, user, id);
          const now = this.clock.now();
          if (m.cancelledAt) throw cancelled();
          if (now >= m.startsAt) throw new AppError(409, 'MEETING_STARTED', '恳谈会已开始，报名不能再更改，如有问题请联系社区居委会');
          await work(m, em, now);
          await bumpMeeting(em, m);
        });
      } catch (e) {
        if (e instanceof VersionConflict && attempt < 3) continue;
        if (e instanceof VersionConflict) throw topicConflict();
        throw e;
      }
    }
  }

  /** 签到: those named attended; every other registered resident is marked absent. */
  async attendance(user: AuthUser, id: number, attendedUserIds: number[]): Promise<MeetingView> {
    await this.committeeStep(user, id, 'after_start', async (m, em, now) => {
      const regs = await em.find(MeetingRegistration, { where: { meetingId: m.id, status: In(['registered', 'attended', 'absent']) } });
      for (const r of regs) await em.update(MeetingRegistration, { id: r.id }, { status: attendedUserIds.includes(r.userId) ? 'attended' : 'absent', updatedAt: now });
      await em.update(TopicMeeting, { id: m.id }, { attendanceTakenAt: now, version: m.version + 1 });
    });
    return this.view(user, id);
  }

  /** 纪要: published with the date, on the board and to residents in scope. */
  async minutes(user: AuthUser, id: number, minutes: string): Promise<MeetingView> {
    await this.content.check(user, [{ field: 'description', label: '会议纪要', text: minutes, scene: 2 }], 'staff');
    await this.committeeStep(user, id, 'after_start', async (m, em, now) => {
      await em.update(TopicMeeting, { id: m.id }, { minutes, minutesPublishedAt: now, version: m.version + 1 });
      const t = await em.findOneByOrFail(Topic, { id: m.topicId });
      const writes = new TopicWrites(em);
      await writes.event(t, 'minutes', { id: user.id, role: 'committee_member' }, m.title, now);
      await writes.notify(t, [{ kind: 'meeting_minutes', recipients: ['in_scope'], title: '恳谈会纪要已公布' }], `${m.title}的纪要已公布，请在公示栏查看`, now);
      await writes.save(t, now);
    });
    return this.view(user, id);
  }

  /**
   * A committee member's step on a meeting that is not cancelled: before it starts (move, cancel: under the
   * meeting's version) or once it has started (attendance, minutes).
   */
  private async committeeStep(user: AuthUser, id: number, phase: 'before_start' | 'after_start', work: (m: TopicMeeting, em: EntityManager, now: Date) => Promise<void>): Promise<void> {
    const before = phase === 'before_start';
    try {
      await this.db.transaction(async (em) => {
        const m = await this.readable(em, user, id);
        if (!isCommittee(user, m.communityId)) throw Errors.forbidden(before ? '只有本社区居委会成员可以调整或取消恳谈会' : '只有本社区居委会成员可以签到和发布纪要');
        const now = this.clock.now();
        if (m.cancelledAt) throw cancelled();
        if (before && now >= m.startsAt) throw new AppError(409, 'MEETING_STARTED', '恳谈会已开始，不能再改期或取消；如有变动，请写入会议纪要');
        if (!before && now < m.startsAt) throw new AppError(409, 'MEETING_NOT_STARTED', '恳谈会开始后才能签到和发布纪要，请在会议开始后再操作');
        await work(m, em, now);
        if (!before) return;
        const r = await em.createQueryBuilder().update(TopicMeeting).set({ version: m.version + 1 }).where('id = :id AND version = :v', { id: m.id, v: m.version }).execute();
        if (r.affected !== 1) throw new VersionConflict();
      });
    } catch (e) {
      if (e instanceof VersionConflict) throw topicConflict();
      throw e;
    }
  }


  /**
   * The day-before reminder (the sweeper): from 09:00 local the day before, the registered residents of
   * each meeting not yet reminded get one outbox row; the meeting is marked in the same transaction.
   */
  async sendReminders(): Promise<number> {
    const now = this.clock.now();
    const soon = new Date(now.getTime() + 2 * 86_400_000);
    const due = await this.db.manager.find(TopicMeeting, { where: { reminderSentAt: IsNull(), cancelledAt: IsNull(), startsAt: LessThanOrEqual(soon) }, take: 100 });
    let sent = 0;
    for (const m of due) {
      const place = await this.places.communityPlace(m.communityId);
      const offset = place?.utcOffsetMinutes;
      const remindAt = new Date(startOfLocalDay(addLocalDays(localDate(m.startsAt, offset), -1), offset).getTime() + REMINDER_HOUR * 3_600_000);
      if (now < remindAt || now >= m.startsAt) {
        if (now >= m.startsAt) await this.db.manager.update(TopicMeeting, { id: m.id, reminderSentAt: IsNull() }, { reminderSentAt: now });
        continue;
      }
      await this.db.transaction(async (em) => {
        const r = await em.update(TopicMeeting, { id: m.id, reminderSentAt: IsNull() }, { reminderSentAt: now });
        if (r.affected !== 1) return;
        const regs = await em.find(MeetingRegistration, { where: { meetingId: m.id, status: 'registered' }, select: { userId: true } });
        const rows = notificationRows(regs.map((x) => x.userId), { type: 'meeting_reminder', title: '恳谈会提醒', body: `明天${formatLocalDateTime(m.startsAt, offset).slice(-5)}在${m.place}召开：${m.title}，请准时参加`, ticketId: null, topicId: m.topicId, communityId: m.communityId }, now);
        if (rows.length) await em.insert(Notification, rows);
        sent += 1;
      });
    }
    return sent;
  }
}

