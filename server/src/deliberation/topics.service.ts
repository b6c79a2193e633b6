import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  DEFAULT_NOTICE_DAYS,
  SECONDING_DAYS,
  TOPIC_ACTION_LABELS,
  TOPIC_STATUS_LABELS,
  TOPIC_STATUSES,
  applyTopicTransition,
  cosignThreshold,
  localDate,
  noticeEndsAt,
  formatLocalDateTime,
  type Page,
  type Rating,
  type TopicAction,
  type TopicCommand,
  type TopicDetail,
  type TopicEventType,
  type TopicPriority,
  type TopicProposerRole,
  type TopicRelation,
  type TopicStatus,
  type TopicSummary,
  type CreateTopicRequest,
} from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { paging } from '../common/paging.js';
import { ContentSecurityService, type Verdict } from '../content-security/content-security.service.js';
import { ContentHold } from '../content-security/content-hold.entity.js';
import { Db } from '../database/db.js';
import { isUniqueViolation } from '../database/errors.js';
import { Building, Household } from '../places/entities/places.entities.js';
import { PlacesService } from '../places/places.service.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { UsersService } from '../users/users.service.js';
import { Topic, TopicIdempotencyRecord, TopicComment, TopicCosign, TopicPlan, TopicRating, TopicReview, TopicScopeBuilding, TopicTask, TopicTaskUpdate, TopicTicket } from './entities/deliberation.entities.js';
import { communityOf, householdsInScope, householdsOf, isCommittee, mayReadCommunity, partyOf, topicRelations } from './topic-access.js';
import { COMMENTING_STATUSES, TopicViews } from './topic-views.js';
import { TopicWrites, VersionConflict } from './topic-writes.js';

const MAX_ATTEMPTS = 3;
const DAY_MS = 86_400_000;

/** What a transition checks or writes besides what the rules return, inside its transaction. */
type Alongside = (t: Topic, em: EntityManager, now: Date) => Promise<void>;

interface TransitionOptions {
  /** The timeline's note (a reason, a plan's title); a function is asked after `alongside` ran. */
  note?: string | null | (() => string | null);
  alongside?: Alongside;
  /** Published text to check first (the body a notice carries). */
  noticeBody?: string;
}

/** 议事: proposals, the committee's steps, comments, plans, reviews, tasks and ratings, each through applyTopicTransition. */
@Injectable()
export class TopicsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PlacesService) private readonly places: PlacesService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(ContentSecurityService) private readonly content: ContentSecurityService,
    @Inject(TopicViews) private readonly views: TopicViews,
  ) {}

  // ───── reading ─────

  async list(user: AuthUser, q: { communityId?: number; status?: TopicStatus[]; page?: number; pageSize?: number }): Promise<Page<TopicSummary>> {
    const communityId = q.communityId ?? (await this.users.homeCommunityId(user));
    if (communityId === null) throw Errors.unprocessable('COMMUNITY_REQUIRED', '请先绑定住址，或选择要查看的社区');
    const community = await this.places.communityPlace(communityId);
    if (!community || !(await mayReadCommunity(this.db.manager, user, community))) throw Errors.notFound('社区');
    const { page, pageSize, skip, take } = paging(q);
    const qb = this.db.manager.createQueryBuilder(Topic, 't').where('t.communityId = :communityId', { communityId });
    if (q.status?.length) qb.andWhere('t.status IN (:...status)', { status: q.status });
    const [rows, total] = await qb.orderBy('t.id', 'DESC').skip(skip).take(take).getManyAndCount();
    return { items: await this.views.summaries(this.db.manager, rows, user), total, page, pageSize };
  }

  async detail(user: AuthUser, id: number): Promise<TopicDetail> {
    const t = await this.readable(this.db.manager, user, id);
    return this.views.detail(this.db.manager, t, user, this.clock.now());
  }

  /**
   * The topic if the user may read it; 404 otherwise, never a hint it exists. `forUpdate`: locked until the
   * transaction ends (MySQL), so that a burst of co-signs queues instead of failing its optimistic retries.
   */
  async readable(em: EntityManager, user: AuthUser, id: number, forUpdate = false): Promise<Topic> {
    const qb = em.createQueryBuilder(Topic, 't').where('t.id = :id', { id });
    if (forUpdate && this.db.isMysql) qb.setLock('pessimistic_write');
    const t = await qb.getOne();
    if (!t) throw Errors.notFound('议题');
    // Anyone holding a role in the community reads it at once (residents, staff); others are looked up.
    if (user.roles.some((r) => r.communityId === t.communityId)) return t;
    const community = await communityOf(em, t.communityId);
    if (!community || !(await mayReadCommunity(em, user, community))) throw Errors.notFound('议题');
    return t;
  }

  // ───── 提议题 ─────

  /** 提议题; a retry with the same Idempotency-Key answers the first proposal. */
  async propose(user: AuthUser, req: CreateTopicRequest, key?: string): Promise<TopicDetail> {
    const hash = requestHash('POST /topics', req);
    return (await this.replay(user, key, hash)) ?? this.replayOnRace(user, key, hash, () => this.proposeOnce(user, req, key, hash));
  }

  private async proposeOnce(user: AuthUser, req: CreateTopicRequest, key: string | undefined, hash: string): Promise<TopicDetail> {
    const home = (await householdsOf(this.db.manager, user.id)).find((h) => h.bound) ?? null;
    const communityId = req.communityId ?? home?.communityId ?? user.roles.find((r) => r.communityId !== null && r.role !== 'resident')?.communityId ?? null;
    if (communityId === null) throw Errors.unprocessable('COMMUNITY_REQUIRED', '请先绑定住址，或选择议题所在的社区');
    const community = await this.places.communityPlace(communityId);
    if (!community) throw Errors.unprocessable('TOPIC_SCOPE_INVALID', '没有这个社区，请重新选择');
    const role = this.proposerRole(user, communityId);
    if (role === 'resident' && (!home || home.communityId !== communityId)) throw new AppError(403, 'HOUSEHOLD_REQUIRED', '请先绑定本社区的住址，经居委会审核后再提议题');
    const buildingIds = await this.scopeOf(user, role, communityId, req, home);
    if ((req.ticketIds?.length ?? 0) > 0 && role === 'resident') throw Errors.unprocessable('UNKNOWN_TICKET', '居民提议题不能关联报事，请删除关联后再提交');
    const verdict = await this.content.check(user, [{ field: 'description', label: '议题内容', text: `${req.title}\n${req.description}`, scene: 2 }], role === 'resident' ? 'resident' : 'staff');
    const now = this.clock.now();
    const id = await this.db.transaction(async (em) => {
      const households = await em.count(Household, { where: { buildingId: In(buildingIds) } });
      if (households === 0) throw Errors.unprocessable('TOPIC_SCOPE_INVALID', '所选范围内还没有登记的住户，请选择其他楼栋或联系居委会录入台账');
      const tickets = req.ticketIds?.length ? await em.find(Ticket, { where: { id: In([...new Set(req.ticketIds)]) }, select: { id: true, communityId: true } }) : [];
      if (tickets.length !== new Set(req.ticketIds ?? []).size || tickets.some((k) => k.communityId !== communityId)) {
        throw Errors.unprocessable('UNKNOWN_TICKET', '只能关联本社区的报事，请重新选择');
      }
      const resident = role === 'resident';
      const topic = em.create(Topic, {
        communityId,
        districtId: community.districtId,
        scope: req.scope,
        gridId: req.scope === 'grid' ? req.gridId! : null,
        householdsInScope: households,
        title: req.title,
        description: req.description,
        proposerId: user.id,
        proposerRole: role,
        status: resident ? 'seconding' : 'submitted',
        cosigns: resident ? 1 : 0,
        threshold: cosignThreshold(households),
        secondingEndsAt: resident ? new Date(now.getTime() + SECONDING_DAYS * DAY_MS) : null,
        priority: null,
        declineReason: null,
        planVersion: 0,
        noticeStartedAt: null,
        noticeDays: DEFAULT_NOTICE_DAYS,
        voteOpen: false,
        contentHoldId: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      await em.insert(Topic, topic);
      if (req.scope === 'building' || req.scope === 'buildings') await em.insert(TopicScopeBuilding, buildingIds.map((buildingId) => ({ topicId: topic.id, buildingId })));
      if (tickets.length) await em.insert(TopicTicket, tickets.map((k) => ({ topicId: topic.id, ticketId: k.id })));
      if (verdict.held) topic.contentHoldId = await this.hold(em, verdict, user, communityId, now);
      const writes = new TopicWrites(em);
      await writes.event(topic, 'proposed', { id: user.id, role }, null, now);
      if (resident) {
        // The proposer's own household is the first to co-sign.
        await em.insert(TopicCosign, { topicId: topic.id, householdId: home!.householdId, userId: user.id, createdAt: now });
        await this.secondIfReached(em, writes, topic, now);
      } else {
        await writes.notify(topic, [{ kind: 'topic_submitted', recipients: ['committee'], title: '新议题待受理' }], topic.title, now);
      }
      await writes.save(topic, now);
      await this.remember(em, user, key, hash, topic.id, now);
      return topic.id;
    });
    return this.detail(user, id);
  }

  /** The first answer to this key, if there was one; 422 when the key came with another request. */
  private async replay(user: AuthUser, key: string | undefined, hash: string): Promise<TopicDetail | null> {
    if (key === undefined) return null;
    const record = await this.db.manager.findOneBy(TopicIdempotencyRecord, { userId: user.id, key });
    if (!record) return null;
    if (record.requestHash !== hash) throw Errors.unprocessable('IDEMPOTENCY_KEY_REUSED', '这次提交与之前的一次提交内容不同却用了同一个编号（Idempotency-Key），请刷新后重新提交');
    return this.detail(user, record.topicId);
  }

  /** Two copies of one submit raced: the loser rolled back on the unique key, and answers as the winner did. */
  private async replayOnRace(user: AuthUser, key: string | undefined, hash: string, run: () => Promise<TopicDetail>): Promise<TopicDetail> {
    try {
      return await run();
    } catch (e) {
      if (key !== undefined && isUniqueViolation(e)) {
        const replay = await this.replay(user, key, hash);
        if (replay) return replay;
      }
      throw e;
    }
  }

  private async remember(em: EntityManager, user: AuthUser, key: string | undefined, hash: string, topicId: number, now: Date): Promise<void> {
    if (key !== undefined) await em.insert(TopicIdempotencyRecord, { userId: user.id, key, requestHash: hash, topicId, createdAt: now });
  }

  private proposerRole(user: AuthUser, communityId: number): TopicProposerRole {
    if (isCommittee(user, communityId)) return 'committee_member';
    if (user.roles.some((r) => r.role === 'grid_worker' && r.communityId === communityId)) return 'grid_worker';
    return 'resident';
  }

  /** The buildings of the scope asked for, if this proposer may propose it (422 TOPIC_SCOPE_INVALID otherwise). */
  private async scopeOf(user: AuthUser, role: TopicProposerRole, communityId: number, req: CreateTopicRequest, home: { buildingId: number; gridId: number | null } | null): Promise<number[]> {
    const refuse = (message: string) => new AppError(422, 'TOPIC_SCOPE_INVALID', message);
    const em = this.db.manager;
    const all = await em.find(Building, { where: { communityId }, select: { id: true, gridId: true } });
    const myGrids = user.gridIds('grid_worker');
    const allowed = (b: { id: number; gridId: number | null }) =>
      role === 'committee_member' || (role === 'grid_worker' ? b.gridId !== null && myGrids.includes(b.gridId) : b.id === home?.buildingId);
    switch (req.scope) {
      case 'building':
      case 'buildings': {
        const ids = [...new Set(req.buildingIds ?? [])];
        if (ids.length === 0 || (req.scope === 'building' && ids.length !== 1)) throw refuse(req.scope === 'building' ? '请选择一栋楼' : '请选择相关的楼栋');
        const chosen = ids.map((id) => all.find((b) => b.id === id));
        if (chosen.some((b) => !b)) throw refuse('所选楼栋不在本社区，请重新选择');
        // A resident's topic concerns their own building among others; a grid worker's, buildings of their grid.
        if (role === 'resident' ? !ids.includes(home!.buildingId) : !chosen.every((b) => allowed(b!))) throw refuse(role === 'resident' ? '请选择包含您所住楼栋的范围' : '只能为您负责网格内的楼栋提议题，请重新选择');
        return ids;
      }
      case 'grid': {
        const gridId = req.gridId;
        const inGrid = all.filter((b) => b.gridId === gridId);
        if (gridId === undefined || inGrid.length === 0) throw refuse('请选择本社区的网格');
        if (role === 'grid_worker' ? !myGrids.includes(gridId) : role === 'resident' && home!.gridId !== gridId) throw refuse('只能为您所在（或负责）的网格提议题，请重新选择');
        return inGrid.map((b) => b.id);
      }
      case 'community':
        return all.map((b) => b.id);
    }
  }

  private async hold(em: EntityManager, verdict: Verdict, user: AuthUser, communityId: number, now: Date): Promise<number | null> {
    if (!verdict.held) return null;
    await this.content.recordHold(em, verdict, user, { ticketId: null, communityId }, now);
    const row = await em.findOne(ContentHold, { where: { userId: user.id, communityId }, order: { id: 'DESC' }, select: { id: true } });
    return row?.id ?? null;
  }

  /** The co-sign counter (system): at the threshold the topic goes to the committee, in the same transaction. */
  private async secondIfReached(em: EntityManager, writes: TopicWrites, topic: Topic, now: Date): Promise<void> {
    const r = applyTopicTransition(topic, { action: 'second' }, { now, relations: ['system'], threshold: topic.threshold, noticeDays: topic.noticeDays });
    if (!r.ok) return;
    Object.assign(topic, r.changes);
    await writes.event(topic, 'second', { id: null, role: 'system' }, `${topic.cosigns}户联署，达到${topic.threshold}户`, now);
    await writes.notify(topic, r.notices, `${topic.cosigns}户联署，已提交居委会受理`, now);
  }

  // ───── the stages ─────

  /** 联署: once per household (the unique index holds it even when two members press at once). */
  cosign(user: AuthUser, id: number): Promise<TopicDetail> {
    return this.transition(user, id, { action: 'cosign' }, {
      alongside: async (t, em, now) => {
        const [household] = await householdsInScope(em, user, t);
        if (await em.countBy(TopicCosign, { topicId: t.id, householdId: household.householdId })) throw alreadyCosigned();
        try {
          await em.insert(TopicCosign, { topicId: t.id, householdId: household.householdId, userId: user.id, createdAt: now });
        } catch (e) {
          if (isUniqueViolation(e)) throw alreadyCosigned();
          throw e;
        }
      },
      after: async (t, em, writes, now) => this.secondIfReached(em, writes, t, now),
    });
  }

  accept(user: AuthUser, id: number, priority: TopicPriority) {
    return this.transition(user, id, { action: 'accept', priority }, { note: priority === 'urgent' ? '急办' : '一般', noticeBody: '居委会已受理，进入多方恳谈' });
  }

  async decline(user: AuthUser, id: number, reason: string) {
    await this.content.check(user, [{ field: 'reason', label: '不予受理理由', text: reason, scene: 2 }], 'staff');
    return this.transition(user, id, { action: 'decline', reason }, { note: reason, noticeBody: reason });
  }

  withdraw(user: AuthUser, id: number) {
    return this.transition(user, id, { action: 'withdraw' });
  }

  /** 公示方案: every version kept; a revised plan starts the notice period again. */
  async publishPlan(user: AuthUser, id: number, title: string, body: string) {
    await this.content.check(user, [{ field: 'description', label: '方案内容', text: `${title}\n${body}`, scene: 2 }], 'staff');
    return this.transition(user, id, { action: 'publish_plan' }, {
      note: title,
      after: async (t, em, _writes, now) => {
        await em.insert(TopicPlan, { topicId: t.id, version: t.planVersion, title, body, authorId: user.id, publishedAt: now });
      },
      noticeBody: await this.noticeUntil(id, title),
    });
  }

  private async noticeUntil(id: number, title: string): Promise<string> {
    const t = await this.db.manager.findOneBy(Topic, { id });
    const place = t ? await this.places.communityPlace(t.communityId) : null;
    if (!t || !place) return title;
    return `方案“${title}”公示至${formatLocalDateTime(noticeEndsAt(this.clock.now(), t.noticeDays), place.utcOffsetMinutes)}，欢迎提出意见`;
  }

  async recordReview(user: AuthUser, id: number, reviewer: string, opinion: string) {
    await this.content.check(user, [{ field: 'reason', label: '审查意见', text: opinion, scene: 2 }], 'staff');
    return this.transition(user, id, { action: 'record_review' }, {
      note: `${reviewer}：${opinion}`,
      after: async (t, em, _writes, now) => {
        await em.insert(TopicReview, { topicId: t.id, planVersion: t.planVersion, reviewer, opinion, authorId: user.id, createdAt: now });
      },
    });
  }

  /** 办结: only once every task is done; residents in scope are asked to rate. */
  complete(user: AuthUser, id: number) {
    return this.transition(user, id, { action: 'complete' }, {
      noticeBody: '议事结果已落实，请您评价',
      alongside: async (t, em) => {
        const open = await em.createQueryBuilder(TopicTask, 'k').where('k.topicId = :id AND k.doneAt IS NULL', { id: t.id }).getCount();
        if (open > 0) throw new AppError(409, 'TASKS_OPEN', `还有${open}项落实任务未完成，请完成后再办结`);
      },
    });
  }

  /** 评价结果: once per household in scope. */
  async rate(user: AuthUser, id: number, rating: Rating, comment: string | undefined) {
    const verdict = await this.content.check(user, [{ field: 'ratingComment', label: '评价内容', text: comment, scene: 2 }], 'resident');
    return this.transition(user, id, { action: 'rate' }, {
      note: null,
      alongside: async (t, em, now) => {
        const [household] = await householdsInScope(em, user, t);
        if (await em.countBy(TopicRating, { topicId: t.id, householdId: household.householdId })) throw alreadyRated();
        const holdId = await this.hold(em, verdict, user, t.communityId, now);
        try {
          await em.insert(TopicRating, { topicId: t.id, communityId: t.communityId, householdId: household.householdId, userId: user.id, rating, comment: comment ?? null, contentHoldId: holdId, createdAt: now });
        } catch (e) {
          if (isUniqueViolation(e)) throw alreadyRated();
          throw e;
        }
      },
    });
  }

  // ───── beside the stages: comments and tasks ─────

  /** 多方恳谈: residents in scope and the four parties; the committee answers (replyToId). */
  async comment(user: AuthUser, id: number, body: string, replyToId: number | undefined, key?: string): Promise<TopicDetail> {
    const hash = requestHash(`POST /topics/${id}/comments`, { body, replyToId });
    return (await this.replay(user, key, hash)) ?? this.replayOnRace(user, key, hash, () => this.commentOnce(user, id, body, replyToId, key, hash));
  }

  private async commentOnce(user: AuthUser, id: number, body: string, replyToId: number | undefined, key: string | undefined, hash: string): Promise<TopicDetail> {
    const t0 = await this.readable(this.db.manager, user, id);
    const inScope = (await householdsInScope(this.db.manager, user, t0)).length > 0;
    const party = await partyOf(this.db.manager, user, t0, inScope);
    if (party === null) throw Errors.forbidden('只有议题范围内的居民和社区各方可以发表意见，如有问题请联系社区居委会');
    const verdict = await this.content.check(user, [{ field: 'description', label: '意见', text: body, scene: 2 }], party === 'resident' ? 'resident' : 'staff');
    await this.db.transaction(async (em) => {
      const t = await em.findOneByOrFail(Topic, { id });
      if (!COMMENTING_STATUSES.includes(t.status)) throw invalidState(t.status, '发表意见');
      if (replyToId !== undefined && !(await em.countBy(TopicComment, { id: replyToId, topicId: id }))) throw Errors.unprocessable('UNKNOWN_COMMENT', '要回复的意见不在这个议题下，请刷新后重试');
      const now = this.clock.now();
      const contentHoldId = await this.hold(em, verdict, user, t.communityId, now);
      await em.insert(TopicComment, { topicId: id, authorId: user.id, party, body, replyToId: replyToId ?? null, planVersion: t.planVersion > 0 ? t.planVersion : null, contentHoldId, createdAt: now });
      await this.remember(em, user, key, hash, id, now);
    });
    return this.detail(user, id);
  }

  /** 落实: a task with its owner and due local day, while the topic is being implemented. */
  async addTask(user: AuthUser, id: number, title: string, owner: string, dueOn: string): Promise<TopicDetail> {
    await this.content.check(user, [{ field: 'description', label: '任务', text: `${title} ${owner}`, scene: 2 }], 'staff');
    await this.staffStep(user, id, async (t, em, writes, now) => {
      await em.insert(TopicTask, { topicId: t.id, title, owner, dueOn, progress: 0, doneAt: null, createdAt: now, version: 1 });
      await writes.event(t, 'task_added', { id: user.id, role: 'committee_member' }, `${title}（${owner}，${dueOn}前）`, now);
    });
    return this.detail(user, id);
  }

  /** Progress on a task, published on the board; `done` finishes it. */
  async updateTask(user: AuthUser, taskId: number, note: string, progress: number, done: boolean): Promise<TopicDetail> {
    const task = await this.db.manager.findOneBy(TopicTask, { id: taskId });
    if (!task) throw Errors.notFound('落实任务');
    await this.content.check(user, [{ field: 'description', label: '进展说明', text: note, scene: 2 }], 'staff');
    await this.staffStep(user, task.topicId, async (t, em, writes, now) => {
      const k = await em.findOneByOrFail(TopicTask, { id: taskId });
      if (k.doneAt !== null) throw Errors.invalidState('该任务已完成，请刷新查看');
      const value = done ? 100 : progress;
      const r = await em
        .createQueryBuilder()
        .update(TopicTask)
        .set({ progress: value, doneAt: done ? now : null, version: k.version + 1 })
        .where('id = :id AND version = :v', { id: k.id, v: k.version })
        .execute();
      if (r.affected !== 1) throw new VersionConflict();
      await em.insert(TopicTaskUpdate, { taskId: k.id, topicId: t.id, note, progress: value, authorId: user.id, createdAt: now });
      if (done) await writes.event(t, 'task_done', { id: user.id, role: 'committee_member' }, k.title, now);
    });
    return this.detail(user, task.topicId);
  }

  /** A committee step beside the state machine, while the topic is being implemented, under the topic's lock. */
  private async staffStep(user: AuthUser, id: number, work: (t: Topic, em: EntityManager, writes: TopicWrites, now: Date) => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (em) => {
          const t = await this.readable(em, user, id);
          if (!isCommittee(user, t.communityId)) throw Errors.forbidden('只有本社区居委会成员可以安排和更新落实任务');
          if (t.status !== 'implementing') throw invalidState(t.status, '安排落实任务');
          const now = this.clock.now();
          const writes = new TopicWrites(em);
          await work(t, em, writes, now);
          await writes.save(t, now);
        });
      } catch (e) {
        if (e instanceof VersionConflict && attempt < MAX_ATTEMPTS) continue;
        if (e instanceof VersionConflict) throw topicConflict();
        throw e;
      }
    }
  }

  /**
   * Every transition: visibility (404), the rules (403 for the relation, 409 for the stage), then the
   * change, its timeline event and its notices in one transaction, written only if nobody else changed
   * the topic meanwhile (optimistic lock on `version`, retried from the read).
   */
  async transition(
    user: AuthUser,
    id: number,
    command: TopicCommand,
    opts: TransitionOptions & { after?: (t: Topic, em: EntityManager, writes: TopicWrites, now: Date) => Promise<void> } = {},
  ): Promise<TopicDetail> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.transaction(async (em) => {
          const t = await this.readable(em, user, id, true);
          const now = this.clock.now();
          await this.apply(em, t, command, await topicRelations(em, user, t), { id: user.id, role: actorRole(user, t, command.action) }, now, opts);
        });
        return this.detail(user, id);
      } catch (e) {
        if (e instanceof VersionConflict && attempt < MAX_ATTEMPTS) continue;
        if (e instanceof VersionConflict) throw topicConflict();
        throw e;
      }
    }
  }

  /** Applies one command to a topic read in this transaction and writes all it does (also for the system: the sweeper, the vote's close). */
  async apply(
    em: EntityManager,
    t: Topic,
    command: TopicCommand,
    relations: TopicRelation[],
    actor: { id: number | null; role: string },
    now: Date,
    opts: TransitionOptions & { after?: (t: Topic, em: EntityManager, writes: TopicWrites, now: Date) => Promise<void> } = {},
  ): Promise<void> {
    const result = applyTopicTransition(t, command, { now, relations, threshold: t.threshold, noticeDays: t.noticeDays });
    const label = TOPIC_ACTION_LABELS[command.action];
    if (!result.ok) {
      if (result.reason === 'forbidden') throw Errors.forbidden(`您不能对这个议题执行“${label}”，如有问题请联系社区居委会`);
      if (result.reason === 'too_early') {
        const place = await communityOf(em, t.communityId);
        throw new AppError(409, 'NOTICE_NOT_OVER', `方案公示期未满${t.noticeDays}天，请于${formatLocalDateTime(noticeEndsAt(t.noticeStartedAt!, t.noticeDays), place?.utcOffsetMinutes)}后再开始表决`);
      }
      throw invalidState(t.status, label);
    }
    await opts.alongside?.(t, em, now);
    Object.assign(t, result.changes);
    const writes = new TopicWrites(em);
    const note = typeof opts.note === 'function' ? opts.note() : (opts.note ?? null);
    await writes.event(t, command.action as TopicEventType, actor, note, now);
    await opts.after?.(t, em, writes, now);
    await writes.save(t, now);
    await writes.notify(t, result.notices, opts.noticeBody ?? t.title, now);
  }
}

function requestHash(operation: string, body: object): string {
  return createHash('sha256').update(`${operation}\n${JSON.stringify(body)}`).digest('hex');
}

export function invalidState(status: TopicStatus, what: string): AppError {
  return new AppError(409, 'TOPIC_INVALID_STATE', `议题当前处于“${TOPIC_STATUS_LABELS[status]}”阶段，不能${what}，请刷新查看最新进度`);
}

export function topicConflict(): AppError {
  return new AppError(409, 'TOPIC_CONFLICT', '该议题刚被他人更新，请刷新后重试');
}

function alreadyCosigned(): AppError {
  return new AppError(409, 'ALREADY_COSIGNED', '您家已联署过这个议题，无需重复联署，可以分享给邻居一起联署');
}

function alreadyRated(): AppError {
  return new AppError(409, 'TOPIC_ALREADY_RATED', '您家已评价过这个议题，感谢参与，可在详情中查看评价结果');
}

/** The role the actor acted in, for the timeline. */
function actorRole(user: AuthUser, t: Topic, action: TopicAction): string {
  if (action === 'cosign' || action === 'rate') return 'resident';
  if (isCommittee(user, t.communityId)) return 'committee_member';
  return user.id === t.proposerId ? t.proposerRole : 'resident';
}

export { TOPIC_STATUSES, localDate };
