/**
 * 居民表决 at community scale: a vote over 10,000 households opens (the roll written), 3,000 ballots arrive
 * in one minute (an open loop at 50 a second, each timed from when it was due), then the committee closes
 * it (the tally). The floor issues what a ballot must do with mysql2 directly at the same rate, in one
 * transaction: the vote row under a shared lock, the roll row, and the household's ballot written as an
 * upsert; and the tally's floor reads the roll and the ballots and runs the same tallyVote in process.
 */
import mysql from 'mysql2/promise';
import { tallyVote, type BallotChoice } from '@linli/shared';
import { benchSessions, createDatabase, dbUrl, dropDatabase, JWT_SECRET, log, openLoop, openLoopFloor, run, SERVER_DIR, startServer, token } from './lib.js';

export interface VoteBenchResult {
  households: number;
  roll: number;
  ballots: number;
  rate: number;
  openSeconds: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  p50: number;
  p99: number;
  sendLagMs: number;
  floorP50: number;
  floorP99: number;
  floorErrors: number;
  closeSeconds: number;
  tallyFloorSeconds: number;
  turnout: number;
  passed: boolean;
}

const DB = 'linli_bench_vote';
const PER_BUILDING = 100;

export async function runVoteBench(households = 10_000, ballots = 3_000, rate = 50): Promise<VoteBenchResult> {
  await createDatabase(DB);
  await run('node', ['dist/seed/seed-cli.js', '--demo'], { cwd: SERVER_DIR, env: { ...process.env, DATABASE_URL: dbUrl(DB), JWT_SECRET } }, 10 * 60_000);
  const c = await mysql.createConnection({ uri: dbUrl(DB), timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  let committee: number;
  let topicId: number;
  let voters: number[];
  try {
    log(`vote: ${households.toLocaleString('en')} households with a bound owner each in 钢花村`);
    ({ committee, topicId, voters } = await seedCommunity(c, households));
  } finally {
    await c.end();
  }
  await benchSessions(DB, [committee, ...voters.slice(0, ballots)]);
  const server = await startServer(DB);
  try {
    const api = async (method: string, path: string, body?: unknown) => {
      const started = performance.now();
      const res = await fetch(`${server.url}/api${path}`, { method, headers: { authorization: `Bearer ${token(committee)}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = (await res.json()) as Record<string, unknown>;
      if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
      return { seconds: (performance.now() - started) / 1000, body: json };
    };
    log('vote: open (the roll is written)');
    const opened = await api('POST', `/topics/${topicId}/votes`, { rule: 'simple_majority', secret: true, closesAt: new Date(Date.now() + 3_600_000).toISOString() });
    const voteId = opened.body.id as number;
    const roll = (opened.body.roll as { households: number }).households;
    const choice = (i: number): BallotChoice => (i % 10 < 6 ? 'yes' : i % 10 < 9 ? 'no' : 'abstain');
    log(`vote: ${ballots.toLocaleString('en')} ballots at ${rate}/s`);
    const cast = await openLoop({
      url: server.url,
      ratePerSecond: rate,
      maxSeconds: Math.ceil(ballots / rate) + 60,
      requests: voters.slice(0, ballots).map((u, i) => ({ method: 'PUT', path: `/api/votes/${voteId}/ballot`, token: token(u), body: { choice: choice(i) } })),
    });
    const c2 = await mysql.createConnection({ uri: dbUrl(DB), timezone: 'Z' });
    let floorVote: number;
    try {
      await c2.query('UPDATE votes SET closesAt = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [voteId]);
      floorVote = await copyVote(c2, voteId);
    } finally {
      await c2.end();
    }
    log('vote: close (the tally)');
    const closed = await api('POST', `/votes/${voteId}/close`);
    const result = closed.body.result as { passed: boolean; cast: { households: number } };

    log('vote: the floor');
    const flatIds = await householdIds(voters.slice(0, ballots));
    const floor = await openLoopFloor(DB, rate, ballots, async (conn, i) => {
      await conn.beginTransaction();
      try {
        await conn.query("SELECT id FROM votes WHERE id = ? AND status = 'open' LOCK IN SHARE MODE", [floorVote]);
        await conn.query('SELECT id FROM vote_roll WHERE voteId = ? AND householdId = ?', [floorVote, flatIds[i]]);
        await conn.query(
          "INSERT INTO ballots (voteId, householdId, choice, channel, castById, receipt, castAt, revisions) VALUES (?, ?, ?, 'app', ?, ?, UTC_TIMESTAMP(3), 1) ON DUPLICATE KEY UPDATE choice = VALUES(choice), castAt = VALUES(castAt), revisions = revisions + 1",
          [floorVote, flatIds[i], choice(i), voters[i], `F${String(i).padStart(7, '0')}`],
        );
        await conn.commit();
      } catch (e) {
        await conn.rollback();
        throw e;
      }
    });
    const tallyFloorSeconds = await tallyFloor(floorVote);
    return {
      households,
      roll,
      ballots,
      rate,
      openSeconds: opened.seconds,
      statuses: cast.statuses,
      codes: cast.codes,
      p50: cast.p50,
      p99: cast.p99,
      sendLagMs: cast.sendLagMs,
      floorP50: floor.p50,
      floorP99: floor.p99,
      floorErrors: floor.errors,
      closeSeconds: closed.seconds,
      tallyFloorSeconds,
      turnout: result.cast.households,
      passed: result.passed,
    };
  } finally {
    await server.stop();
    await dropDatabase(DB);
  }

  async function householdIds(userIds: number[]): Promise<number[]> {
    const conn = await mysql.createConnection(dbUrl(DB));
    try {
      const [rows] = (await conn.query("SELECT userId, householdId FROM household_bindings WHERE status = 'approved' AND userId IN (?)", [userIds])) as unknown as [{ userId: number; householdId: number }[]];
      const by = new Map(rows.map((r) => [r.userId, r.householdId]));
      return userIds.map((u) => by.get(u)!);
    } finally {
      await conn.end();
    }
  }

  async function tallyFloor(voteId: number): Promise<number> {
    const conn = await mysql.createConnection(dbUrl(DB));
    try {
      const started = performance.now();
      const [roll] = (await conn.query('SELECT householdId, areaHundredths, ownerId FROM vote_roll WHERE voteId = ?', [voteId])) as unknown as [{ householdId: number; areaHundredths: number; ownerId: number | null }[]];
      const [cast] = (await conn.query('SELECT householdId, choice FROM ballots WHERE voteId = ?', [voteId])) as unknown as [{ householdId: number; choice: BallotChoice }[]];
      tallyVote('simple_majority', roll.map((r) => ({ householdId: r.householdId, area: r.areaHundredths / 100, ownerId: r.ownerId })), cast);
      return (performance.now() - started) / 1000;
    } finally {
      await conn.end();
    }
  }
}

/** 100 buildings of 100 flats in 钢花村, each flat with an area and one owner bound to it, and a topic whose plan's notice is over. */
async function seedCommunity(c: mysql.Connection, households: number): Promise<{ committee: number; topicId: number; voters: number[] }> {
  const [[place]] = (await c.query("SELECT c.id AS communityId, c.streetId, c.districtId, (SELECT id FROM grids WHERE communityId = c.id ORDER BY id LIMIT 1) AS gridId, (SELECT userId FROM role_assignments WHERE role = 'committee_member' AND communityId = c.id ORDER BY id LIMIT 1) AS committee FROM communities c WHERE c.name = '钢花村社区'")) as unknown as [
    { communityId: number; streetId: number; districtId: number; gridId: number; committee: number }[],
  ];
  const now = new Date();
  const buildings = Math.ceil(households / PER_BUILDING);
  await c.query('INSERT INTO buildings (communityId, gridId, name, lat, lng) VALUES ?', [Array.from({ length: buildings }, (_, b) => [place.communityId, place.gridId, `表决${b + 1}栋`, 30.642, 114.393])]);
  const [bRows] = (await c.query("SELECT id FROM buildings WHERE name LIKE '表决%' ORDER BY id")) as unknown as [{ id: number }[]];
  const flats = Array.from({ length: households }, (_, h) => [bRows[Math.floor(h / PER_BUILDING)].id, `${Math.floor((h % PER_BUILDING) / 2) + 1}0${(h % 2) + 1}`, '', `${Math.floor((h % PER_BUILDING) / 2) + 1}0${(h % 2) + 1}`, 6000 + (h % 80) * 100 + (h % 100), 1]);
  for (let i = 0; i < flats.length; i += 1000) await c.query('INSERT INTO households (buildingId, label, unit, door, areaHundredths, version) VALUES ?', [flats.slice(i, i + 1000)]);
  const [hRows] = (await c.query('SELECT h.id FROM households h JOIN buildings b ON b.id = h.buildingId WHERE b.name LIKE ? ORDER BY h.id', ['表决%'])) as unknown as [{ id: number }[]];
  const people = Array.from({ length: households }, (_, h) => [`表决业主${h + 1}`, `136${String(h).padStart(8, '0')}`, now]);
  for (let i = 0; i < people.length; i += 1000) await c.query('INSERT INTO users (name, phone, createdAt) VALUES ?', [people.slice(i, i + 1000)]);
  const [uRows] = (await c.query("SELECT id FROM users WHERE name LIKE '表决业主%' ORDER BY id")) as unknown as [{ id: number }[]];
  const voters = uRows.map((u) => u.id);
  for (let i = 0; i < households; i += 1000) {
    const part = voters.slice(i, i + 1000);
    await c.query('INSERT INTO role_assignments (userId, role, districtId, streetId, communityId) VALUES ?', [part.map((u) => [u, 'resident', place.districtId, place.streetId, place.communityId])]);
    await c.query('INSERT INTO household_bindings (userId, householdId, communityId, status, decidedById, decidedAt, createdAt) VALUES ?', [part.map((u, j) => [u, hRows[i + j].id, place.communityId, 'approved', place.committee, now, now])]);
    await c.query('INSERT INTO household_members (householdId, userId, communityId, relation, startedAt, version) VALUES ?', [part.map((u, j) => [hRows[i + j].id, u, place.communityId, 'owner', now, 1])]);
  }
  const [[{ n }]] = (await c.query('SELECT COUNT(*) AS n FROM households h JOIN buildings b ON b.id = h.buildingId WHERE b.communityId = ?', [place.communityId])) as unknown as [{ n: number }[]];
  const topicId = await insertTopicOnNotice(c, { communityId: place.communityId, districtId: place.districtId, committee: place.committee, householdsInScope: Number(n) });
  return { committee: place.committee, topicId, voters };
}

/** A community-wide topic whose plan's seven-day notice ended yesterday: a committee member may open its vote. */
export async function insertTopicOnNotice(c: mysql.Connection, place: { communityId: number; districtId: number; committee: number; householdsInScope: number }): Promise<number> {
  const noticeFrom = new Date(Date.now() - 8 * 86_400_000);
  const [topic] = (await c.query(
    "INSERT INTO topics (communityId, districtId, scope, gridId, householdsInScope, title, description, proposerId, proposerRole, status, cosigns, threshold, planVersion, noticeStartedAt, noticeDays, voteOpen, createdAt, updatedAt, version) VALUES (?, ?, 'community', NULL, ?, '小区公共收益使用方案', '公共收益用于更换全部单元门禁', ?, 'committee_member', 'notice', 0, 3, 1, ?, 7, 0, ?, ?, 1)",
    [place.communityId, place.districtId, place.householdsInScope, place.committee, noticeFrom, noticeFrom, noticeFrom],
  )) as unknown as [{ insertId: number }];
  await c.query('INSERT INTO topic_plans (topicId, version, title, body, authorId, publishedAt) VALUES (?, 1, ?, ?, ?, ?)', [topic.insertId, '公共收益使用方案', '公共收益用于更换全部单元门禁。', place.committee, noticeFrom]);
  return topic.insertId;
}

/** A second vote with the same roll, for the floor's ballots. */
async function copyVote(c: mysql.Connection, voteId: number): Promise<number> {
  const [r] = (await c.query(
    "INSERT INTO votes (topicId, communityId, planVersion, rule, quorumMillionths, secret, status, openedAt, closesAt, rollHouseholds, rollHeads, rollAreaHundredths) SELECT topicId, communityId, planVersion, rule, quorumMillionths, secret, 'open', openedAt, UTC_TIMESTAMP(3) + INTERVAL 1 HOUR, rollHouseholds, rollHeads, rollAreaHundredths FROM votes WHERE id = ?",
    [voteId],
  )) as unknown as [{ insertId: number }];
  await c.query('INSERT INTO vote_roll (voteId, householdId, areaHundredths, ownerId) SELECT ?, householdId, areaHundredths, ownerId FROM vote_roll WHERE voteId = ?', [r.insertId, voteId]);
  return r.insertId;
}
