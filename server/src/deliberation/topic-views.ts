import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  OPEN_TOPIC_STATUSES,
  TOPIC_ACTIONS,
  TOPIC_SCOPE_LABELS,
  VOTE_RULE_LABELS,
  checkTopicTransition,
  localDate,
  maskPersonalText,
  noticeEndsAt,
  type Rating,
  type TopicAction,
  type TopicDetail,
  type TopicRatingSummary,
  type TopicScopeView,
  type TopicStatus,
  type TopicSummary,
  type VoteSummary,
  type MeetingView,
} from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { maskName } from '../common/mask.js';
import { ServiceItem } from '../bookings/entities/catalogue.entities.js';
import { ContentHold } from '../content-security/content-hold.entity.js';
import { Building, Grid } from '../places/entities/places.entities.js';
import { PlacesService } from '../places/places.service.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { User } from '../users/entities/users.entities.js';
import {
  Ballot,
  Topic,
  TopicComment,
  TopicCosign,
  TopicEvent,
  TopicPlan,
  TopicRating,
  TopicReview,
  TopicScopeBuilding,
  TopicTask,
  TopicTaskUpdate,
  TopicTicket,
  Vote,
  MeetingRegistration,
  TopicMeeting,
} from './entities/deliberation.entities.js';
import { householdsInScope, isCommittee, partyOf, worksIn } from './topic-access.js';

/** What a held text shows to those who may not read it yet. */
export const HELD_TEXT = '（内容审核中）';

/** Stages in which residents in scope and the four parties may comment (多方恳谈, 公示 and after). */
export const COMMENTING_STATUSES: readonly TopicStatus[] = ['discussion', 'notice', 'voting', 'implementing'];

/** The actions people take from a screen; `second`, `lapse` are the system's. */
const PEOPLE_ACTIONS = TOPIC_ACTIONS.filter((a) => a !== 'second' && a !== 'lapse');

export function ratingSummary(rows: { rating: Rating; n: number }[]): TopicRatingSummary {
  const by = { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 };
  for (const r of rows) by[r.rating] += r.n;
  const rated = by.satisfied + by.basically_satisfied + by.unsatisfied;
  return { ...by, satisfactionRate: rated === 0 ? null : (by.satisfied + by.basically_satisfied) / rated };
}

/** A vote as everyone who may read the topic sees it: the turnout while it runs, never a running result. */
export async function voteSummaries(em: EntityManager, votes: Vote[]): Promise<VoteSummary[]> {
  if (votes.length === 0) return [];
  const turnout = await em
    .createQueryBuilder(Ballot, 'b')
    .innerJoin('vote_roll', 'r', 'r.voteId = b.voteId AND r.householdId = b.householdId')
    .select('b.voteId', 'voteId')
    .addSelect('COUNT(*)', 'n')
    .addSelect('COUNT(DISTINCT COALESCE(r.ownerId, -r.householdId))', 'heads')
    .addSelect('SUM(r.areaHundredths)', 'area')
    .where('b.voteId IN (:...ids)', { ids: votes.map((v) => v.id) })
    .groupBy('b.voteId')
    .getRawMany<{ voteId: number; n: string; heads: string; area: string | null }>();
  const byVote = new Map(turnout.map((t) => [Number(t.voteId), t]));
  return votes.map((v) => {
    const t = byVote.get(v.id);
    const tally = v.tally;
    return {
      id: v.id,
      topicId: v.topicId,
      planVersion: v.planVersion,
      rule: v.rule,
      ruleText: VOTE_RULE_LABELS[v.rule],
      quorum: v.quorumMillionths === null ? null : v.quorumMillionths / 1_000_000,
      secret: v.secret,
      status: v.status,
      openedAt: v.openedAt.toISOString(),
      closesAt: v.closesAt.toISOString(),
      closedAt: v.closedAt?.toISOString() ?? null,
      roll: { households: v.rollHouseholds, heads: v.rollHeads, area: v.rollAreaHundredths / 100 },
      turnout: { households: Number(t?.n ?? 0), heads: Number(t?.heads ?? 0), area: Number(t?.area ?? 0) / 100 },
      result: v.status === 'closed' && tally ? { passed: tally.passed, quorumMet: tally.quorumMet, cast: tally.cast, yes: tally.yes, no: tally.no, abstain: tally.abstain } : null,
    };
  });
}

/** Meetings as the viewer reads them: the committee sees who registered; the rest, counts and their own place. */
export async function meetingViews(em: EntityManager, meetings: TopicMeeting[], viewer: AuthUser, topic: Topic): Promise<MeetingView[]> {
  if (meetings.length === 0) return [];
  const regs = await em.find(MeetingRegistration, { where: { meetingId: In(meetings.map((m) => m.id)) }, order: { joinedAt: 'ASC', id: 'ASC' } });
  const committee = isCommittee(viewer, topic.communityId);
  const staff = worksIn(viewer, topic.communityId);
  const venueIds = [...new Set(meetings.map((m) => m.venueId).filter((v): v is number => v !== null))];
  const venues = new Map((venueIds.length ? await em.find(ServiceItem, { where: { id: In(venueIds) }, select: { id: true, name: true } }) : []).map((v) => [v.id, v.name]));
  const names = committee && regs.length ? new Map((await em.find(User, { where: { id: In([...new Set(regs.map((r) => r.userId))]) }, select: { id: true, name: true } })).map((u) => [u.id, u.name])) : new Map<number, string>();
  return meetings.map((m) => {
    const mine = regs.filter((r) => r.meetingId === m.id);
    const waiting = mine.filter((r) => r.status === 'waiting');
    const own = mine.find((r) => r.userId === viewer.id && r.status !== 'cancelled');
    return {
      id: m.id,
      topicId: m.topicId,
      title: staff ? m.title : maskPersonalText(m.title),
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      place: m.place,
      venue: m.venueId === null ? null : { id: m.venueId, name: venues.get(m.venueId) ?? '' },
      cancelledAt: m.cancelledAt?.toISOString() ?? null,
      cancelReason: m.cancelReason === null ? null : staff ? m.cancelReason : maskPersonalText(m.cancelReason),
      capacity: m.capacity,
      standingMembers: m.standingMembers ? m.standingMembers.split('、') : [],
      registered: mine.filter((r) => r.status === 'registered' || r.status === 'attended' || r.status === 'absent').length,
      waiting: waiting.length,
      myRegistration: own ? { status: own.status, position: own.status === 'waiting' ? waiting.indexOf(own) + 1 : null } : null,
      attendees: committee ? mine.filter((r) => r.status !== 'cancelled').map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? '', status: r.status })) : null,
      attendance: m.attendanceTakenAt ? mine.filter((r) => r.status === 'attended').length : null,
      minutes: m.minutes === null ? null : staff ? m.minutes : maskPersonalText(m.minutes),
      minutesPublishedAt: m.minutesPublishedAt?.toISOString() ?? null,
    };
  });
}

/** Topics as their readers see them: staff read texts as written, residents through the one masking rule. */
@Injectable()
export class TopicViews {
  constructor(@Inject(PlacesService) private readonly places: PlacesService) {}

  async scopes(em: EntityManager, topics: Topic[]): Promise<Map<number, TopicScopeView>> {
    const ids = topics.map((t) => t.id);
    const scopeRows = ids.length ? await em.find(TopicScopeBuilding, { where: { topicId: In(ids) }, order: { id: 'ASC' } }) : [];
    const buildings = new Map((scopeRows.length ? await em.find(Building, { where: { id: In([...new Set(scopeRows.map((r) => r.buildingId))]) } }) : []).map((b) => [b.id, b]));
    const gridIds = [...new Set(topics.map((t) => t.gridId).filter((g): g is number => g !== null))];
    const grids = new Map((gridIds.length ? await em.find(Grid, { where: { id: In(gridIds) }, select: { id: true, name: true } }) : []).map((g) => [g.id, g]));
    return new Map(
      topics.map((t) => {
        const bs = scopeRows.filter((r) => r.topicId === t.id).map((r) => ({ id: r.buildingId, name: buildings.get(r.buildingId)?.name ?? '' }));
        const grid = t.gridId !== null ? { id: t.gridId, name: grids.get(t.gridId)?.name ?? '' } : null;
        const places = bs.length ? bs.map((b) => b.name).join('、') : (grid?.name ?? '');
        return [t.id, { kind: t.scope, label: places ? `${TOPIC_SCOPE_LABELS[t.scope]}：${places}` : TOPIC_SCOPE_LABELS[t.scope], buildings: bs, grid, households: t.householdsInScope }];
      }),
    );
  }

  async summaries(em: EntityManager, topics: Topic[], viewer: AuthUser): Promise<TopicSummary[]> {
    const scopes = await this.scopes(em, topics);
    const held = await this.heldIds(em, topics.map((t) => t.contentHoldId));
    return topics.map((t) => this.summary(t, scopes.get(t.id)!, viewer, held));
  }

  private summary(t: Topic, scope: TopicScopeView, viewer: AuthUser, held: Set<number>): TopicSummary {
    const staff = worksIn(viewer, t.communityId) || viewer.id === t.proposerId;
    const title = !staff && t.contentHoldId !== null && held.has(t.contentHoldId) ? HELD_TEXT : staff ? t.title : maskPersonalText(t.title);
    return {
      id: t.id,
      communityId: t.communityId,
      title,
      status: t.status,
      scope,
      proposerRole: t.proposerRole,
      priority: t.priority,
      cosigns: t.cosigns,
      threshold: t.threshold,
      secondingEndsAt: t.secondingEndsAt?.toISOString() ?? null,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      version: t.version,
    };
  }

  /** Holds not yet released, of these ids. */
  private async heldIds(em: EntityManager, ids: (number | null)[]): Promise<Set<number>> {
    const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
    if (wanted.length === 0) return new Set();
    const rows = await em.find(ContentHold, { where: { id: In(wanted) }, select: { id: true, releasedAt: true } });
    return new Set(rows.filter((r) => r.releasedAt === null).map((r) => r.id));
  }

  async detail(em: EntityManager, t: Topic, viewer: AuthUser, now: Date): Promise<TopicDetail> {
    const committee = isCommittee(viewer, t.communityId);
    const [scopes, links, plans, reviews, comments, tasks, updates, votes, meetings, ratingRows, events, mine, place] = await Promise.all([
      this.scopes(em, [t]),
      em.find(TopicTicket, { where: { topicId: t.id }, order: { id: 'ASC' } }),
      em.find(TopicPlan, { where: { topicId: t.id }, order: { version: 'ASC' } }),
      em.find(TopicReview, { where: { topicId: t.id }, order: { id: 'ASC' } }),
      em.find(TopicComment, { where: { topicId: t.id }, order: { id: 'ASC' } }),
      em.find(TopicTask, { where: { topicId: t.id }, order: { id: 'ASC' } }),
      em.find(TopicTaskUpdate, { where: { topicId: t.id }, order: { id: 'ASC' } }),
      em.find(Vote, { where: { topicId: t.id }, order: { id: 'ASC' } }),
      em.find(TopicMeeting, { where: { topicId: t.id }, order: { id: 'ASC' } }),
      em.createQueryBuilder(TopicRating, 'r').select('r.rating', 'rating').addSelect('COUNT(*)', 'n').where('r.topicId = :id', { id: t.id }).groupBy('r.rating').getRawMany<{ rating: Rating; n: string }>(),
      em.find(TopicEvent, { where: { topicId: t.id }, order: { id: 'ASC' } }),
      householdsInScope(em, viewer, t),
      this.places.communityPlace(t.communityId),
    ]);
    const offset = place?.utcOffsetMinutes;
    const staff = worksIn(viewer, t.communityId) || (place !== null && viewer.overseesCommunity(place));
    const tickets = links.length ? await em.find(Ticket, { where: { id: In(links.map((l) => l.ticketId)) }, select: { id: true, code: true, description: true } }) : [];
    const held = await this.heldIds(em, [t.contentHoldId, ...comments.map((c) => c.contentHoldId)]);
    const userIds = [t.proposerId, ...plans.map((p) => p.authorId), ...comments.map((c) => c.authorId), ...updates.map((u) => u.authorId), ...events.map((e) => e.actorId ?? 0)];
    const people = await em.find(User, { where: { id: In([...new Set(userIds)]) }, select: { id: true, name: true, deletedAt: true } });
    const users = new Map(people.map((u) => [u.id, u.name]));
    // A deleted account's row is emptied and named 已注销用户, shown as it is (masking it would suggest a person).
    const gone = new Set(people.filter((u) => u.deletedAt !== null).map((u) => u.id));
    const residentName = (id: number, resident: boolean) => (resident && !staff && id !== viewer.id && !gone.has(id) ? maskName(users.get(id) ?? '') : (users.get(id) ?? ''));
    const text = (s: string) => (staff ? s : maskPersonalText(s));
    const householdIds = mine.map((h) => h.householdId);
    const [myCosign, myRating] = householdIds.length
      ? await Promise.all([em.countBy(TopicCosign, { topicId: t.id, householdId: In(householdIds) }), em.findOne(TopicRating, { where: { topicId: t.id, householdId: In(householdIds) } })])
      : [0, null];
    const relations = [...(t.proposerId === viewer.id ? (['proposer'] as const) : []), ...(committee ? (['committee'] as const) : []), ...(mine.length ? (['in_scope'] as const) : [])];
    const allowedActions = PEOPLE_ACTIONS.filter((a: TopicAction) => {
      if (!checkTopicTransition(t.status, a, relations).ok) return false;
      if (a === 'cosign') return myCosign === 0;
      if (a === 'rate') return myRating === null;
      if (a === 'open_vote') return t.noticeStartedAt !== null && now >= noticeEndsAt(t.noticeStartedAt, t.noticeDays);
      if (a === 'complete') return tasks.every((k) => k.doneAt !== null);
      return true;
    });
    const party = await partyOf(em, viewer, t, mine.length > 0);
    const today = localDate(now, offset);
    const ratings = ratingSummary(ratingRows.map((r) => ({ rating: r.rating, n: Number(r.n) })));
    const summary = this.summary(t, scopes.get(t.id)!, viewer, held);
    const proposalHeld = t.contentHoldId !== null && held.has(t.contentHoldId) && !staff && viewer.id !== t.proposerId;
    return {
      ...summary,
      description: proposalHeld ? HELD_TEXT : viewer.id === t.proposerId ? t.description : text(t.description),
      proposer: residentName(t.proposerId, t.proposerRole === 'resident'),
      declineReason: t.declineReason,
      noticeDays: t.noticeDays,
      planVersion: t.planVersion,
      noticeStartedAt: t.noticeStartedAt?.toISOString() ?? null,
      tickets: tickets.map((k) => ({ id: k.id, code: k.code, description: text(k.description) })),
      plans: plans.map((p) => ({ version: p.version, title: p.title, body: p.body, publishedAt: p.publishedAt.toISOString(), noticeEndsAt: noticeEndsAt(p.publishedAt, t.noticeDays).toISOString(), author: users.get(p.authorId) ?? '' })),
      reviews: reviews.map((r) => ({ id: r.id, reviewer: r.reviewer, opinion: r.opinion, planVersion: r.planVersion, at: r.createdAt.toISOString() })),
      comments: comments
        .filter((c) => staff || c.authorId === viewer.id || c.contentHoldId === null || !held.has(c.contentHoldId))
        .map((c) => ({
          id: c.id,
          party: c.party,
          author: residentName(c.authorId, c.party === 'resident'),
          body: c.authorId === viewer.id ? c.body : text(c.body),
          replyToId: c.replyToId,
          planVersion: c.planVersion,
          held: c.contentHoldId !== null && held.has(c.contentHoldId),
          createdAt: c.createdAt.toISOString(),
        })),
      tasks: tasks.map((k) => ({
        id: k.id,
        title: k.title,
        owner: k.owner,
        dueOn: k.dueOn,
        progress: k.progress,
        doneAt: k.doneAt?.toISOString() ?? null,
        overdue: k.doneAt === null && k.dueOn < today,
        updates: updates.filter((u) => u.taskId === k.id).map((u) => ({ id: u.id, note: u.note, progress: u.progress, author: users.get(u.authorId) ?? '', at: u.createdAt.toISOString() })),
        version: k.version,
      })),
      votes: await voteSummaries(em, votes),
      meetings: await meetingViews(em, meetings, viewer, t),
      ratings,
      myCosign: myCosign > 0,
      myRating: myRating?.rating ?? null,
      allowedActions,
      canComment: party !== null && COMMENTING_STATUSES.includes(t.status),
      timeline: events.map((e) => ({
        id: e.id,
        type: e.type,
        actor: e.actorId === null ? null : { name: residentName(e.actorId, e.actorRole === 'resident'), role: e.actorRole as never },
        note: e.note === null ? null : text(e.note),
        at: e.createdAt.toISOString(),
      })),
    };
  }
}

export { OPEN_TOPIC_STATUSES };
