import { WechatVisit } from '../wechat/wechat-visit.entity.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { HANDLER_INBOX_STATUSES, UNCATEGORISED_LABEL, type AccountDeleted, type AccountExport } from '@linli/shared';
import { SessionsService } from '../auth/sessions.service.js';
import { BindingsService } from '../bindings/bindings.service.js';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { HouseholdMember } from '../ledger/entities/household-member.entity.js';
import { PersonDetails } from '../ledger/entities/person-details.entity.js';
import { flagsOf } from '../ledger/ledger-snapshot.js';
import { Category } from '../categories/category.entity.js';
import { AccountClaim } from '../claims/account-claim.entity.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { ContentHold } from '../content-security/content-hold.entity.js';
import { Db } from '../database/db.js';
import { FILE_STORAGE, fileUrl, type FileStorage } from '../files/storage.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { TicketEvent } from '../tickets/entities/ticket-event.entity.js';
import { TicketFollower } from '../tickets/entities/ticket-follower.entity.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { RoleAssignment, User } from './entities/users.entities.js';
import { PhoneRevealsService } from './phone-reveals.service.js';
import { UsersService } from './users.service.js';
import { Ballot, MeetingRegistration, Topic, TopicComment, TopicCosign, TopicRating } from '../deliberation/entities/deliberation.entities.js';
import { giveUpMeetings } from '../deliberation/meeting-queue.js';
import { VersionConflict } from '../deliberation/topic-writes.js';
import { giveUpBookings } from '../bookings/booking-queue.js';
import { Booking, BookingHelpRequest, VolunteerHourEntry } from '../bookings/entities/booking.entities.js';
import { ServiceItem, ServiceSlot } from '../bookings/entities/catalogue.entities.js';

/** The name a deleted account's tickets show as their reporter. */
export const DELETED_USER_NAME = '已注销用户';

/** The user's own data (PIPL arts. 44–47): a copy of everything held (export), and 注销 (delete). */
@Injectable()
export class AccountService {
  private readonly logger = new Logger(AccountService.name);

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(BindingsService) private readonly bindings: BindingsService,
    @Inject(PhoneRevealsService) private readonly reveals: PhoneRevealsService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  async export(userId: number): Promise<AccountExport> {
    const em = this.db.manager;
    const user = (await em.findOneBy(User, { id: userId }))!;
    const roles = await em.find(RoleAssignment, { where: { userId }, order: { id: 'ASC' } });
    const [roleViews] = await this.users.roleViews([roles]);
    const bindings = await em.find(HouseholdBinding, { where: { userId }, order: { id: 'ASC' } });
    const labels = await this.bindings.householdLabels(bindings.map((b) => b.householdId));
    const tickets = await em.find(Ticket, { where: { reporterId: userId }, order: { id: 'ASC' } });
    const categories = await em.find(Category, { where: { id: In(tickets.flatMap((t) => (t.categoryId === null ? [] : [t.categoryId])).concat(0)) } });
    const events = await em.find(TicketEvent, { where: { actorId: userId }, order: { id: 'ASC' } });
    const follows = await em.find(TicketFollower, { where: { userId }, order: { id: 'ASC' } });
    const notifications = await em.find(Notification, { where: { userId }, order: { id: 'ASC' } });
    const files = await em.find(StoredFile, { where: { ownerId: userId }, order: { id: 'ASC' } });
    const claims = await em.find(AccountClaim, { where: { claimantId: userId }, order: { id: 'ASC' } });
    const holds = await em.find(ContentHold, { where: { userId }, order: { id: 'ASC' } });
    const details = await em.findOneBy(PersonDetails, { userId });
    const memberships = await em.find(HouseholdMember, { where: { userId }, order: { id: 'ASC' } });
    const homes = await this.bindings.householdLabels(memberships.map((m) => m.householdId));
    const bookings = await em.find(Booking, { where: { userId }, order: { id: 'ASC' } });
    const bookedSlots = new Map((await em.find(ServiceSlot, { where: { id: In(bookings.map((b) => b.slotId).concat(0)) } })).map((s) => [s.id, s]));
    const bookedItems = new Map((await em.find(ServiceItem, { where: { id: In(bookings.map((b) => b.serviceId).concat(0)) } })).map((i) => [i.id, i]));
    const help = await em.find(BookingHelpRequest, { where: { userId }, order: { id: 'ASC' } });
    const hours = await em.find(VolunteerHourEntry, { where: { userId }, order: { id: 'ASC' } });
    return {
      exportedAt: this.clock.now().toISOString(),
      account: {
        id: user.id,
        name: user.name,
        nickname: user.nickname,
        phone: user.phone,
        phoneVerifiedAt: user.phoneVerifiedAt?.toISOString() ?? null,
        avatarUrl: user.avatarKey ? fileUrl(user.avatarKey) : null,
        wechatLinked: user.openid !== null,
        consentVersion: user.consentVersion,
        consentedAt: user.consentedAt?.toISOString() ?? null,
        createdAt: user.createdAt.toISOString(),
      },
      roles: roleViews,
      bindings: bindings.map((b) => ({ ...this.bindings.view(b), householdLabel: labels.get(b.householdId) ?? '' })),
      tickets: tickets.map((t) => ({
        id: t.id,
        code: t.code,
        status: t.status,
        category: t.categoryId === null ? UNCATEGORISED_LABEL : (categories.find((c) => c.id === t.categoryId)?.name ?? ''),
        description: t.description,
        anonymous: t.anonymous,
        photoUrls: t.photoKeys.map(fileUrl),
        location: t.lat !== null && t.lng !== null ? { lat: t.lat, lng: t.lng } : null,
        rating: t.rating,
        ratingComment: t.ratingComment,
        createdAt: t.createdAt.toISOString(),
      })),
      ticketActions: events.map((e) => ({ ticketId: e.ticketId, type: e.type, note: e.note, at: e.createdAt.toISOString() })),
      following: follows.map((f) => ({ ticketId: f.ticketId, since: f.createdAt.toISOString() })),
      notifications: notifications.map((n) => ({ type: n.type, title: n.title, body: n.body, ticketId: n.ticketId, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
      files: files.map((f) => ({ url: fileUrl(f.key), mimeType: f.mimeType, size: f.size, createdAt: f.createdAt.toISOString() })),
      phoneReveals: await this.reveals.forSubject(userId),
      claims: claims.map((c) => ({ id: c.id, status: c.status, createdAt: c.createdAt.toISOString() })),
      heldTexts: holds.map((h) => ({ field: h.field, text: h.text, reason: h.reason, ticketId: h.ticketId, createdAt: h.createdAt.toISOString(), releasedAt: h.releasedAt?.toISOString() ?? null })),
      bookings: bookings.map((b) => ({
        id: b.id,
        service: bookedItems.get(b.serviceId)?.name ?? '',
        startsAt: bookedSlots.get(b.slotId)!.startsAt.toISOString(),
        status: b.status,
        role: b.role,
        bookedById: b.bookedById,
        rating: b.rating,
        ratingComment: b.ratingComment,
        createdAt: b.createdAt.toISOString(),
      })),
      bookingHelp: help.map((h) => ({ id: h.id, status: h.status, note: h.note, createdAt: h.createdAt.toISOString() })),
      volunteerHours: hours.map((h) => ({ minutes: h.minutes, kind: h.kind, reason: h.reason, at: h.createdAt.toISOString() })),
      ledger: {
        birthYear: details?.birthYear ?? null,
        specialCare: flagsOf(details?.specialCare),
        households: memberships.map((m) => ({ household: homes.get(m.householdId) ?? '', relation: m.relation, since: m.startedAt.toISOString(), endedAt: m.endedAt?.toISOString() ?? null })),
      },
      deliberation: await this.deliberation(userId),
    };
  }

  /** 议事 data of the user; ballots only those they cast in the app (a committee member's paper entries are other households'). */
  private async deliberation(userId: number): Promise<AccountExport['deliberation']> {
    const em = this.db.manager;
    const [topics, cosigns, comments, ballots, ratings, meetings] = await Promise.all([
      em.find(Topic, { where: { proposerId: userId }, order: { id: 'ASC' } }),
      em.find(TopicCosign, { where: { userId }, order: { id: 'ASC' } }),
      em.find(TopicComment, { where: { authorId: userId }, order: { id: 'ASC' } }),
      em.find(Ballot, { where: { castById: userId, channel: 'app' }, order: { id: 'ASC' } }),
      em.find(TopicRating, { where: { userId }, order: { id: 'ASC' } }),
      em.find(MeetingRegistration, { where: { userId }, order: { id: 'ASC' } }),
    ]);
    return {
      topics: topics.map((t) => ({ id: t.id, title: t.title, description: t.description, status: t.status, createdAt: t.createdAt.toISOString() })),
      cosigns: cosigns.map((c) => ({ topicId: c.topicId, at: c.createdAt.toISOString() })),
      comments: comments.map((c) => ({ topicId: c.topicId, body: c.body, at: c.createdAt.toISOString() })),
      ballots: ballots.map((b) => ({ voteId: b.voteId, householdId: b.householdId, choice: b.choice, receipt: b.receipt, castAt: b.castAt.toISOString() })),
      ratings: ratings.map((r) => ({ topicId: r.topicId, rating: r.rating, comment: r.comment, at: r.createdAt.toISOString() })),
      meetings: meetings.map((m) => ({ meetingId: m.meetingId, status: m.status, since: m.joinedAt.toISOString() })),
    };
  }

  /**
   * 注销: at once, the name, phone, avatar, nickname, openid, roles, household bindings and pending
   * notices go. The row stays, emptied, so the user's tickets keep a reporter (shown as 已注销用户) and the
   * community's records and figures stay true; the household stays too. The openid is gone, so logging in
   * again makes a new user. Staff must first hand their open tickets over. In 议事 the household's ballots,
   * co-signs and ratings stay counted, comments stay under 已注销用户, places at meetings to come are given up.
   */
  async delete(userId: number): Promise<AccountDeleted> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.deleteOnce(userId);
      } catch (e) {
        // A meeting's registrations changed while its waiting list was moved up: once more, from a fresh read.
        if (e instanceof VersionConflict && attempt < 3) continue;
        if (e instanceof VersionConflict) throw new AppError(409, 'TOPIC_CONFLICT', '恳谈会报名刚有变化，请稍后再试一次注销');
        throw e;
      }
    }
  }

  private async deleteOnce(userId: number): Promise<AccountDeleted> {
    const now = this.clock.now();
    const avatarKey = await this.db.transaction(async (em) => {
      const open = await em.count(Ticket, { where: { handlerId: userId, status: In([...HANDLER_INBOX_STATUSES]) } });
      if (open > 0) throw new AppError(409, 'STAFF_HAS_OPEN_TICKETS', `您还有${open}件报事在办理中，请先交接给同事或请社区转派后再注销`);
      const user = (await em.findOneBy(User, { id: userId }))!;
      await em.update(User, { id: userId }, { name: DELETED_USER_NAME, phone: null, openid: null, nickname: null, avatarKey: null, phoneVerifiedAt: null, deletedAt: now });
      await em.delete(RoleAssignment, { userId });
      await em.delete(HouseholdBinding, { userId });
      // The ledger forgets the person: their birth year, special-care flags and memberships (the households stay).
      await em.delete(PersonDetails, { userId });
      await em.delete(HouseholdMember, { userId });
      await em.delete(Notification, { userId });
      await giveUpBookings(em, this.db, userId, now);
      // 议事: places at meetings to come are given up (the waiting list moves up). Ballots, co-signs, ratings and
      // comments stay with their households and topics, so rolls, counts and the record stay true; they point to
      // this emptied row, so they are shown as 已注销用户 and name nobody.
      await giveUpMeetings(em, userId, now);
      await em.update(AccountClaim, { claimantId: userId, status: 'pending' }, { status: 'rejected', reason: '账号已注销', decidedAt: now });
      if (user.avatarKey) await em.delete(StoredFile, { key: user.avatarKey });
      // A held nickname is the person's own; held ticket texts stay with their tickets, as the tickets do.
      await em.delete(ContentHold, { userId, ticketId: IsNull() });
      // The record of when this WeChat account last logged in (for content security) names the openid too.
      if (user.openid) await em.delete(WechatVisit, { openid: user.openid });
      return user.avatarKey;
    });
    await this.sessions.revokeAll(userId);
    if (avatarKey) {
      // The row is gone, so the photo can no longer be served; a leftover file on disk is only bytes nobody can name.
      await this.storage.remove(avatarKey).catch((e: unknown) => this.logger.warn({ err: e, avatarKey }, 'avatar file not removed'));
    }
    return { deletedAt: now.toISOString() };
  }
}
