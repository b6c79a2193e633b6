import { Inject, Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import {
  BALLOT_CHOICE_LABELS,
  tallyVote,
  type BallotChoice,
  type MyBallotView,
  type OpenVoteRequest,
  type VoteDetail,
  type VoteReceipts,
  type VoteRoll,
  type VoteRule,
  type VoteRuleKind,
} from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { isUniqueViolation } from '../database/errors.js';
import { FilesService } from '../files/files.service.js';
import { fileUrl } from '../files/storage.js';
import { HouseholdMember } from '../ledger/entities/household-member.entity.js';
import { Building, Household } from '../places/entities/places.entities.js';
import { photoKeysOf } from '../tickets/ticket-photos.js';
import { User } from '../users/entities/users.entities.js';
import { Ballot, Topic, Vote, VoteRollRow } from './entities/deliberation.entities.js';
import { householdsOf, isCommittee, scopeBuildingIds } from './topic-access.js';
import { receiptCode } from './receipt.js';
import { voteSummaries } from './topic-views.js';
import { TopicsService, topicConflict } from './topics.service.js';
import { VersionConflict } from './topic-writes.js';

const CIVIL_CODE_RULES: readonly VoteRuleKind[] = ['civil_code_ordinary', 'civil_code_major'];
const MAX_VOTE_DAYS = 60;
const DAY_MS = 86_400_000;
export const ROLL_NOTE = '表决名册在表决开始时确定：之后迁入或迁出的住户不改变名册。';

const isCivilCode = (rule: VoteRuleKind) => CIVIL_CODE_RULES.includes(rule);

/**
 * 居民表决: the roll fixed at the opening, one ballot per household (the last counts) until the close,
 * paper ballots and proxies recorded by the committee, and the result by tallyVote at the close.
 * No answer ever names how a household voted in a secret ballot, nor a running result.
 */
@Injectable()
export class VotesService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TopicsService) private readonly topics: TopicsService,
  ) {}

  /** 开始表决: through the topic's rules (notice period over), the roll written in the same transaction. */
  async open(user: AuthUser, topicId: number, req: OpenVoteRequest): Promise<VoteDetail> {
    const now = this.clock.now();
    const closesAt = new Date(req.closesAt);
    if (!(closesAt > now) || closesAt.getTime() > now.getTime() + MAX_VOTE_DAYS * DAY_MS) {
      throw Errors.unprocessable('VOTE_CLOSES_INVALID', `截止时间须晚于现在，且在${MAX_VOTE_DAYS}天之内，请重新选择`);
    }
    if (req.quorum !== undefined && req.rule !== 'simple_majority') throw Errors.validation('只有简单多数规则可以设定参与比例，请删除 quorum');
    let roll: { householdId: number; areaHundredths: number; ownerId: number | null }[] = [];
    await this.topics.transition(user, topicId, { action: 'open_vote' }, {
      note: () => `名册${roll.length}户，${req.secret ? '无记名' : '记名'}表决`,
      alongside: async (t, em) => {
        if (isCivilCode(req.rule) && (t.scope === 'grid' || t.scope === 'community')) {
          throw Errors.unprocessable('VOTE_RULE_SCOPE', '《民法典》业主表决的范围是物业管理区域内的楼栋，不能按网格或全社区表决，请改用其他规则或按楼栋发起议题');
        }
        roll = await this.rollFor(em, t, req.rule);
      },
      after: async (t, em, _writes, at) => {
        const heads = new Set(roll.map((r) => (r.ownerId === null ? `h${r.householdId}` : `o${r.ownerId}`))).size;
        const vote = em.create(Vote, {
          topicId: t.id,
          communityId: t.communityId,
          planVersion: t.planVersion,
          rule: req.rule,
          quorumMillionths: req.quorum === undefined ? null : Math.round(req.quorum * 1_000_000),
          secret: req.secret,
          status: 'open',
          openedAt: at,
          closesAt,
          closedAt: null,
          rollHouseholds: roll.length,
          rollHeads: heads,
          rollAreaHundredths: roll.reduce((s, r) => s + r.areaHundredths, 0),
          tally: null,
          passed: null,
          openedById: user.id,
        });
        await em.save(vote);
        for (let i = 0; i < roll.length; i += 1000) await em.insert(VoteRollRow, roll.slice(i, i + 1000).map((r) => ({ ...r, voteId: vote.id })));
      },
      noticeBody: '表决已开始，请在截止前投票',
    });
    const vote = await this.db.manager.findOneOrFail(Vote, { where: { topicId }, order: { id: 'DESC' } });
    return this.detail(user, vote.id);
  }

  /**
   * The roll: households in scope with a current member (the Civil Code rules: with a current owner, 业主,
   * never a tenant), each with its floor area; units of one owner share the owner's id (one head).
   */
  private async rollFor(em: EntityManager, t: Topic, rule: VoteRuleKind): Promise<{ householdId: number; areaHundredths: number; ownerId: number | null }[]> {
    const buildingIds = await scopeBuildingIds(em, t);
    const households = buildingIds.length ? await em.find(Household, { where: { buildingId: In(buildingIds) }, order: { id: 'ASC' } }) : [];
    const ids = households.map((h) => h.id);
    const members: HouseholdMember[] = [];
    const bound = new Set<number>();
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      members.push(...(await em.find(HouseholdMember, { where: { householdId: In(chunk), endedAt: IsNull() } })));
      for (const b of await em.find(HouseholdBinding, { where: { householdId: In(chunk), status: 'approved' }, select: { householdId: true } })) bound.add(b.householdId);
    }
    const owners = new Map<number, number>();
    for (const m of members) if (m.relation === 'owner') owners.set(m.householdId, Math.min(owners.get(m.householdId) ?? m.userId, m.userId));
    const civil = isCivilCode(rule);
    const onRoll = households.filter((h) => (civil ? owners.has(h.id) : bound.has(h.id) || members.some((m) => m.householdId === h.id)));
    if (onRoll.length === 0) {
      throw new AppError(422, 'VOTE_ROLL_EMPTY', civil ? '范围内的住户在台账中都没有登记业主，请先在台账中录入业主后再开始表决' : '范围内还没有已绑定或登记的住户，请先完善台账后再开始表决');
    }
    if (civil) {
      const missing = onRoll.filter((h) => h.areaHundredths === null || h.areaHundredths <= 0);
      if (missing.length) {
        const names = await em.find(Building, { where: { id: In([...new Set(missing.map((h) => h.buildingId))]) } });
        const label = (h: Household) => `${names.find((b) => b.id === h.buildingId)?.name ?? ''}${h.label}`;
        throw Errors.unprocessable('VOTE_AREA_MISSING', `${missing.length}户没有专有部分面积（${missing.slice(0, 5).map(label).join('、')}${missing.length > 5 ? '等' : ''}），请先在台账中补全面积后再开始表决`);
      }
    }
    return onRoll.map((h) => ({ householdId: h.id, areaHundredths: h.areaHundredths ?? 0, ownerId: owners.get(h.id) ?? null }));
  }

  async detail(user: AuthUser, voteId: number): Promise<VoteDetail> {
    const em = this.db.manager;
    const vote = await this.readableVote(em, user, voteId);
    const [summary] = await voteSummaries(em, [vote]);
    return { ...summary, myBallots: await this.myBallots(em, user, vote), rollNote: ROLL_NOTE };
  }

  private async readableVote(em: EntityManager, user: AuthUser, voteId: number): Promise<Vote> {
    const vote = await em.findOneBy(Vote, { id: voteId });
    if (!vote) throw Errors.notFound('表决');
    await this.topics.readable(em, user, vote.topicId);
    return vote;
  }

  /**
   * The households on the roll the user may vote for: bound or a member; for the Civil Code rules, owned
   * (a current 业主 in the ledger). Two indexed lookups: it is on every ballot's path.
   */
  private async eligible(em: EntityManager, user: AuthUser, vote: Vote): Promise<number[]> {
    const civil = isCivilCode(vote.rule);
    const mine: { householdId: number }[] = civil
      ? await em.query("SELECT householdId FROM household_members WHERE userId = ? AND endedAt IS NULL AND relation = 'owner'", [user.id])
      : await em.query("SELECT householdId FROM household_bindings WHERE userId = ? AND status = 'approved' UNION SELECT householdId FROM household_members WHERE userId = ? AND endedAt IS NULL", [user.id, user.id]);
    if (mine.length === 0) return [];
    const rows = await em.find(VoteRollRow, { where: { voteId: vote.id, householdId: In(mine.map((m) => Number(m.householdId))) }, select: { householdId: true }, order: { householdId: 'ASC' } });
    const ids = rows.map((r) => Number(r.householdId));
    if (ids.length < 2) return ids;
    // The bound household first: a ballot without a household names it.
    const bound = await em.findOne(HouseholdBinding, { where: { userId: user.id, status: 'approved' }, select: { householdId: true } });
    return bound && ids.includes(bound.householdId) ? [bound.householdId, ...ids.filter((i) => i !== bound.householdId)] : ids;
  }

  private async myBallots(em: EntityManager, user: AuthUser, vote: Vote): Promise<MyBallotView[]> {
    const ids = await this.eligible(em, user, vote);
    if (ids.length === 0) return [];
    const [households, ballots] = await Promise.all([em.find(Household, { where: { id: In(ids) } }), em.find(Ballot, { where: { voteId: vote.id, householdId: In(ids) } })]);
    const buildings = new Map((await em.find(Building, { where: { id: In(households.map((h) => h.buildingId)) } })).map((b) => [b.id, b.name]));
    return ids.map((id) => {
      const h = households.find((x) => x.id === id)!;
      const b = ballots.find((x) => x.householdId === id);
      return { householdId: id, household: `${buildings.get(h.buildingId) ?? ''}${h.label}`, choice: b?.choice ?? null, receipt: b?.receipt ?? null, castAt: b?.castAt.toISOString() ?? null, channel: b?.channel ?? null };
    });
  }

  /** Cast or change the household's ballot; two members at once leave one ballot, the later one. */
  async cast(user: AuthUser, voteId: number, choice: BallotChoice, householdId: number | undefined): Promise<MyBallotView> {
    const id = await this.db.transaction(async (em) => {
      const vote = await this.lockedOpenVote(em, user, voteId, 'pessimistic_read');
      const eligible = await this.eligible(em, user, vote);
      const target = householdId ?? eligible[0];
      if (target === undefined || !eligible.includes(target)) {
        if ((await householdsOf(em, user.id)).length === 0) throw new AppError(403, 'HOUSEHOLD_REQUIRED', '请先绑定住址，经居委会审核后再参加表决');
        throw new AppError(422, 'NOT_ON_ROLL', isCivilCode(vote.rule) ? '这户不在本次业主表决名册中（名册只含台账登记的业主），如有疑问请联系社区居委会' : '这户不在本次表决名册中（名册在表决开始时确定），如有疑问请联系社区居委会');
      }
      await this.writeBallot(em, vote, target, { choice, channel: 'app', castById: user.id, proxyName: null, photoKey: null });
      return target;
    });
    return this.ballotView(voteId, id);
  }

  /** One household's ballot as its members see it. */
  private async ballotView(voteId: number, householdId: number): Promise<MyBallotView> {
    const [row] = await this.db.manager
      .createQueryBuilder(Ballot, 'b')
      .innerJoin(Household, 'h', 'h.id = b.householdId')
      .innerJoin(Building, 'g', 'g.id = h.buildingId')
      .select(['b.choice AS choice', 'b.receipt AS receipt', 'b.castAt AS castAt', 'b.channel AS channel', 'h.label AS label', 'g.name AS building'])
      .where('b.voteId = :voteId AND b.householdId = :householdId', { voteId, householdId })
      .getRawMany<{ choice: BallotChoice; receipt: string; castAt: Date | string; channel: MyBallotView['channel']; label: string; building: string }>();
    const castAt = typeof row.castAt === 'string' ? new Date(`${row.castAt.replace(' ', 'T')}Z`) : row.castAt;
    return { householdId, household: `${row.building}${row.label}`, choice: row.choice, receipt: row.receipt, castAt: castAt.toISOString(), channel: row.channel };
  }

  /** 纸质表决票 / 委托书, by a committee member with a photo of the signed paper. */
  async recordPaper(user: AuthUser, voteId: number, req: { householdId: number; choice: BallotChoice; channel: 'paper' | 'proxy'; photoId: number; proxyName?: string }): Promise<VoteDetail> {
    const [photoKey] = await photoKeysOf(this.db.manager, user, [req.photoId]);
    await this.db.transaction(async (em) => {
      const vote = await this.lockedOpenVote(em, user, voteId, 'pessimistic_read');
      if (!isCommittee(user, vote.communityId)) throw Errors.forbidden('只有本社区居委会成员可以录入纸质表决票和委托书');
      if (!(await em.countBy(VoteRollRow, { voteId, householdId: req.householdId }))) throw Errors.unprocessable('NOT_ON_ROLL', '这户不在本次表决名册中，请核对门牌后重新选择');
      if (req.channel === 'proxy' && !req.proxyName) throw Errors.validation('委托投票请填写受托人姓名');
      await this.writeBallot(em, vote, req.householdId, { choice: req.choice, channel: req.channel, castById: user.id, proxyName: req.proxyName ?? null, photoKey });
      await FilesService.attach(em, [req.photoId], this.clock.now());
    });
    return this.detail(user, voteId);
  }

  /** The vote, readable, still open, locked against the close (shared: ballots do not wait for each other). */
  private async lockedOpenVote(em: EntityManager, user: AuthUser, voteId: number, lock: 'pessimistic_read' | 'pessimistic_write'): Promise<Vote> {
    const qb = em.createQueryBuilder(Vote, 'v').where('v.id = :voteId', { voteId });
    if (this.db.isMysql) qb.setLock(lock);
    const vote = await qb.getOne();
    if (!vote) throw Errors.notFound('表决');
    await this.topics.readable(em, user, vote.topicId);
    if (vote.status !== 'open' || this.clock.now() >= vote.closesAt) throw new AppError(409, 'VOTE_CLOSED', '表决已截止，不能再投票或改票，请在公示栏查看结果');
    return vote;
  }

  /**
   * One row per household and vote: the first ballot inserts it with a receipt, every later one rewrites
   * its choice (the receipt stays). One upsert statement: an UPDATE that finds no row would hold a gap lock
   * that the INSERT after it then waits on, and two households doing so at once deadlock.
   */
  private async writeBallot(em: EntityManager, vote: Vote, householdId: number, b: Pick<Ballot, 'choice' | 'channel' | 'castById' | 'proxyName' | 'photoKey'>): Promise<void> {
    const now = this.clock.now();
    const values = [vote.id, householdId, b.choice, b.channel, b.castById, b.proxyName, b.photoKey, receiptCode(), now];
    const insert = 'INSERT INTO ballots (voteId, householdId, choice, channel, castById, proxyName, photoKey, receipt, castAt, revisions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)';
    const set = (v: (c: string) => string) => ['choice', 'channel', 'castById', 'proxyName', 'photoKey', 'castAt'].map((c) => `${c} = ${v(c)}`).join(', ');
    const sql = this.db.isMysql
      ? `${insert} ON DUPLICATE KEY UPDATE ${set((c) => `VALUES(${c})`)}, revisions = revisions + 1`
      : `${insert} ON CONFLICT (voteId, householdId) DO UPDATE SET ${set((c) => `excluded.${c}`)}, revisions = revisions + 1`;
    try {
      await em.query(sql, this.db.isMysql ? values : values.map((x) => (x instanceof Date ? x.toISOString().replace('T', ' ').replace('Z', '') : x)));
    } catch (e) {
      // The one other unique index: a receipt drawn twice in one vote (one chance in 10¹¹ per pair): draw again.
      if (isUniqueViolation(e)) throw topicConflict();
      throw e;
    }
  }

  /** 结束表决 by a committee member: at the closing time, or earlier once every household voted. */
  async close(user: AuthUser, voteId: number): Promise<VoteDetail> {
    await this.closeVote(voteId, user);
    return this.detail(user, voteId);
  }

  /** The close, for a committee member or the system (the sweeper at the closing time). Returns false if it was closed already. */
  async closeVote(voteId: number, user: AuthUser | null): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (em) => {
          const qb = em.createQueryBuilder(Vote, 'v').where('v.id = :voteId', { voteId });
          if (this.db.isMysql) qb.setLock('pessimistic_write');
          const vote = await qb.getOne();
          if (!vote) throw Errors.notFound('表决');
          const topic = user ? await this.topics.readable(em, user, vote.topicId) : await em.findOneByOrFail(Topic, { id: vote.topicId });
          if (user && !isCommittee(user, vote.communityId)) throw Errors.forbidden('只有本社区居委会成员可以结束表决');
          if (vote.status === 'closed') {
            if (user) throw new AppError(409, 'VOTE_CLOSED', '表决已经结束，请刷新查看结果');
            return false;
          }
          const now = this.clock.now();
          const [roll, ballots] = await Promise.all([em.find(VoteRollRow, { where: { voteId } }), em.find(Ballot, { where: { voteId } })]);
          if (now < vote.closesAt && ballots.length < roll.length) {
            if (!user) return false;
            throw new AppError(409, 'VOTE_STILL_OPEN', `表决尚未到截止时间，还有${roll.length - ballots.length}户未投票，请在截止后再结束表决`);
          }
          const rule: VoteRule = vote.rule === 'simple_majority' && vote.quorumMillionths !== null ? { kind: 'simple_majority', quorum: { num: vote.quorumMillionths, den: 1_000_000 } } : vote.rule;
          const tally = tallyVote(
            rule,
            roll.map((r) => ({ householdId: r.householdId, area: r.areaHundredths / 100, ownerId: r.ownerId })),
            ballots.map((b) => ({ householdId: b.householdId, choice: b.choice })),
          );
          await em.update(Vote, { id: voteId }, { status: 'closed', closedAt: now, tally, passed: tally.passed });
          const note = `${tally.passed ? '通过' : '未通过'}：同意${tally.yes.households}户、反对${tally.no.households}户、弃权${tally.abstain.households}户，参与${tally.cast.households}/${tally.roll.households}户${tally.quorumMet ? '' : '（参与未达规定比例）'}`;
          await this.topics.apply(em, topic, { action: 'close_vote', passed: tally.passed }, user ? ['committee'] : ['system'], user ? { id: user.id, role: 'committee_member' } : { id: null, role: 'system' }, now, { note, noticeBody: note });
          return true;
        });
      } catch (e) {
        if (e instanceof VersionConflict && attempt < 3) continue;
        if (e instanceof VersionConflict) throw topicConflict();
        throw e;
      }
    }
  }

  /** Who voted and when, paper ballots marked; how, only for an open ballot once closed. */
  async roll(user: AuthUser, voteId: number): Promise<VoteRoll> {
    const em = this.db.manager;
    const vote = await this.readableVote(em, user, voteId);
    if (!isCommittee(user, vote.communityId)) throw Errors.forbidden('表决名册由本社区居委会查看，如需核对请联系社区居委会');
    const [rows, ballots] = await Promise.all([em.find(VoteRollRow, { where: { voteId }, order: { householdId: 'ASC' } }), em.find(Ballot, { where: { voteId } })]);
    const households = new Map((rows.length ? await em.find(Household, { where: { id: In(rows.map((r) => r.householdId)) } }) : []).map((h) => [h.id, h]));
    const buildings = new Map((households.size ? await em.find(Building, { where: { id: In([...new Set([...households.values()].map((h) => h.buildingId))]) } }) : []).map((b) => [b.id, b.name]));
    const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((x): x is number => x !== null))];
    const owners = new Map((ownerIds.length ? await em.find(User, { where: { id: In(ownerIds) }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]));
    const byHousehold = new Map(ballots.map((b) => [b.householdId, b]));
    const showChoice = !vote.secret && vote.status === 'closed';
    return {
      voteId,
      secret: vote.secret,
      entries: rows.map((r) => {
        const h = households.get(r.householdId);
        const b = byHousehold.get(r.householdId);
        return {
          householdId: r.householdId,
          household: h?.label ?? '',
          building: h ? (buildings.get(h.buildingId) ?? '') : '',
          area: r.areaHundredths / 100,
          owner: r.ownerId === null ? null : (owners.get(r.ownerId) ?? null),
          voted: b !== undefined,
          castAt: b?.castAt.toISOString() ?? null,
          channel: b?.channel ?? null,
          choice: showChoice && b ? b.choice : null,
          // A signed paper shows its choice: a secret ballot's photo is kept for a court, never shown here.
          photoUrl: b?.photoKey && !vote.secret ? fileUrl(b.photoKey) : null,
        };
      }),
    };
  }

  /** After the close: every receipt with the choice counted, in the codes' order (which says nothing of who). */
  async receipts(user: AuthUser, voteId: number): Promise<VoteReceipts> {
    const vote = await this.readableVote(this.db.manager, user, voteId);
    if (vote.status !== 'closed') throw new AppError(409, 'VOTE_STILL_OPEN', '表决结束后才公布回执核对表，请在截止后再查看');
    const ballots = await this.db.manager.find(Ballot, { where: { voteId }, select: { receipt: true, choice: true }, order: { receipt: 'ASC' } });
    return { voteId, receipts: ballots.map((b) => ({ receipt: b.receipt, choice: b.choice })) };
  }
}

export { BALLOT_CHOICE_LABELS };
