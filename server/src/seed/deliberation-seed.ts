import type { EntityManager } from 'typeorm';
import { householdLabel, localDate, tallyVote, type BallotChoice, type Rating, type TopicEventType } from '@linli/shared';
import { HouseholdBinding } from '../bindings/entities/household-binding.entity.js';
import { HouseholdMember } from '../ledger/entities/household-member.entity.js';
import { Building, Household, type Grid } from '../places/entities/places.entities.js';
import { RoleAssignment, User } from '../users/entities/users.entities.js';
import { Ballot, Topic, TopicComment, TopicCosign, TopicEvent, TopicPlan, TopicRating, TopicScopeBuilding, TopicTask, TopicTaskUpdate, TopicTicket, Vote, VoteRollRow } from '../deliberation/entities/deliberation.entities.js';
import { receiptCode } from '../deliberation/receipt.js';

/**
 * The 24 owners of 钢花村11栋, one flat each, in the order of their flats (1单元101, 1单元102, … 2单元602):
 * every one a dev login, so that a vote can be played end to end.
 */
export const DELIBERATION_OWNERS = [
  '曹建华', '邓淑芬', '冯志强', '龚秀兰', '韩伟', '蒋丽', '康国庆', '廖春梅',
  '孟凡军', '聂小燕', '潘德胜', '秦玉珍', '任家豪', '宋美玲', '唐振东', '田翠花',
  '汪海涛', '魏红霞', '夏立新', '姚桂英', '叶永平', '于秀珍', '袁卫东', '钟玉兰',
] as const;

/** 专有部分面积 in hundredths of m² by door: x01 and x02 of 1单元, then of 2单元. */
const AREAS = { '1单元': { '01': 8950, '02': 12030 }, '2单元': { '01': 7520, '02': 9860 } } as const;

/**
 * A deliberation-ready building in 钢花村 (committee 何志刚, grid worker 郑芳): 24 flats over two units and
 * six floors, each with its floor area in the ledger and a bound owner (业主) who can log in.
 * Total area: 6 × (89.50 + 120.30 + 75.20 + 98.60) = 2301.60 m².
 */
export async function seedDeliberationBuilding(em: EntityManager, ctx: { now: Date; grid: Grid; committeeId: number; districtId: number; streetId: number }): Promise<{ building: Building; households: Household[]; owners: User[] }> {
  const { now, grid } = ctx;
  const building = await em.save(em.create(Building, { communityId: grid.communityId, gridId: grid.id, name: '钢花村11栋', lat: 30.6425, lng: grid.minLng + 0.003 }));
  const flats: { unit: '1单元' | '2单元'; door: string; area: number }[] = [];
  for (const unit of ['1单元', '2单元'] as const) {
    for (let floor = 1; floor <= 6; floor++) for (const d of ['01', '02'] as const) flats.push({ unit, door: `${floor}${d}`, area: AREAS[unit][d] });
  }
  const households = await em.save(flats.map((f) => em.create(Household, { buildingId: building.id, label: householdLabel(f.unit, f.door), unit: f.unit, door: f.door, areaHundredths: f.area })));
  const owners: User[] = [];
  for (const [i, name] of DELIBERATION_OWNERS.entries()) {
    const user = await em.save(em.create(User, { name, phone: `1390001${String(i + 1).padStart(4, '0')}`, openid: null, createdAt: now }));
    owners.push(user);
    await em.insert(RoleAssignment, { userId: user.id, role: 'resident', districtId: ctx.districtId, streetId: ctx.streetId, communityId: grid.communityId, gridId: null, organisationId: null });
    await em.insert(HouseholdBinding, { userId: user.id, householdId: households[i].id, communityId: grid.communityId, status: 'approved', decidedById: ctx.committeeId, decidedAt: now, reason: null, endedAt: null, endedById: null, createdAt: now });
    await em.insert(HouseholdMember, { householdId: households[i].id, userId: user.id, communityId: grid.communityId, relation: 'owner', startedAt: now, endedAt: null, endedById: null, endReason: null, version: 1 });
  }
  // 业委会: an owner of the building elected to the owners' committee, one of the four parties.
  await em.insert(RoleAssignment, { userId: owners[20].id, role: 'owners_committee', districtId: ctx.districtId, streetId: ctx.streetId, communityId: grid.communityId, gridId: null, organisationId: null });
  return { building, households, owners };
}

const DAY = 86_400_000;

/**
 * Topics of 钢花村11栋 in every stage, so that the 议事 tab, the board and the committee's pages have
 * something true to show: written as the workflow would have left them (timeline, plans, a vote with its
 * roll and ballots, tasks, ratings). `households` and `owners` in flat order; `ticketIds`: two of 钢花村's tickets.
 */
export async function seedDeliberationTopics(
  em: EntityManager,
  ctx: { now: Date; communityId: number; districtId: number; buildingId: number; households: Household[]; owners: User[]; committeeId: number; gridWorkerId: number; ticketIds: number[] },
): Promise<void> {
  const { now, owners, households } = ctx;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const event = (topicId: number, type: TopicEventType, daysAgo: number, actorId: number | null, actorRole: string, note: string | null = null) =>
    em.insert(TopicEvent, { topicId, type, actorId, actorRole, note, createdAt: at(daysAgo) });
  const topic = async (t: Partial<Topic> & { title: string; description: string; proposerId: number; proposerRole: Topic['proposerRole']; status: Topic['status']; createdDaysAgo: number }) => {
    const { createdDaysAgo, ...rest } = t;
    const row = em.create(Topic, {
      communityId: ctx.communityId,
      districtId: ctx.districtId,
      scope: 'building',
      gridId: null,
      householdsInScope: households.length,
      cosigns: 0,
      threshold: 3,
      secondingEndsAt: null,
      priority: null,
      declineReason: null,
      planVersion: 0,
      noticeStartedAt: null,
      noticeDays: 7,
      voteOpen: false,
      contentHoldId: null,
      createdAt: at(createdDaysAgo),
      updatedAt: now,
      version: 1,
      ...rest,
    });
    await em.save(row);
    await em.insert(TopicScopeBuilding, { topicId: row.id, buildingId: ctx.buildingId });
    await event(row.id, 'proposed', createdDaysAgo, t.proposerId, t.proposerRole);
    return row;
  };
  const cosign = async (t: Topic, indexes: number[], daysAgo: number) => {
    for (const i of indexes) {
      await em.insert(TopicCosign, { topicId: t.id, householdId: households[i].id, userId: owners[i].id, createdAt: at(daysAgo) });
      if (i !== 0 || t.proposerId !== owners[0].id) await event(t.id, 'cosign', daysAgo, owners[i].id, 'resident');
    }
  };
  const accepted = async (title: string, description: string, status: Topic['status'], createdDaysAgo: number, extra: Partial<Topic> = {}) => {
    const t = await topic({ title, description, proposerId: ctx.gridWorkerId, proposerRole: 'grid_worker', status, createdDaysAgo, priority: 'normal', ...extra });
    await event(t.id, 'accept', createdDaysAgo - 1, ctx.committeeId, 'committee_member', '一般');
    await em.insert(TopicComment, { topicId: t.id, authorId: owners[4].id, party: 'resident', body: '支持，希望尽快落实', replyToId: null, planVersion: null, contentHoldId: null, createdAt: at(createdDaysAgo - 2) });
    return t;
  };
  const plan = async (t: Topic, title: string, body: string, daysAgo: number) => {
    await em.insert(TopicPlan, { topicId: t.id, version: 1, title, body, authorId: ctx.committeeId, publishedAt: at(daysAgo) });
    await event(t.id, 'publish_plan', daysAgo, ctx.committeeId, 'committee_member', title);
  };
  const vote = async (t: Topic, openedDaysAgo: number, closesInDays: number, choices: BallotChoice[], closed: boolean) => {
    const areas = households.reduce((s, h) => s + (h.areaHundredths ?? 0), 0);
    const v = em.create(Vote, {
      topicId: t.id, communityId: ctx.communityId, planVersion: 1, rule: 'simple_majority', quorumMillionths: null, secret: true, status: 'open',
      openedAt: at(openedDaysAgo), closesAt: new Date(now.getTime() + closesInDays * DAY), closedAt: null,
      rollHouseholds: households.length, rollHeads: households.length, rollAreaHundredths: areas, tally: null, passed: null, openedById: ctx.committeeId,
    });
    await em.save(v);
    await em.insert(VoteRollRow, households.map((h, i) => ({ voteId: v.id, householdId: h.id, areaHundredths: h.areaHundredths ?? 0, ownerId: owners[i].id })));
    await em.insert(Ballot, choices.map((choice, i) => ({ voteId: v.id, householdId: households[i].id, choice, channel: 'app' as const, castById: owners[i].id, proxyName: null, photoKey: null, receipt: receiptCode(), castAt: at(openedDaysAgo - 0.5), revisions: 1 })));
    await event(t.id, 'open_vote', openedDaysAgo, ctx.committeeId, 'committee_member', `名册${households.length}户，无记名表决`);
    if (!closed) return;
    const tally = tallyVote('simple_majority', households.map((h, i) => ({ householdId: h.id, area: (h.areaHundredths ?? 0) / 100, ownerId: owners[i].id })), choices.map((choice, i) => ({ householdId: households[i].id, choice })));
    const closedAt = at(openedDaysAgo - 3);
    await em.update(Vote, { id: v.id }, { status: 'closed', closedAt, closesAt: closedAt, tally, passed: tally.passed });
    await event(t.id, 'close_vote', openedDaysAgo - 3, ctx.committeeId, 'committee_member', `${tally.passed ? '通过' : '未通过'}：同意${tally.yes.households}户、反对${tally.no.households}户、弃权${tally.abstain.households}户，参与${tally.cast.households}/${tally.roll.households}户`);
  };
  // 16 yes, 3 no, 1 abstain of 24: 20 voted (≥ 12), yes 16 of 20 (> 10): passed.
  const passing: BallotChoice[] = [...Array(16).fill('yes'), 'no', 'no', 'no', 'abstain'];

  const seconding = await topic({ title: '楼道加装感应灯', description: '楼道晚上太暗，老人上下楼看不清台阶，建议每层加装感应灯', proposerId: owners[9].id, proposerRole: 'resident', status: 'seconding', createdDaysAgo: 4, cosigns: 2, secondingEndsAt: new Date(now.getTime() + 10 * DAY) });
  await cosign(seconding, [9, 10], 4);

  const lapsed = await topic({ title: '楼顶安装太阳能热水器', description: '建议在楼顶统一安装公共太阳能热水器，节省电费', proposerId: owners[11].id, proposerRole: 'resident', status: 'lapsed', createdDaysAgo: 40, cosigns: 1, secondingEndsAt: at(26) });
  await cosign(lapsed, [11], 40);
  await event(lapsed.id, 'lapse', 26, null, 'system', '联署1户，未达3户');

  const submitted = await topic({ title: '垃圾桶满溢反复报事', description: '11栋门口垃圾桶多次被反映满溢，需要增加清运频次或增设垃圾桶', proposerId: ctx.gridWorkerId, proposerRole: 'grid_worker', status: 'submitted', createdDaysAgo: 2 });
  await em.insert(TopicTicket, ctx.ticketIds.map((ticketId) => ({ topicId: submitted.id, ticketId })));

  const declined = await topic({ title: '小区门口设置减速带', description: '小区门口车速太快，建议设置减速带', proposerId: owners[12].id, proposerRole: 'resident', status: 'declined', createdDaysAgo: 30, cosigns: 3, declineReason: '门口道路属市政道路，已转交交管部门处理' });
  await cosign(declined, [12, 13, 14], 30);
  await event(declined.id, 'second', 29, null, 'system', '3户联署，达到3户');
  await event(declined.id, 'decline', 28, ctx.committeeId, 'committee_member', '门口道路属市政道路，已转交交管部门处理');

  await accepted('自行车棚改造', '自行车棚顶棚破损漏雨，电动车充电不安全，建议改造并加装充电桩', 'discussion', 6, { priority: 'urgent' });

  const notice = await accepted('绿化带改造为休闲区', '楼前绿化带长期荒废，建议改造成带座椅的休闲区', 'notice', 12, { planVersion: 1, noticeStartedAt: at(2) });
  await plan(notice, '绿化带休闲区方案', '保留现有树木，铺设步道，增设六张座椅，费用由公共收益支出。', 2);

  const voting = await accepted('单元门禁更换', '单元门禁经常失灵，建议更换刷卡门禁', 'voting', 20, { planVersion: 1, noticeStartedAt: at(10), voteOpen: true });
  await plan(voting, '更换刷卡门禁方案', '两个单元各更换一套刷卡门禁，保留机械钥匙开门方式。', 10);
  await vote(voting, 2, 5, ['yes', 'yes', 'no', 'yes', 'abstain', 'yes', 'yes', 'yes', 'yes', 'yes'], false);

  const implementing = await accepted('楼道粉刷', '楼道墙面发黑脱落，建议整体粉刷', 'implementing', 35, { planVersion: 1, noticeStartedAt: at(25) });
  await plan(implementing, '楼道粉刷方案', '两个单元楼道整体粉刷，施工期间每天18点后不施工。', 25);
  await vote(implementing, 17, 0, passing, true);
  const [paint] = await em.save([em.create(TopicTask, { topicId: implementing.id, title: '楼道粉刷施工', owner: '青和物业服务有限公司', dueOn: localDate(new Date(now.getTime() + 10 * DAY)), progress: 40, doneAt: null, createdAt: at(13), version: 2 })]);
  await event(implementing.id, 'task_added', 13, ctx.committeeId, 'committee_member', '楼道粉刷施工（青和物业服务有限公司）');
  await em.insert(TopicTaskUpdate, { taskId: paint.id, topicId: implementing.id, note: '1单元已粉刷完毕，2单元下周开工', progress: 40, authorId: ctx.committeeId, createdAt: at(3) });

  const done = await accepted('楼下增设晾衣架', '楼下空地没有晾晒的地方，建议增设公共晾衣架', 'done', 60, { planVersion: 1, noticeStartedAt: at(50) });
  await plan(done, '公共晾衣架方案', '在楼南侧空地增设四组不锈钢晾衣架。', 50);
  await vote(done, 42, 0, passing, true);
  const [racks] = await em.save([em.create(TopicTask, { topicId: done.id, title: '采购安装晾衣架', owner: '青和物业服务有限公司', dueOn: localDate(at(25)), progress: 100, doneAt: at(28), createdAt: at(38), version: 2 })]);
  await em.insert(TopicTaskUpdate, { taskId: racks.id, topicId: done.id, note: '四组晾衣架已安装完毕', progress: 100, authorId: ctx.committeeId, createdAt: at(28) });
  await event(done.id, 'task_done', 28, ctx.committeeId, 'committee_member', '采购安装晾衣架');
  await event(done.id, 'complete', 27, ctx.committeeId, 'committee_member');
  const ratings: Rating[] = ['satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'];
  await em.insert(TopicRating, ratings.map((rating, i) => ({ topicId: done.id, communityId: ctx.communityId, householdId: households[i].id, userId: owners[i].id, rating, comment: null, contentHoldId: null, createdAt: at(26 - i) })));

  const withdrawn = await topic({ title: '楼顶平台开放晾晒', description: '建议开放楼顶平台供居民晾晒被子', proposerId: owners[15].id, proposerRole: 'resident', status: 'withdrawn', createdDaysAgo: 15, cosigns: 1, secondingEndsAt: at(1) });
  await cosign(withdrawn, [15], 15);
  await event(withdrawn.id, 'withdraw', 14, owners[15].id, 'resident');
}
