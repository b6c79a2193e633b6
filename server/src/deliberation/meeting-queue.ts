import { In, MoreThan, type EntityManager } from 'typeorm';
import { advanceQueue, formatLocalDateTime } from '@linli/shared';
import { Notification } from '../notifications/notification.entity.js';
import { notificationRows } from '../notifications/outbox.js';
import { MeetingRegistration, TopicMeeting } from './entities/deliberation.entities.js';
import { communityOf } from './topic-access.js';
import { VersionConflict } from './topic-writes.js';

/**
 * One registration given up: it is cancelled and the free places go to the first on the waiting list
 * (advanceQueue, the booking rule), who are told. The caller holds the meeting's version (see bumpMeeting).
 */
export async function leaveMeeting(em: EntityManager, m: TopicMeeting, reg: MeetingRegistration, now: Date): Promise<void> {
  await em.update(MeetingRegistration, { id: reg.id }, { status: 'cancelled', updatedAt: now });
  const regs = await em.find(MeetingRegistration, { where: { meetingId: m.id, status: In(['registered', 'waiting']) } });
  const free = m.capacity - regs.filter((r) => r.status === 'registered').length;
  const { offer } = advanceQueue(regs.map((r) => ({ id: r.id, status: r.status === 'registered' ? 'booked' : 'waiting', joinedAt: r.joinedAt, offerExpiresAt: null })), free, now);
  if (offer.length === 0) return;
  await em.update(MeetingRegistration, { id: In(offer) }, { status: 'registered', updatedAt: now });
  const promoted = regs.filter((r) => offer.includes(r.id)).map((r) => r.userId);
  const place = await communityOf(em, m.communityId);
  await em.insert(Notification, notificationRows(promoted, { type: 'meeting_promoted', title: '恳谈会候补转正', body: `您已从候补转为正式报名：${m.title}，${formatLocalDateTime(m.startsAt, place?.utcOffsetMinutes)}，${m.place}`, ticketId: null, topicId: m.topicId, communityId: m.communityId }, now));
}

/** Registrations change under the meeting's version: the write counts only if nobody changed them since m was read. */
export async function bumpMeeting(em: EntityManager, m: TopicMeeting): Promise<void> {
  const r = await em.createQueryBuilder().update(TopicMeeting).set({ version: m.version + 1 }).where('id = :id AND version = :v', { id: m.id, v: m.version }).execute();
  if (r.affected !== 1) throw new VersionConflict();
}

/**
 * 注销: the person's places and waiting-list entries for meetings not yet started (and not cancelled) are given up,
 * each meeting's waiting list moving up; past registrations stay as the attendance record (the name is gone with the account).
 * VersionConflict when a meeting changed meanwhile (the caller retries the whole deletion).
 */
export async function giveUpMeetings(em: EntityManager, userId: number, now: Date): Promise<number> {
  const regs = await em.find(MeetingRegistration, { where: { userId, status: In(['registered', 'waiting']) }, order: { meetingId: 'ASC' } });
  if (regs.length === 0) return 0;
  const meetings = await em.find(TopicMeeting, { where: { id: In(regs.map((r) => r.meetingId)), startsAt: MoreThan(now) }, order: { id: 'ASC' } });
  let given = 0;
  for (const m of meetings) {
    if (m.cancelledAt) continue;
    await leaveMeeting(em, m, regs.find((r) => r.meetingId === m.id)!, now);
    await bumpMeeting(em, m);
    given++;
  }
  return given;
}
