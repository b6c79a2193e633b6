/**
 * 台账导入 at scale: a committee member imports a ledger of 10,000 households (about 22,500 people) as a CSV:
 * the dry run, the confirm, and the same file again, with the server's peak memory. The floor reads the same
 * file's lines and writes the same rows once into MariaDB (multi-row INSERTs of 1,000, one transaction):
 * what storing the ledger costs without matching, planning or checking anything.
 */
import mysql from 'mysql2/promise';
import { benchSessions, createDatabase, dbUrl, dropDatabase, JWT_SECRET, log, run, SERVER_DIR, startServer, token } from './lib.js';

export interface LedgerResult {
  households: number;
  rows: number;
  bytes: number;
  dryRunSeconds: number;
  confirmSeconds: number;
  againSeconds: number;
  added: number;
  againUnchanged: number;
  idleRssMb: number;
  peakRssMb: number;
  floorSeconds: number;
}

const DB = 'linli_bench_ledger';
const HEADER = '楼栋,单元,门牌,专有部分面积,姓名,手机号,身份,出生年份,特殊人群';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '建国秀英桂兰志强丽华明德淑珍晓雨海燕文军红梅国庆玉兰';

/** 100 buildings of 100 flats; every flat an owner with a phone and a family member without, every fourth a tenant. */
export function ledgerCsv(households: number): { text: string; rows: number } {
  const lines = [HEADER];
  const name = (i: number) => SURNAMES[i % SURNAMES.length] + GIVEN.slice((i * 2) % (GIVEN.length - 1), ((i * 2) % (GIVEN.length - 1)) + 2) + String.fromCharCode(0x4e00 + (i % 2000));
  for (let h = 0; h < households; h++) {
    const building = `台账${Math.floor(h / 100) + 1}栋`;
    const unit = String(Math.floor((h % 100) / 25) + 1);
    const door = `${Math.floor((h % 25) / 2) + 1}0${(h % 2) + 1}`;
    const area = `${60 + (h % 80)}.${String(h % 100).padStart(2, '0')}`;
    const care = h % 37 === 0 ? '独居老人' : h % 53 === 0 ? '低保、残疾人' : '';
    lines.push(`${building},${unit},${door},${area},${name(3 * h)},139${String(h).padStart(8, '0')},业主,${1940 + (h % 60)},${care}`);
    lines.push(`${building},${unit},${door},,${name(3 * h + 1)},,家属,${1970 + (h % 50)},`);
    if (h % 4 === 0) lines.push(`${building},${unit},${door},,${name(3 * h + 2)},137${String(h).padStart(8, '0')},租户,,`);
  }
  return { text: '\uFEFF' + lines.join('\r\n') + '\r\n', rows: lines.length - 1 };
}

export async function runLedgerImport(households = 10_000): Promise<LedgerResult> {
  await createDatabase(DB);
  await run('node', ['dist/seed/seed-cli.js', '--demo'], { cwd: SERVER_DIR, env: { ...process.env, DATABASE_URL: dbUrl(DB), JWT_SECRET } }, 10 * 60_000);
  const c = await mysql.createConnection(dbUrl(DB));
  let committee: number;
  try {
    const [[r]] = (await c.query("SELECT userId FROM role_assignments WHERE role = 'committee_member' AND communityId = 1 ORDER BY id LIMIT 1")) as unknown as [{ userId: number }[]];
    committee = r.userId;
  } finally {
    await c.end();
  }
  await benchSessions(DB, [committee]);
  const { text, rows } = ledgerCsv(households);
  const bytes = Buffer.from(text, 'utf8');
  const server = await startServer(DB);
  try {
    const idleRssMb = server.memory().rssMb;
    const send = async (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([bytes]), 'ledger.csv');
      const started = performance.now();
      const res = await fetch(`${server.url}/api/ledger/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token(committee)}` } });
      const body = (await res.json()) as { added: number; unchanged: number; planHash: string; rejected: unknown[] };
      if (res.status !== 200) throw new Error(`ledger import: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return { seconds: (performance.now() - started) / 1000, body };
    };
    log(`ledger: dry run of ${households.toLocaleString('en')} households, ${rows.toLocaleString('en')} rows`);
    const dry = await send({ communityId: '1', dryRun: 'true' });
    if (dry.body.rejected.length) throw new Error(`ledger: ${dry.body.rejected.length} rows rejected`);
    log('ledger: confirm');
    const confirmed = await send({ communityId: '1', dryRun: 'false', planHash: dry.body.planHash });
    log('ledger: the same file again');
    const again = await send({ communityId: '1', dryRun: 'true' });
    const peakRssMb = server.memory().peakMb;
    return {
      households,
      rows,
      bytes: bytes.length,
      dryRunSeconds: dry.seconds,
      confirmSeconds: confirmed.seconds,
      againSeconds: again.seconds,
      added: confirmed.body.added,
      againUnchanged: again.body.unchanged,
      idleRssMb,
      peakRssMb,
      floorSeconds: await floor(text),
    };
  } finally {
    await server.stop();
    await dropDatabase(DB);
  }
}

/** The file's rows split and written once, as they are, into one table of the same database. */
async function floor(text: string): Promise<number> {
  const c = await mysql.createConnection(dbUrl(DB));
  try {
    await c.query(
      'CREATE TABLE floor_ledger (id int AUTO_INCREMENT PRIMARY KEY, building varchar(64), unit varchar(32), door varchar(32), area varchar(16), name varchar(64), phone varchar(20), relation varchar(16), birthYear varchar(8), care varchar(200)) ENGINE=InnoDB',
    );
    const started = performance.now();
    const rows = text.slice(1).split('\r\n').slice(1).filter(Boolean).map((l) => l.split(','));
    await c.beginTransaction();
    for (let i = 0; i < rows.length; i += 1000) {
      await c.query('INSERT INTO floor_ledger (building, unit, door, area, name, phone, relation, birthYear, care) VALUES ?', [rows.slice(i, i + 1000)]);
    }
    await c.commit();
    return (performance.now() - started) / 1000;
  } finally {
    await c.end();
  }
}
