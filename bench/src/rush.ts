/**
 * 预约's 08:00 rush: 1,000 residents ask for the 20 places of a popular slot within one second (an
 * open-loop load: the requests leave on time whatever the server does). Reported: the answers' p50 and
 * p99, how many got a place, and the overbooking (places given beyond the capacity, and any mismatch
 * between the slot's count and its rows), which must be 0. The floor does the same capacity check with
 * mysql2 and nothing else: in one transaction `UPDATE … SET taken = taken + 1 WHERE id = ? AND taken <
 * capacity`, then the booking's INSERT when a place was taken.
 *
 * Its own database (`linli_bench_rush`, the Futian scale seed with 1,000 tickets), dropped afterwards: the
 * Futian seed's 50,000 residents are about 530 per community, so the popular slot is a district-wide one
 * (open to every resident, `eligibility` empty) of the community with the most residents, and its 1,000
 * askers come from the whole district, one per household.
 */
import mysql from 'mysql2/promise';
import { benchSessions, dbUrl, dropDatabase, log, openLoop, openLoopFloor, seedDatabase, startServer, token } from './lib.js';

export interface RushResult {
  residents: number;
  capacity: number;
  api: { p50: number; p99: number; max: number; booked: number; full: number; other: Record<string, number>; sendLagMs: number };
  /** Rows holding a place beyond the capacity, plus |slot's count − rows| (must be 0). */
  overbooked: number;
  floor: { p50: number; p99: number; max: number; booked: number; overbooked: number };
}

const RESIDENTS = 1_000;
const CAPACITY = 20;
const PLACE_HOLDING = "('booked', 'offered', 'attended', 'no_show')";

/** The community with the most bound residents, its committee member, and 1,000 residents of the district (one per household). */
async function crowd(c: mysql.Connection): Promise<{ communityId: number; committeeId: number; residents: number[] }> {
  const q = async <T>(sql: string, values: unknown[] = []) => (await c.query(sql, values))[0] as T[];
  const [top] = await q<{ communityId: number }>(
    "SELECT b.communityId FROM household_bindings b WHERE b.status = 'approved' GROUP BY b.communityId ORDER BY COUNT(*) DESC, b.communityId LIMIT 1",
  );
  const residents = await q<{ userId: number }>(
    `SELECT MIN(b.userId) AS userId FROM household_bindings b WHERE b.status = 'approved' GROUP BY b.householdId ORDER BY b.householdId LIMIT ${RESIDENTS}`,
  );
  const [member] = await q<{ userId: number }>("SELECT userId FROM role_assignments WHERE role = 'committee_member' AND communityId = ? ORDER BY id LIMIT 1", [top.communityId]);
  if (residents.length < RESIDENTS) throw new Error(`rush: only ${residents.length} households with a bound resident`);
  return { communityId: top.communityId, committeeId: member.userId, residents: residents.map((r) => r.userId) };
}

/** The rush on a database of its own, seeded for it and dropped after. */
export async function runRushOnItsOwn(): Promise<RushResult & { seedSeconds: number }> {
  const db = 'linli_bench_rush';
  log('rush: seeding its own database (Futian scale, 1,000 tickets)…');
  const seedSeconds = await seedDatabase(db, 1_000);
  try {
    return { ...(await runRush(db)), seedSeconds };
  } finally {
    await dropDatabase(db);
  }
}

export async function runRush(db: string): Promise<RushResult> {
  const c = await mysql.createConnection({ uri: dbUrl(db), timezone: 'Z' });
  let people: Awaited<ReturnType<typeof crowd>>;
  let itemId: number;
  try {
    people = await crowd(c);
    // A popular 书法班 of the community's own office, open to every resident of the district, one place per household.
    const [item] = (await c.query(
      `INSERT INTO service_items (communityId, family, name, organisationId, place, description, documents, duration, eligibility, advanceDays, cancelCutoffMinutes, perPersonLimit, perHouseholdLimit, active, createdAt, updatedAt)
       VALUES (?, 'culture', '压测书法班', NULL, '社区活动室', '', '[]', NULL, '[]', 7, 60, 1, 1, 1, NOW(3), NOW(3))`,
      [people.communityId],
    )) as unknown as [mysql.ResultSetHeader];
    itemId = item.insertId;
  } finally {
    await c.end();
  }
  await benchSessions(db, [people.committeeId, ...people.residents]);
  const server = await startServer(db, { RATE_LIMIT_BOOKINGS_PER_MINUTE: '1000000' });
  try {
    // Tomorrow, an hour long: inside the booking window, far from its cut-off.
    const startsAt = new Date(Date.now() + 86_400_000);
    const endsAt = new Date(startsAt.getTime() + 3_600_000);
    const made = await fetch(`${server.url}/api/services/${itemId}/slots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token(people.committeeId)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity: CAPACITY }),
    });
    if (made.status !== 201 && made.status !== 200) throw new Error(`rush: adding the slot answered ${made.status} ${await made.text()}`);
    const slot = (await made.json()) as { id: number };
    // Warm the routes the rush takes with a slot of its own, then give its place back.
    const warm = await fetch(`${server.url}/api/services/${itemId}/slots`, { headers: { authorization: `Bearer ${token(people.residents[0])}` } });
    if (warm.status !== 200) throw new Error(`rush: listing slots answered ${warm.status}`);

    log(`rush: ${RESIDENTS} residents for ${CAPACITY} places within 1 s`);
    const requests = people.residents.map((id) => ({ method: 'POST' as const, path: '/api/bookings', token: token(id), body: { slotId: slot.id } }));
    const r = await openLoop({ url: server.url, requests, ratePerSecond: RESIDENTS, idempotencyKeys: true, maxSeconds: 60 });
    const booked = (r.statuses['201'] ?? 0) + (r.statuses['200'] ?? 0);
    const full = r.codes.SLOT_FULL ?? 0;
    const other = Object.fromEntries(Object.entries(r.codes).filter(([code]) => code !== 'SLOT_FULL'));
    if (r.statuses['0']) other.unanswered = r.statuses['0'];

    const check = await mysql.createConnection({ uri: dbUrl(db), timezone: 'Z' });
    let overbooked: number;
    try {
      const [[counts]] = (await check.query(
        `SELECT s.capacity, s.taken, (SELECT COUNT(*) FROM bookings b WHERE b.slotId = s.id AND b.status IN ${PLACE_HOLDING}) AS n FROM service_slots s WHERE s.id = ?`,
        [slot.id],
      )) as unknown as [{ capacity: number; taken: number; n: number }[]];
      overbooked = Math.max(0, Number(counts.n) - Number(counts.capacity)) + Math.abs(Number(counts.taken) - Number(counts.n));
    } finally {
      await check.end();
    }
    const fl = await rushFloor(db);
    return { residents: RESIDENTS, capacity: CAPACITY, api: { p50: r.p50, p99: r.p99, max: r.max, booked, full, other, sendLagMs: r.sendLagMs }, overbooked, floor: fl };
  } finally {
    await server.stop();
  }
}

/** The capacity check alone, through mysql2, under the same open-loop rush. */
async function rushFloor(db: string): Promise<RushResult['floor']> {
  const c = await mysql.createConnection(dbUrl(db));
  let slotId: number;
  try {
    await c.query('DROP TABLE IF EXISTS floor_bookings');
    await c.query('DROP TABLE IF EXISTS floor_slots');
    await c.query('CREATE TABLE floor_slots (id int AUTO_INCREMENT PRIMARY KEY, capacity int NOT NULL, taken int NOT NULL DEFAULT 0) ENGINE=InnoDB');
    await c.query(
      'CREATE TABLE floor_bookings (id int AUTO_INCREMENT PRIMARY KEY, slotId int NOT NULL, userId int NOT NULL, status varchar(16) NOT NULL, createdAt datetime(3) NOT NULL, UNIQUE KEY (slotId, userId)) ENGINE=InnoDB',
    );
    const [slot] = (await c.query('INSERT INTO floor_slots (capacity) VALUES (?)', [CAPACITY])) as unknown as [mysql.ResultSetHeader];
    slotId = slot.insertId;
  } finally {
    await c.end();
  }
  let booked = 0;
  const r = await openLoopFloor(db, RESIDENTS, RESIDENTS, async (conn, i) => {
    await conn.beginTransaction();
    try {
      const [u] = (await conn.query('UPDATE floor_slots SET taken = taken + 1 WHERE id = ? AND taken < capacity', [slotId])) as unknown as [mysql.ResultSetHeader];
      if (u.affectedRows === 1) {
        await conn.query("INSERT INTO floor_bookings (slotId, userId, status, createdAt) VALUES (?, ?, 'booked', NOW(3))", [slotId, i + 1]);
        booked += 1;
      }
      await conn.commit();
    } catch (e) {
      await conn.rollback();
      throw e;
    }
  });
  const check = await mysql.createConnection(dbUrl(db));
  try {
    const [[n]] = (await check.query('SELECT (SELECT COUNT(*) FROM floor_bookings) AS n, (SELECT taken FROM floor_slots WHERE id = ?) AS taken', [slotId])) as unknown as [{ n: number; taken: number }[]];
    await check.query('DROP TABLE floor_bookings');
    await check.query('DROP TABLE floor_slots');
    return { p50: r.p50, p99: r.p99, max: r.max, booked, overbooked: Math.max(0, Number(n.n) - CAPACITY) + Math.abs(Number(n.taken) - Number(n.n)) };
  } finally {
    await check.end();
  }
}
