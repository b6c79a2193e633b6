import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Brackets, In, type EntityManager } from 'typeorm';
import {
  ACTION_ROLES,
  FINAL_TICKET_STATUSES,
  OPEN_TICKET_STATUSES,
  RATING_LABELS,
  RATING_WINDOW_DAYS,
  REJECT_REASON_LABELS,
  TICKET_ACTION_LABELS,
  TICKET_STATUS_LABELS,
  acceptDeadlineOnHandover,
  addDays,
  checkTransition,
  initialDeadlines,
  nextEscalationAt,
  rateOutcome,
  type NearbyTicket,
  type Page,
  type Rating,
  type RejectReason,
  type TicketAction,
  type TicketDetail,
  type TicketEventType,
  type TicketRelation,
  type TicketSummary,
} from '@linli/shared';
import { AuthUser } from '../auth/auth-user.js';
import { CategoriesService } from '../categories/categories.service.js';
import type { Category } from '../categories/category.entity.js';
import { Errors } from '../common/app-error.js';
import { paging } from '../common/paging.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { DispatchService } from '../dispatch/dispatch.service.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { enqueueNotifications, type NotificationDraft } from '../notifications/outbox.js';
import { Building, Community } from '../places/entities/places.entities.js';
import { degreesAround, distanceMeters } from '../places/geo.js';
import { GridLocator } from '../places/grid-locator.js';
import { PlacesService } from '../places/places.service.js';
import { RoleAssignment } from '../users/entities/users.entities.js';
import { UsersService } from '../users/users.service.js';
import type { CreateTicketDto, ListTicketsQuery, NearbyQuery } from './dto/ticket.dto.js';
import { IdempotencyRecord } from './entities/idempotency-record.entity.js';
import { TicketEvent, type EventData } from './entities/ticket-event.entity.js';
import { TicketFollower } from './entities/ticket-follower.entity.js';
import { Ticket } from './entities/ticket.entity.js';
import { isStaffFor, oversees, relationsTo } from './ticket-access.js';
import { TicketViews, ticketCode } from './ticket-views.js';

/** Raised inside a transaction when another writer changed the ticket first. */
class VersionConflict extends Error {}

/** What one transition writes besides the ticket's own columns. */
interface TransitionEffects {
  events: { type: TicketEventType; note?: string | null; photoKeys?: string[] | null; data?: EventData | null; actorId?: number | null; actorRole?: string }[];
  notify: { userIds: number[]; draft: NotificationDraft }[];
}

const MAX_ATTEMPTS = 3;

@Injectable()
export class TicketsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CategoriesService) private readonly categories: CategoriesService,
    @Inject(DispatchService) private readonly dispatcher: DispatchService,
    @Inject(GridLocator) private readonly locator: GridLocator,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(TicketViews) private readonly views: TicketViews,
    @Inject(PlacesService) private readonly places: PlacesService,
  ) {}

  // ───────────────────────────── 报事: report ─────────────────────────────

  async create(user: AuthUser, dto: CreateTicketDto, idempotencyKey: string | undefined): Promise<TicketDetail> {
    const requestHash = createHash('sha256').update(JSON.stringify(dto)).digest('hex');
    if (idempotencyKey !== undefined) {
      const replay = await this.replay(user, idempotencyKey, requestHash);
      if (replay) return replay;
    }
    const category = await this.categories.get(dto.categoryId);
    if (!category || !category.active) throw Errors.unprocessable('UNKNOWN_CATEGORY', '请选择有效的报事类别');
    const place = await this.placeOf(user, dto);
    const photoKeys = await this.photoKeys(user, dto.photoIds ?? []);

    try {
      const created = await this.db.transaction(async (em) => {
        const now = this.clock.now();
        const handlerId = await this.dispatcher.chooseHandler(em, place, category);
        const deadlines = initialDeadlines(category, now);
        const ticket = em.create(Ticket, {
          reporterId: user.id,
          categoryId: category.id,
          description: dto.description,
          anonymous: dto.anonymous ?? false,
          photoKeys,
          lat: dto.lat ?? null,
          lng: dto.lng ?? null,
          buildingId: dto.buildingId ?? null,
          ...place,
          status: handlerId === null ? 'submitted' : 'dispatched',
          handlerId,
          ...deadlines,
          escalationLevel: 0,
          lastEscalatedAt: null,
          autoCloseAt: null,
          firstAcceptedAt: null,
          firstResolvedAt: null,
          resolvedAt: null,
          closedAt: null,
          resolutionNote: null,
          resolutionPhotoKeys: null,
          rating: null,
          ratingComment: null,
          reopenCount: 0,
          rejectReason: null,
          duplicateOfId: null,
          followerCount: 0,
          version: 1,
          createdAt: now,
          updatedAt: now,
        });
        ticket.nextEscalationAt = nextEscalationAt(ticket);
        await em.insert(Ticket, ticket);
        const events: Partial<TicketEvent>[] = [
          { ticketId: ticket.id, type: 'submitted', actorId: user.id, actorRole: 'resident', note: null, photoKeys, data: null, createdAt: now },
        ];
        if (handlerId !== null) {
          events.push({ ticketId: ticket.id, type: 'dispatched', actorId: null, actorRole: 'system', note: null, photoKeys: null, data: { toUserId: handlerId, auto: true }, createdAt: now });
          await enqueueNotifications(em, [handlerId], this.draft(ticket, 'dispatched', `新派单：${category.name}`, dto.description), now);
        } else {
          const committee = await this.committeeOf(em, ticket.communityId);
          await enqueueNotifications(em, committee, this.draft(ticket, 'queued', `待派单：${category.name}`, '有一件报事需要人工派单'), now);
        }
        await em.insert(TicketEvent, events);
        if (idempotencyKey !== undefined) {
          await em.insert(IdempotencyRecord, { userId: user.id, key: idempotencyKey, requestHash, ticketId: ticket.id, createdAt: now });
        }
        return ticket;
      });
      return this.detailOf(user, created, true);
    } catch (e) {
      // Two copies of one submit raced: the loser's transaction rolled back on the unique key; answer as the winner did.
      if (idempotencyKey !== undefined && isUniqueViolation(e)) {
        const replay = await this.replay(user, idempotencyKey, requestHash);
        if (replay) return replay;
      }
      throw e;
    }
  }

  private async replay(user: AuthUser, key: string, requestHash: string): Promise<TicketDetail | null> {
    const record = await this.db.manager.findOneBy(IdempotencyRecord, { userId: user.id, key });
    if (!record) return null;
    if (record.requestHash !== requestHash) {
      throw Errors.unprocessable('IDEMPOTENCY_KEY_REUSED', '同一个 Idempotency-Key 已用于另一次不同的提交');
    }
    return this.detailFor(user, record.ticketId);
  }

  /** The ticket's place: the building's grid, else the grid whose polygon holds the point. */
  private async placeOf(user: AuthUser, dto: CreateTicketDto): Promise<Pick<Ticket, 'gridId' | 'communityId' | 'streetId' | 'districtId'>> {
    if (dto.buildingId === undefined && (dto.lat === undefined || dto.lng === undefined)) {
      throw Errors.unprocessable('LOCATION_REQUIRED', '请选择位置或楼栋');
    }
    let gridId: number | null = null;
    let communityId: number | null = null;
    if (dto.buildingId !== undefined) {
      const building = await this.db.manager.findOneBy(Building, { id: dto.buildingId });
      if (!building) throw Errors.unprocessable('UNKNOWN_BUILDING', '所选楼栋不存在');
      gridId = building.gridId;
      communityId = building.communityId;
    }
    if (gridId === null && dto.lat !== undefined && dto.lng !== undefined) {
      const found = await this.locator.locate(dto.lat, dto.lng);
      if (found) {
        gridId = found.gridId;
        communityId ??= found.communityId;
      }
    }
    communityId ??= await this.users.homeCommunityId(user);
    if (communityId === null) throw Errors.unprocessable('OUTSIDE_SERVICE_AREA', '该位置不在本平台服务的社区范围内，请选择所在楼栋');
    const community = await this.db.manager.findOneBy(Community, { id: communityId });
    if (!community) throw Errors.unprocessable('OUTSIDE_SERVICE_AREA', '该位置不在本平台服务的社区范围内');
    return { gridId, communityId, streetId: community.streetId, districtId: community.districtId };
  }

  private async photoKeys(user: AuthUser, photoIds: number[]): Promise<string[]> {
    if (photoIds.length === 0) return [];
    const unique = [...new Set(photoIds)];
    const files = await this.db.manager.find(StoredFile, { where: { id: In(unique), ownerId: user.id } });
    if (files.length !== unique.length) throw Errors.unprocessable('UNKNOWN_PHOTO', '有照片未上传成功，请重新上传');
    const byId = new Map(files.map((f) => [f.id, f.key]));
    return unique.map((id) => byId.get(id)!);
  }

  // ───────────────────────────── Reading ─────────────────────────────

  async detailFor(user: AuthUser, id: number): Promise<TicketDetail> {
    const t = await this.db.manager.findOneBy(Ticket, { id });
    if (!t) throw Errors.notFound('报事');
    return this.detailOf(user, t, false);
  }

  /**
   * A ticket already in hand, as this user may see it (404 if they may not).
   * Whoever just acted on it sees the result, even when the action took it out of
   * their hands (a partner returning it to the queue).
   */
  private async detailOf(user: AuthUser, t: Ticket, justActed: boolean): Promise<TicketDetail> {
    const relations = relationsTo(user, t);
    const overseer = oversees(user, t);
    // A reporter never follows their own ticket.
    const following = user.has('resident') && t.reporterId !== user.id ? (await this.db.manager.countBy(TicketFollower, { ticketId: t.id, userId: user.id })) > 0 : false;
    if (relations.length === 0 && !overseer && !following && !justActed) throw Errors.notFound('报事');
    return this.views.detail(t, { id: user.id, relations, staff: isStaffFor(relations, overseer), following }, this.clock);
  }

  async list(user: AuthUser, q: ListTicketsQuery): Promise<Page<TicketSummary>> {
    const { page, pageSize, skip, take } = paging(q);
    const now = this.clock.now();
    const qb = this.db.manager.createQueryBuilder(Ticket, 't');
    switch (q.scope) {
      case 'mine':
        if (!user.has('resident')) throw Errors.forbidden('只有居民有“我的报事”');
        qb.where('t.reporterId = :me', { me: user.id });
        qb.orderBy('t.id', 'DESC');
        break;
      case 'following':
        if (!user.has('resident')) throw Errors.forbidden();
        qb.innerJoin(TicketFollower, 'f', 'f.ticketId = t.id AND f.userId = :me', { me: user.id });
        qb.orderBy('t.id', 'DESC');
        break;
      case 'assigned': {
        if (!user.has('grid_worker', 'partner')) throw Errors.forbidden('只有网格员和合作单位有待办');
        qb.where('t.handlerId = :me', { me: user.id });
        if (!q.status) qb.andWhere('t.status IN (:...open)', { open: ['dispatched', 'accepted'] });
        // Inbox by deadline: the one racing the earliest deadline first, so overdue matters lead.
        qb.addSelect("CASE WHEN t.status = 'accepted' THEN t.resolveDueAt ELSE t.acceptDueAt END", 'deadline');
        qb.orderBy('deadline', 'ASC').addOrderBy('t.id', 'ASC');
        break;
      }
      case 'community': {
        const communities = await this.overseenCommunities(user);
        if (communities === 'none') throw Errors.forbidden('只有社区、街道和区的工作人员可以查看社区报事');
        if (q.communityId !== undefined) {
          if (communities !== 'all' && !communities.includes(q.communityId)) throw Errors.forbidden('不能查看其他社区的报事');
          qb.where('t.communityId = :c', { c: q.communityId });
        } else if (communities !== 'all') {
          qb.where('t.communityId IN (:...cs)', { cs: communities.length ? communities : [0] });
        }
        qb.orderBy('t.id', 'DESC');
        break;
      }
    }
    if (q.status) qb.andWhere('t.status IN (:...status)', { status: q.status });
    if (q.categoryId !== undefined) qb.andWhere('t.categoryId = :categoryId', { categoryId: q.categoryId });
    if (q.gridId !== undefined) qb.andWhere('t.gridId = :gridId', { gridId: q.gridId });
    if (q.from) qb.andWhere('t.createdAt >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('t.createdAt < :to', { to: new Date(q.to) });
    if (q.overdue !== undefined) {
      const overdue = "((t.status IN ('submitted', 'dispatched') AND t.acceptDueAt < :now) OR (t.status = 'accepted' AND t.resolveDueAt < :now))";
      qb.andWhere(q.overdue ? overdue : `NOT ${overdue}`, { now });
    }
    const [items, total] = await qb.skip(skip).take(take).getManyAndCount();
    return { items: await this.views.summaries(items, now), total, page, pageSize };
  }

  /** The communities whose tickets the user watches: ids, every one (admin), or none. */
  async overseenCommunities(user: AuthUser): Promise<number[] | 'all' | 'none'> {
    if (user.has('admin')) return 'all';
    const ids = new Set(user.communityIds('committee_member'));
    const streets = user.streetIds('street_officer');
    const districts = user.districtIds('district_officer');
    if (streets.length || districts.length) {
      const rows = await this.db.manager
        .createQueryBuilder(Community, 'c')
        .select('c.id', 'id')
        .where(new Brackets((w) => {
          w.where('1 = 0');
          if (streets.length) w.orWhere('c.streetId IN (:...streets)', { streets });
          if (districts.length) w.orWhere('c.districtId IN (:...districts)', { districts });
        }))
        .getRawMany<{ id: number }>();
      rows.forEach((r) => ids.add(Number(r.id)));
    }
    return ids.size === 0 && !user.has('committee_member', 'street_officer', 'district_officer') ? 'none' : [...ids];
  }

  /** 附议 candidates: open tickets of the category within its radius. */
  async nearby(q: NearbyQuery): Promise<NearbyTicket[]> {
    const category = await this.categories.get(q.categoryId);
    if (!category) throw Errors.unprocessable('UNKNOWN_CATEGORY', '请选择有效的报事类别');
    const radius = category.duplicateRadiusMeters;
    const { dLat, dLng } = degreesAround(q.lat, radius);
    const rows = await this.db.manager
      .createQueryBuilder(Ticket, 't')
      .where('t.categoryId = :c', { c: category.id })
      .andWhere('t.status IN (:...open)', { open: OPEN_TICKET_STATUSES })
      .andWhere('t.lat BETWEEN :minLat AND :maxLat', { minLat: q.lat - dLat, maxLat: q.lat + dLat })
      .andWhere('t.lng BETWEEN :minLng AND :maxLng', { minLng: q.lng - dLng, maxLng: q.lng + dLng })
      .orderBy('t.id', 'DESC')
      .take(200)
      .getMany();
    return rows
      .map((t) => ({ t, d: distanceMeters(q, { lat: t.lat!, lng: t.lng! }) }))
      .filter(({ d }) => d <= radius)
      .sort((a, b) => a.d - b.d)
      .slice(0, 20)
      .map(({ t, d }) => ({
        id: t.id,
        code: ticketCode(t),
        status: t.status,
        description: t.description,
        distanceMeters: Math.round(d),
        followerCount: t.followerCount,
        createdAt: t.createdAt.toISOString(),
      }));
  }

  async handlerCandidates(user: AuthUser, id: number) {
    const t = await this.db.manager.findOneBy(Ticket, { id });
    if (!t) throw Errors.notFound('报事');
    const relations = relationsTo(user, t);
    if (!relations.some((r) => r === 'handler' || r === 'committee' || r === 'grid_colleague')) throw Errors.notFound('报事');
    const candidates = await this.dispatcher.candidates(this.db.manager, t.communityId);
    const [names, grids] = await Promise.all([this.views.userNames(candidates.map((c) => c.userId)), this.places.gridNames(candidates.map((c) => c.gridId))]);
    return candidates.map((c) => ({ id: c.userId, name: names.get(c.userId) ?? '', role: c.role, gridName: c.gridId !== null ? (grids.get(c.gridId) ?? null) : null, openCount: c.openCount }));
  }

  // ───────────────────────────── Transitions ─────────────────────────────

  accept(user: AuthUser, id: number) {
    return this.transition(user, id, 'accept', async (t, now) => {
      const previous = t.handlerId;
      t.status = 'accepted';
      t.handlerId = user.id;
      t.firstAcceptedAt ??= now;
      return {
        events: [{ type: 'accepted', data: previous !== user.id ? { fromUserId: previous } : null }],
        notify: [{ userIds: await this.residentsOf(t), draft: this.draft(t, 'accepted', '您的报事已受理', '网格员已接单，正在处理') }],
      };
    });
  }

  resolve(user: AuthUser, id: number, note: string, photoIds: number[]) {
    return this.transition(user, id, 'resolve', async (t, now) => {
      const photoKeys = await this.photoKeys(user, photoIds);
      t.status = 'resolved';
      t.resolvedAt = now;
      t.firstResolvedAt ??= now;
      t.resolutionNote = note;
      t.resolutionPhotoKeys = photoKeys;
      t.autoCloseAt = addDays(now, RATING_WINDOW_DAYS);
      return {
        events: [{ type: 'resolved', note, photoKeys }],
        notify: [{ userIds: await this.residentsOf(t), draft: this.draft(t, 'resolved', '您的报事已办结，请评价', note) }],
      };
    });
  }

  returnToQueue(user: AuthUser, id: number, reason: string) {
    return this.transition(user, id, 'return', async (t, now, em, category) => {
      t.status = 'submitted';
      t.handlerId = null;
      t.acceptDueAt = acceptDeadlineOnHandover(category, now, t.resolveDueAt);
      return {
        events: [{ type: 'returned', note: reason, data: { fromUserId: user.id } }],
        notify: [{ userIds: await this.committeeOf(em, t.communityId), draft: this.draft(t, 'returned', '报事被退回，待重新派单', reason) }],
      };
    });
  }

  transfer(user: AuthUser, id: number, toUserId: number, reason: string) {
    return this.handOver(user, id, 'transfer', toUserId, reason);
  }

  dispatch(user: AuthUser, id: number, toUserId: number) {
    return this.handOver(user, id, 'dispatch', toUserId, null);
  }

  private handOver(user: AuthUser, id: number, action: 'transfer' | 'dispatch', toUserId: number, reason: string | null) {
    return this.transition(user, id, action, async (t, now, em, category) => {
      if (toUserId === t.handlerId) throw Errors.unprocessable('SAME_HANDLER', '该报事已在此人手中');
      if (!(await this.dispatcher.isValidHandler(em, toUserId, t.communityId))) {
        throw Errors.unprocessable('INVALID_HANDLER', '只能派给本社区的网格员或合作单位');
      }
      const from = t.handlerId;
      t.status = 'dispatched';
      t.handlerId = toUserId;
      t.acceptDueAt = acceptDeadlineOnHandover(category, now, t.resolveDueAt);
      return {
        events: [{ type: action === 'dispatch' ? 'dispatched' : 'transferred', note: reason, data: { fromUserId: from, toUserId } }],
        notify: [{ userIds: [toUserId], draft: this.draft(t, 'dispatched', `新派单：${category.name}`, t.description) }],
      };
    });
  }

  reject(user: AuthUser, id: number, reason: RejectReason, note: string | undefined) {
    return this.transition(user, id, 'reject', async (t, now) => {
      t.status = 'rejected';
      t.rejectReason = reason;
      t.closedAt = now;
      const text = note ? `${REJECT_REASON_LABELS[reason]}：${note}` : REJECT_REASON_LABELS[reason];
      return {
        events: [{ type: 'rejected', note: text, data: { reason } }],
        notify: [{ userIds: [...(await this.residentsOf(t)), ...(t.handlerId ? [t.handlerId] : [])], draft: this.draft(t, 'rejected', '报事不予受理', text) }],
      };
    });
  }

  cancel(user: AuthUser, id: number) {
    return this.transition(user, id, 'cancel', async (t, now) => {
      const handler = t.handlerId;
      t.status = 'cancelled';
      t.closedAt = now;
      return {
        events: [{ type: 'cancelled' }],
        notify: handler ? [{ userIds: [handler], draft: this.draft(t, 'cancelled', '居民已撤回报事', t.description) }] : [],
      };
    });
  }

  rate(user: AuthUser, id: number, rating: Rating, comment: string | undefined) {
    return this.transition(user, id, 'rate', async (t, now, _em, category) => {
      t.rating = rating;
      t.ratingComment = comment ?? null;
      t.autoCloseAt = null;
      const rated = { type: 'rated' as const, note: comment ?? null, data: { rating } };
      if (rateOutcome(rating) === 'close') {
        t.status = 'closed';
        t.closedAt = now;
        return {
          events: [rated, { type: 'closed' }],
          notify: t.handlerId ? [{ userIds: [t.handlerId], draft: this.draft(t, 'closed', `居民评价：${RATING_LABELS[rating]}`, comment ?? '') }] : [],
        };
      }
      // 差评 → 重办: back to the same handler, the clock starts again.
      const deadlines = initialDeadlines(category, now);
      t.status = 'dispatched';
      t.reopenCount += 1;
      t.resolvedAt = null;
      t.acceptDueAt = deadlines.acceptDueAt;
      t.resolveDueAt = deadlines.resolveDueAt;
      t.escalationLevel = 0;
      t.lastEscalatedAt = null;
      return {
        events: [rated, { type: 'reopened', note: comment ?? null, data: { toUserId: t.handlerId } }],
        notify: t.handlerId ? [{ userIds: [t.handlerId], draft: this.draft(t, 'reopened', '居民不满意，报事重办', comment ?? t.description) }] : [],
      };
    });
  }

  /** 附议: "me too". Idempotent: following twice is following. */
  async follow(user: AuthUser, id: number): Promise<TicketDetail> {
    await this.db.transaction(async (em) => {
      const t = await em.findOneBy(Ticket, { id });
      if (!t || !OPEN_TICKET_STATUSES.includes(t.status)) throw t ? Errors.invalidState('只能附议尚未办结的报事') : Errors.notFound('报事');
      if (t.reporterId === user.id) throw Errors.unprocessable('OWN_TICKET', '这是您自己报的事');
      if (await em.countBy(TicketFollower, { ticketId: id, userId: user.id })) return;
      const now = this.clock.now();
      await em.insert(TicketFollower, { ticketId: id, userId: user.id, createdAt: now });
      await em.increment(Ticket, { id }, 'followerCount', 1);
      await em.insert(TicketEvent, { ticketId: id, type: 'followed', actorId: user.id, actorRole: 'resident', note: null, photoKeys: null, data: null, createdAt: now });
    }).catch((e) => {
      if (!isUniqueViolation(e)) throw e; // the same resident pressing twice at once
    });
    return this.detailFor(user, id);
  }

  async unfollow(user: AuthUser, id: number): Promise<{ following: false }> {
    await this.db.transaction(async (em) => {
      const removed = await em.delete(TicketFollower, { ticketId: id, userId: user.id });
      if (removed.affected) await em.decrement(Ticket, { id }, 'followerCount', 1);
    });
    return { following: false };
  }

  /** A committee member merges a duplicate into the original: rejected as duplicate-of, its reporter follows the original. */
  async merge(user: AuthUser, id: number, intoTicketId: number): Promise<TicketDetail> {
    if (id === intoTicketId) throw Errors.unprocessable('MERGE_INTO_SELF', '不能合并到自身');
    const original = await this.db.manager.findOneBy(Ticket, { id: intoTicketId });
    if (!original || !relationsTo(user, original).includes('committee')) throw Errors.notFound('原报事');
    if (FINAL_TICKET_STATUSES.includes(original.status) && original.status !== 'closed') {
      throw Errors.invalidState('原报事已撤回或不予受理，不能合并到它');
    }
    const detail = await this.transition(user, id, 'reject', async (t, now, em) => {
      if (t.communityId !== original.communityId) throw Errors.unprocessable('MERGE_ACROSS_COMMUNITIES', '只能合并同一社区的报事');
      t.status = 'rejected';
      t.rejectReason = 'duplicate';
      t.duplicateOfId = original.id;
      t.closedAt = now;
      const followers = [t.reporterId, ...(await em.find(TicketFollower, { where: { ticketId: t.id } })).map((f) => f.userId)].filter(
        (u) => u !== original.reporterId,
      );
      let added = 0;
      for (const userId of new Set(followers)) {
        if (await em.countBy(TicketFollower, { ticketId: original.id, userId })) continue;
        await em.insert(TicketFollower, { ticketId: original.id, userId, createdAt: now });
        added += 1;
      }
      await em.increment(Ticket, { id: original.id }, 'followerCount', added);
      await em.insert(TicketEvent, { ticketId: original.id, type: 'merged', actorId: user.id, actorRole: 'committee_member', note: null, photoKeys: null, data: { ticketId: t.id }, createdAt: now });
      return {
        events: [{ type: 'rejected', note: `${REJECT_REASON_LABELS.duplicate}，已合并到 ${ticketCode(original)}`, data: { reason: 'duplicate', duplicateOfId: original.id } }],
        notify: [{ userIds: await this.residentsOf(t), draft: this.draft(t, 'merged', '您的报事已合并', `与 ${ticketCode(original)} 为同一件事，您将收到它的进展`) }],
      };
    });
    return detail;
  }

  /**
   * Every user transition: role check (403), visibility (404), state check (409),
   * then the change, its timeline events and its notifications in one transaction,
   * written only if nobody else changed the ticket meanwhile (optimistic lock on `version`).
   */
  private async transition(
    user: AuthUser,
    id: number,
    action: TicketAction,
    apply: (t: Ticket, now: Date, em: EntityManager, category: Category) => Promise<TransitionEffects>,
  ): Promise<TicketDetail> {
    if (!user.has(...(ACTION_ROLES[action] as ('resident' | 'grid_worker' | 'partner' | 'committee_member')[]))) {
      throw Errors.forbidden(`您的身份不能执行“${TICKET_ACTION_LABELS[action]}”`);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const changed = await this.db.transaction(async (em) => {
          const t = await em.findOneBy(Ticket, { id });
          if (!t) throw Errors.notFound('报事');
          const relations = relationsTo(user, t);
          if (relations.length === 0 && !oversees(user, t)) throw Errors.notFound('报事');
          const check = checkTransition(t.status, action, relations);
          if (!check.ok) {
            if (check.reason === 'forbidden') throw Errors.forbidden(`您不能对这件报事执行“${TICKET_ACTION_LABELS[action]}”`);
            throw Errors.invalidState(`报事当前状态为“${TICKET_STATUS_LABELS[t.status]}”，不能${TICKET_ACTION_LABELS[action]}`);
          }
          const category = (await this.categories.get(t.categoryId))!;
          const now = this.clock.now();
          const effects = await apply(t, now, em, category);
          await this.save(em, t, now);
          const actorRole = actorRoleFor(user, relations, action);
          await em.insert(
            TicketEvent,
            effects.events.map((e) => ({
              ticketId: t.id,
              type: e.type,
              actorId: e.actorId === undefined ? user.id : e.actorId,
              actorRole: e.actorRole ?? actorRole,
              note: e.note ?? null,
              photoKeys: e.photoKeys ?? null,
              data: e.data ?? null,
              createdAt: now,
            })),
          );
          for (const n of effects.notify) await enqueueNotifications(em, n.userIds, n.draft, now);
          return t;
        });
        return this.detailOf(user, changed, true);
      } catch (e) {
        if (e instanceof VersionConflict && attempt < MAX_ATTEMPTS) continue;
        if (e instanceof VersionConflict) throw Errors.conflict();
        throw e;
      }
    }
  }

  /** Writes the ticket if its version is still the one read; else VersionConflict. */
  async save(em: EntityManager, t: Ticket, now: Date): Promise<void> {
    t.nextEscalationAt = nextEscalationAt(t);
    // followerCount moves only by atomic increments (附议), never from a stale read.
    const { id, version, createdAt: _createdAt, followerCount: _followers, ...changes } = t;
    const result = await em
      .createQueryBuilder()
      .update(Ticket)
      .set({ ...changes, updatedAt: now, version: version + 1 })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (result.affected !== 1) throw new VersionConflict();
    t.version = version + 1;
    t.updatedAt = now;
  }

  // ───────────────────────────── Helpers ─────────────────────────────

  /** The reporter and everyone who said "me too". */
  async residentsOf(t: Ticket, em: EntityManager = this.db.manager): Promise<number[]> {
    const followers = await em.find(TicketFollower, { where: { ticketId: t.id }, select: { userId: true } });
    return [t.reporterId, ...followers.map((f) => f.userId)];
  }

  async committeeOf(em: EntityManager, communityId: number): Promise<number[]> {
    const rows = await em.find(RoleAssignment, { where: { role: 'committee_member', communityId }, select: { userId: true } });
    return rows.map((r) => r.userId);
  }

  draft(t: Ticket, type: string, title: string, body: string): NotificationDraft {
    return { type, title, body: `${ticketCode(t)} ${body}`, ticketId: t.id };
  }
}

/** The role the actor acted in, for the timeline. */
function actorRoleFor(user: AuthUser, relations: TicketRelation[], action: TicketAction): string {
  if (action === 'cancel' || action === 'rate') return 'resident';
  const asHandler = (action === 'accept' || action === 'resolve' || action === 'return' || action === 'transfer') && relations.some((r) => r === 'handler' || r === 'grid_colleague');
  if (asHandler) return user.has('grid_worker') ? 'grid_worker' : 'partner';
  return 'committee_member';
}

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; errno?: number; driverError?: { code?: string } };
  const code = err?.driverError?.code ?? err?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

