import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { localDate, localDayRange, maskPersonalText, type BoardEntry, type DeliberationStats, type Page, type Rating } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { paging } from '../common/paging.js';
import { Db } from '../database/db.js';
import { PlacesService } from '../places/places.service.js';
import { StatsService, resolveDays, type DayRange } from '../stats/stats.service.js';
import { ContentHold } from '../content-security/content-hold.entity.js';
import { Topic, TopicEvent, TopicMeeting, TopicPlan, TopicRating, TopicReview, TopicTask, TopicTaskUpdate, Vote } from './entities/deliberation.entities.js';
import { mayReadCommunity } from './topic-access.js';
import { ratingSummary } from './topic-views.js';

/** The board holds the latest this many entries of each kind; older ones stay on their topic's page. */
const BOARD_DEPTH = 500;

/** 公示栏 and the satisfaction figures: what deliberation contributes to the community's public record and its stats. */
@Injectable()
export class BoardService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PlacesService) private readonly places: PlacesService,
    @Inject(StatsService) private readonly stats: StatsService,
  ) {}

  /** Decisions, minutes, plans on notice, review opinions, implementation progress and declined proposals, newest first, each dated. */
  async board(user: AuthUser, communityId: number, q: { page?: number; pageSize?: number }): Promise<Page<BoardEntry>> {
    const community = await this.places.communityPlace(communityId);
    if (!community || !(await mayReadCommunity(this.db.manager, user, community))) throw Errors.notFound('社区');
    const em = this.db.manager;
    const topics = await em.find(Topic, { where: { communityId }, select: { id: true, title: true, status: true, declineReason: true, contentHoldId: true } });
    // A proposal whose text waits for review is not on the board until it is released (the hold's releasedAt, read each time).
    const holdIds = topics.map((t) => t.contentHoldId).filter((id): id is number => id !== null);
    const stillHeld = new Set(holdIds.length ? (await em.find(ContentHold, { where: { id: In(holdIds) }, select: { id: true, releasedAt: true } })).filter((h) => h.releasedAt === null).map((h) => h.id) : []);
    const shown = topics.filter((t) => t.contentHoldId === null || !stillHeld.has(t.contentHoldId));
    const ids = shown.map((t) => t.id);
    const title = new Map(shown.map((t) => [t.id, t.title]));
    if (ids.length === 0) return { items: [], total: 0, ...paging(q) };
    const newest = { take: BOARD_DEPTH, order: { id: 'DESC' as const } };
    const [votes, plans, reviews, updates, declines, meetings] = await Promise.all([
      em.find(Vote, { where: { topicId: In(ids), status: 'closed' }, ...newest }),
      em.find(TopicPlan, { where: { topicId: In(ids) }, ...newest }),
      em.find(TopicReview, { where: { topicId: In(ids) }, ...newest }),
      em.find(TopicTaskUpdate, { where: { topicId: In(ids) }, ...newest }),
      em.find(TopicEvent, { where: { topicId: In(ids), type: 'decline' }, ...newest }),
      em.createQueryBuilder(TopicMeeting, 'm').where('m.topicId IN (:...ids) AND m.minutesPublishedAt IS NOT NULL', { ids }).orderBy('m.id', 'DESC').take(BOARD_DEPTH).getMany(),
    ]);
    const tasks = new Map((updates.length ? await em.find(TopicTask, { where: { id: In([...new Set(updates.map((u) => u.taskId))]) } }) : []).map((k) => [k.id, k]));
    // `counted`: a body the server wrote from counts (a decision), which the masking rule would read as numbers to hide.
    const entry = (kind: BoardEntry['kind'], topicId: number, heading: string, body: string, at: Date, counted = false): BoardEntry => ({
      kind,
      topicId,
      topicTitle: maskPersonalText(title.get(topicId) ?? ''),
      title: maskPersonalText(heading),
      body: counted ? body : maskPersonalText(body),
      at: at.toISOString(),
    });
    const all: BoardEntry[] = [
      ...votes.map((v) => {
        const t = v.tally!;
        return entry('decision', v.topicId, t.passed ? '表决通过' : '表决未通过', `同意${t.yes.households}户，反对${t.no.households}户，弃权${t.abstain.households}户；参与${t.cast.households}户，名册${t.roll.households}户`, v.closedAt!, true);
      }),
      ...meetings.map((m) => entry('minutes', m.topicId, `会议纪要：${m.title}`, m.minutes ?? '', m.minutesPublishedAt!)),
      ...plans.map((p) => entry('plan', p.topicId, `方案公示（第${p.version}版）：${p.title}`, p.body, p.publishedAt)),
      ...reviews.map((r) => entry('review', r.topicId, `审查意见：${r.reviewer}`, r.opinion, r.createdAt)),
      ...updates.map((u) => entry('progress', u.topicId, `落实进展：${tasks.get(u.taskId)?.title ?? ''}（${u.progress}%）`, u.note, u.createdAt)),
      ...declines.map((e) => entry('declined', e.topicId, '不予受理', e.note ?? '', e.createdAt)),
    ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    const { page, pageSize, skip, take } = paging(q);
    return { items: all.slice(skip, skip + take), total: all.length, page, pageSize };
  }

  /** Satisfaction with deliberation results (ratings given over the local days) beside the tickets' 满意率 over the same days. */
  async satisfaction(user: AuthUser, communityId: number, q: DayRange): Promise<DeliberationStats> {
    const community = await this.places.communityPlace(communityId);
    if (!community) throw Errors.notFound('社区');
    if (!user.overseesCommunity(community)) throw Errors.forbidden('不能查看其他社区的数据，请选择您所在的社区');
    const days = resolveDays(q, localDate(this.clock.now(), community.utcOffsetMinutes));
    const { start, end } = localDayRange(days.from, days.to, community.utcOffsetMinutes);
    const em = this.db.manager;
    const [rows, done, tickets] = await Promise.all([
      em
        .createQueryBuilder(TopicRating, 'r')
        .select('r.rating', 'rating')
        .addSelect('COUNT(*)', 'n')
        .where('r.communityId = :communityId AND r.createdAt >= :start AND r.createdAt < :end', { communityId, start, end })
        .groupBy('r.rating')
        .getRawMany<{ rating: Rating; n: string }>(),
      em
        .createQueryBuilder(TopicEvent, 'e')
        .innerJoin(Topic, 't', 't.id = e.topicId')
        .where("t.communityId = :communityId AND e.type = 'complete' AND e.createdAt >= :start AND e.createdAt < :end", { communityId, start, end })
        .getCount(),
      this.stats.overview(user, communityId, days),
    ]);
    return {
      communityId,
      from: days.from,
      to: days.to,
      topicsDone: done,
      ratings: ratingSummary(rows.map((r) => ({ rating: r.rating, n: Number(r.n) }))),
      ticketSatisfactionRate: tickets.satisfactionRate,
    };
  }
}
