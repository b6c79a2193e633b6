/**
 * 导出 at scale: a district officer exports every ticket of the district as CSV and as xlsx
 * through the API, with the server's peak memory; the floor streams the same rows straight
 * from MariaDB (mysql2, one query) into CSV text that is thrown away.
 */
import mysqlCore from 'mysql2';
import mysql from 'mysql2/promise';
import { benchSessions, dbUrl, log, startServer, token } from './lib.js';

export interface ExportResult {
  tickets: number;
  formats: { format: 'csv' | 'xlsx'; seconds: number; bytes: number; rows: number | null }[];
  idleRssMb: number;
  peakRssMb: number;
  floorSeconds: number;
}

export async function runExport(db: string): Promise<ExportResult> {
  const c = await mysql.createConnection(dbUrl(db));
  let officer: number;
  let tickets: number;
  try {
    const [[o]] = (await c.query("SELECT userId FROM role_assignments WHERE role = 'district_officer' ORDER BY id LIMIT 1")) as unknown as [{ userId: number }[]];
    const [[n]] = (await c.query('SELECT COUNT(*) AS n FROM tickets')) as unknown as [{ n: number }[]];
    officer = o.userId;
    tickets = Number(n.n);
  } finally {
    await c.end();
  }
  await benchSessions(db, [officer]);
  const server = await startServer(db);
  const formats: ExportResult['formats'] = [];
  let idleRssMb = 0;
  try {
    idleRssMb = server.memory().rssMb;
    for (const format of ['csv', 'xlsx'] as const) {
      log(`export ${tickets.toLocaleString('en')} tickets as ${format}`);
      const started = performance.now();
      const res = await fetch(`${server.url}/api/exports/tickets.${format}`, { headers: { authorization: `Bearer ${token(officer)}`, 'accept-encoding': 'identity' } });
      if (res.status !== 200) throw new Error(`export ${format}: ${res.status} ${await res.text()}`);
      let bytes = 0;
      let newlines = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        if (format === 'csv') for (const b of chunk) if (b === 10) newlines++;
      }
      // Descriptions may hold line breaks inside quotes; the CSV's count is then an upper bound.
      formats.push({ format, seconds: (performance.now() - started) / 1000, bytes, rows: format === 'csv' ? newlines - 1 : null });
    }
    const peakRssMb = server.memory().peakMb;
    return { tickets, formats, idleRssMb, peakRssMb, floorSeconds: await floor(db) };
  } finally {
    await server.stop();
  }
}

/** The same rows as one streamed query, written as CSV text and dropped. */
async function floor(db: string): Promise<number> {
  const c = mysqlCore.createConnection(dbUrl(db));
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const rows = c
      .query(
        `SELECT t.code, t.status, t.description, t.createdAt, t.respondDueAt, t.resolveDueAt, t.resolvedAt, t.rating, t.ratingComment, c.name AS community, k.name AS category, g.name AS grid, h.name AS handler, u.phone
         FROM tickets t JOIN communities c ON c.id = t.communityId JOIN categories k ON k.id = t.categoryId LEFT JOIN grids g ON g.id = t.gridId
         LEFT JOIN users h ON h.id = t.handlerId JOIN users u ON u.id = t.reporterId ORDER BY t.id DESC`,
      )
      .stream();
    let text = 0;
    rows.on('data', (r: Record<string, unknown>) => {
      text += Object.values(r).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ''))).join(',').length;
    });
    rows.on('end', () => resolve(void text));
    rows.on('error', reject);
  });
  const seconds = (performance.now() - started) / 1000;
  c.end();
  return seconds;
}
