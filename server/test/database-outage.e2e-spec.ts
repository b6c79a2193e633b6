import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Db } from '../src/database/db.js';
import { seedDemoIfEmpty } from '../src/seed/demo-seed.js';
import { Api, createTestDatabase, startApp, type TestApp } from './support/test-app.js';

/**
 * A TCP hop between the API and MariaDB that the test can take away: `cut` closes every connection
 * and refuses new ones (as a database that went down), `restore` listens again on the same port.
 */
class DatabaseLink {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async restore(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

/** The database goes away under a running API: every request answers 503 DB_UNAVAILABLE (never 500), and the API recovers by itself. */
describe('while the database is unreachable', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let link: DatabaseLink;
  let app: TestApp;
  let api: Api;

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    const seeding = await startApp(db.env);
    await seedDemoIfEmpty(seeding.ds, seeding.clock.now());
    await seeding.close();
    const url = new URL(db.env.DATABASE_URL);
    link = new DatabaseLink({ host: url.hostname, port: Number(url.port || 3306) });
    await link.restore();
    url.host = `127.0.0.1:${link.port}`;
    app = await startApp({ ...db.env, DATABASE_URL: url.toString() });
    api = new Api(app.url);
    await api.loadUsers();
    await api.token('王秀英');
  });
  afterAll(async () => {
    await app?.close();
    await link?.cut();
    await db?.drop();
  });

  it('answers 503 DB_UNAVAILABLE with Retry-After, saves nothing, and serves again once the database is back', async () => {
    const report = { categoryId: 1, description: '断网时报的事：楼道灯不亮', buildingId: 1 };
    expect((await api.as('王秀英', 'GET', '/tickets?scope=mine')).status).toBe(200);
    const before = Number((await app.ds.query('SELECT COUNT(*) AS n FROM tickets'))[0].n);

    await link.cut();
    const list = await api.as('王秀英', 'GET', '/tickets?scope=mine');
    expect(list).toMatchObject({ status: 503, body: { code: 'DB_UNAVAILABLE' } });
    const raw = await fetch(`${app.url}/tickets?scope=mine`, { headers: { authorization: `Bearer ${await api.token('王秀英')}` } });
    expect(raw.headers.get('retry-after')).toBe('5');
    expect((await api.request('GET', '/health')).body.code).toBe('DB_UNAVAILABLE');
    const refused = await api.as('王秀英', 'POST', '/tickets', report, { 'Idempotency-Key': 'outage-report-1' });
    expect(refused).toMatchObject({ status: 503, body: { code: 'DB_UNAVAILABLE' } });

    await link.restore();
    // The pool drops its broken connections and opens new ones: no restart of the process.
    let health = await api.request('GET', '/health');
    for (let i = 0; i < 50 && health.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      health = await api.request('GET', '/health');
    }
    expect(health).toEqual({ status: 200, body: { status: 'ok' } });
    // The phone resends with the same key: one ticket, the only one since the outage began.
    const sent = await api.as('王秀英', 'POST', '/tickets', report, { 'Idempotency-Key': 'outage-report-1' });
    expect(sent.status).toBe(201);
    const again = await api.as('王秀英', 'POST', '/tickets', report, { 'Idempotency-Key': 'outage-report-1' });
    expect(again.body.id).toBe(sent.body.id);
    expect(Number((await app.ds.query('SELECT COUNT(*) AS n FROM tickets'))[0].n)).toBe(before + 1);
  });
});

/** Two transactions taking the same two rows in opposite orders: InnoDB rolls one back, and Db runs it again. */
describe('a deadlock victim', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    app = await startApp(db.env);
    await seedDemoIfEmpty(app.ds, app.clock.now());
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('is run again from the start instead of failing', async () => {
    const tx = app.app.get(Db);
    let firstLocks = 0;
    let release: () => void = () => undefined;
    const bothHoldOne = new Promise<void>((r) => (release = r));
    const runs = { a: 0, b: 0 };
    const take = (name: 'a' | 'b', first: number, second: number) =>
      tx.transaction(async (em) => {
        runs[name] += 1;
        await em.query('UPDATE communities SET name = name WHERE id = ?', [first]);
        if (++firstLocks === 2) release();
        await bothHoldOne;
        await em.query('UPDATE communities SET name = name WHERE id = ?', [second]);
        return name;
      });
    expect(await Promise.all([take('a', 1, 2), take('b', 2, 1)])).toEqual(['a', 'b']);
    // One of them was the victim: three runs in all, the victim's second one after the other committed.
    expect(runs.a + runs.b).toBe(3);
  });
});
