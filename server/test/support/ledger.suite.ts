import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { LEDGER_COLUMNS, PRIVACY_POLICY_VERSION } from '@linli/shared';
import { startSeededAppWithWechat, type Dialect, type Reply } from './test-app.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEMO = fs.readFileSync(path.resolve(here, '../../src/seed/demo-ledger.csv'));
const HEADER = LEDGER_COLUMNS.join(',');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A CSV as rows of cells (quotes undone), after its byte-order mark. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(','));
}

async function workbook(rows: (string | number | null)[][], shape?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('台账');
  rows.forEach((r) => sheet.addRow(r));
  shape?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function readSheet(bytes: Buffer): Promise<(string | number | null)[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((r) => rows.push(Array.from({ length: LEDGER_COLUMNS.length }, (_, i) => (r.getCell(i + 1).value as string | number | null) ?? null)));
  return rows;
}

const rect = (name: string, x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Feature',
  properties: { name },
  geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
});
const collection = (...features: unknown[]) => Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));

/**
 * 台账 over HTTP. Demo district: 青和居社区 (id 1) with 青和居1–6栋, each with 1单元101, 1单元201, 2单元301,
 * 2单元502; 黄丽华 its committee, 赵敏 the worker of 青和居第一网格 (1栋, 2栋), 吴磊 of 第三网格 (5栋, 6栋);
 * 何志刚 the committee of 钢花村社区. The demo ledger file (server/src/seed/demo-ledger.csv, docs/ledger.md) has
 * 13 rows, row 10 (孙桂芝) with a 10-digit phone.
 */
export function ledgerSuite(dialect: Dialect): void {
  describe(`台账 on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof startSeededAppWithWechat>>;
    beforeAll(async () => {
      ctx = await startSeededAppWithWechat(dialect);
    });
    afterAll(async () => {
      await ctx?.close();
    });

    const FIX = JSON.stringify({ 10: { 手机号: '13907001006' } });
    const send = (who: string, bytes: Buffer, filename: string, fields: Record<string, string>, pathname = '/ledger/import'): Promise<Reply> => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([new Uint8Array(bytes)]), filename);
      return ctx.api.form(who, pathname, form);
    };
    const dryRun = (bytes: Buffer, filename = 'ledger.csv', extra: Record<string, string> = {}, who = '黄丽华') => send(who, bytes, filename, { communityId: '1', dryRun: 'true', ...extra });
    const confirm = (bytes: Buffer, planHash: string, extra: Record<string, string> = {}, filename = 'ledger.csv') =>
      send('黄丽华', bytes, filename, { communityId: '1', dryRun: 'false', planHash, ...extra });
    const count = async (table: string) => Number((await ctx.ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    // The demo seed's own ledger is 钢花村's (预约's residents); the file is 青和居's.
    const QHJ_MEMBERS = 'household_members WHERE communityId = 1';
    const audit = async (action: string) => (await ctx.api.as('黄丽华', 'GET', `/audit?communityId=1&action=${action}`)).body.items as { actor: { name: string }; targetType: string; targetIds: number[]; details: Record<string, unknown> }[];
    const householdId = async (building: string, label: string) => {
      const r = await ctx.api.as('黄丽华', 'GET', `/ledger/households?communityId=1&q=${encodeURIComponent(label)}&pageSize=100`);
      return (r.body.items as { id: number; building: string; label: string }[]).find((h) => h.building === building && h.label === label)!.id;
    };

    it('a dry run reports every row it would add and the one it rejects, and writes nothing', async () => {
      const r = await dryRun(DEMO);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ dryRun: true, totalRows: 13, added: 12, changed: 0, unchanged: 0, missing: [], ended: 0 });
      expect(r.body.planHash).toMatch(/^[0-9a-f]{16}$/);
      expect(r.body.rows[0]).toEqual({ row: 2, action: 'add', household: '青和居1栋1单元101', newHousehold: false, newBuilding: false, name: '王秀英', phone: '138****0001', relation: 'owner', changes: [] });
      expect(r.body.rows.map((x: { name: string }) => x.name)).toEqual(['王秀英', '赵德海', '刘德明', '陈淑珍', '刘晓雨', '张建华', '张建华', '吴小兰', '孙立国', '李建国', '马红梅', '马小军']);
      // The seed's buildings have 1单元101, 1单元201, 2单元301 and 2单元502: a 3单元601 is a flat the ledger did not have.
      const fresh = r.body.rows.filter((x: { newHousehold: boolean }) => x.newHousehold).map((x: { household: string }) => x.household);
      expect(fresh).toContain('青和居3栋3单元601');
      expect(fresh).not.toContain('青和居1栋1单元101');
      expect(r.body.rejected).toEqual([
        {
          row: 10,
          reason: 'phone_invalid',
          message: '手机号应为11位数字，以13–19开头，或留空',
          column: '手机号',
          cells: { 楼栋: '青和居2栋', 单元: '1', 门牌: '201', 专有部分面积: '91.40', 姓名: '孙桂芝', 手机号: '1390700106', 身份: '业主', 出生年份: '1938', 特殊人群: '空巢老人、残疾人' },
        },
      ]);
      expect(await count(QHJ_MEMBERS)).toBe(0);
      expect(await audit('import')).toEqual([]);
    });

    let plan: string;
    it('a confirm needs the plan the committee saw: a stale planHash is 409 and writes nothing', async () => {
      const fixed = await dryRun(DEMO, 'ledger.csv', { fixes: FIX });
      expect(fixed.body).toMatchObject({ added: 13, rejected: [] });
      plan = fixed.body.planHash;
      const stale = await confirm(DEMO, (await dryRun(DEMO)).body.planHash, { fixes: FIX });
      expect(stale).toMatchObject({ status: 409, body: { code: 'LEDGER_CHANGED' } });
      expect(await count(QHJ_MEMBERS)).toBe(0);
    });

    it('two confirms of one file at once write it once: the second finds nothing left to add', async () => {
      const users = await count('users');
      const [a, b] = await Promise.all([confirm(DEMO, plan, { fixes: FIX }), confirm(DEMO, plan, { fixes: FIX })]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect([a.body.added, b.body.added].sort()).toEqual([0, 13]);
      expect(await count(QHJ_MEMBERS)).toBe(13);
      // 王秀英 and 李建国 were in the seed: ten new people, each with an approved binding and a resident role.
      expect(await count('users')).toBe(users + 10);
      const entries = await audit('import');
      expect(entries.length).toBeGreaterThanOrEqual(1);
      expect(entries.at(-1)).toMatchObject({ actor: { name: '黄丽华' }, targetType: 'ledger', details: { rows: 13, added: 13, changed: 0, rejected: 0, ended: 0 } });
    });

    it('the same file again changes nothing', async () => {
      const r = await dryRun(DEMO, 'ledger.csv', { fixes: FIX });
      expect(r.body).toMatchObject({ added: 0, changed: 0, unchanged: 13, rows: [], rejected: [], missing: [] });
    });

    let liu: { id: number; token: string };
    it('a resident the ledger names claims the record by phone and is already at home', async () => {
      const login = await ctx.api.request('POST', '/auth/wechat-login', { body: { code: 'liu', consentVersion: PRIVACY_POLICY_VERSION } });
      expect(login.status).toBe(200);
      const r = await ctx.api.request('POST', '/me/phone', { body: { code: 'phone-13900009001' }, headers: { authorization: `Bearer ${login.body.token}` } });
      expect(r.status).toBe(200);
      expect(r.body.me).toMatchObject({ name: '刘德明', phone: '13900009001', phoneVerified: true, household: { label: '青和居1栋2单元301', bindingStatus: 'approved' } });
      expect(r.body.login.user.id).toBe(r.body.me.id);
      liu = { id: r.body.me.id, token: r.body.login.token };
    });

    it('a household reads with its people, birth years and flags; the reading is logged', async () => {
      const id = await householdId('青和居2栋', '1单元201');
      const r = await ctx.api.as('黄丽华', 'GET', `/ledger/households/${id}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ building: '青和居2栋', unit: '1单元', door: '201', label: '1单元201', areaHundredths: 9140, version: 2 });
      expect(r.body.members.map((m: { name: string; phone: string; relation: string; birthYear: number; specialCare: string[]; claimed: boolean }) => [m.name, m.phone, m.relation, m.birthYear, m.specialCare, m.claimed])).toEqual([
        ['孙桂芝', '139****1006', 'owner', 1938, ['empty_nest_elderly', 'disabled'], false],
        ['孙立国', '139****1007', 'family', 1935, ['empty_nest_elderly'], false],
      ]);
      expect((await audit('special_care_list'))[0]).toMatchObject({ actor: { name: '黄丽华' }, targetType: 'household', targetIds: [id] });
    });

    it('the special-care list: the committee and the grid worker read it (logged); a resident cannot', async () => {
      const r = await ctx.api.as('黄丽华', 'GET', '/ledger/special-care?communityId=1');
      expect(r.status).toBe(200);
      expect(r.body.map((e: { name: string; household: string; specialCare: string[] }) => [e.name, e.household, e.specialCare])).toEqual([
        ['赵德海', '青和居1栋1单元201', ['living_alone_elderly']],
        ['孙桂芝', '青和居2栋1单元201', ['empty_nest_elderly', 'disabled']],
        ['孙立国', '青和居2栋1单元201', ['empty_nest_elderly']],
        ['马红梅', '青和居3栋3单元601', ['minimum_living']],
      ]);
      const poor = await ctx.api.as('黄丽华', 'GET', '/ledger/special-care?communityId=1&flag=minimum_living');
      expect(poor.body.map((e: { name: string }) => e.name)).toEqual(['马红梅']);
      // 赵敏's grid holds 1栋 and 2栋; 马红梅 lives in 3栋, which is not hers.
      const worker = await ctx.api.as('赵敏', 'GET', '/ledger/special-care?communityId=1');
      expect(worker.body.map((e: { name: string }) => e.name)).toEqual(['赵德海', '孙桂芝', '孙立国']);
      expect((await ctx.api.as('王秀英', 'GET', '/ledger/special-care?communityId=1')).status).toBe(403);
      expect((await ctx.api.as('何志刚', 'GET', '/ledger/special-care?communityId=1')).status).toBe(404);
      const logged = await audit('special_care_list');
      expect(logged.slice(0, 3).map((e) => [e.actor.name, e.targetType, e.details.people])).toEqual([
        ['赵敏', 'special_care', 3],
        ['黄丽华', 'special_care', 1],
        ['黄丽华', 'special_care', 4],
      ]);
    });

    it('households list by community, building and search; a grid worker sees their grid only', async () => {
      const all = await ctx.api.as('黄丽华', 'GET', '/ledger/households?communityId=1&pageSize=100');
      expect(all.body.total).toBe(25); // 6 buildings × 4 flats + 青和居3栋3单元601
      const found = await ctx.api.as('黄丽华', 'GET', `/ledger/households?communityId=1&q=${encodeURIComponent('张建华')}`);
      expect(found.body.items.map((h: { building: string; label: string; members: number; owners: number }) => [h.building, h.label, h.members, h.owners])).toEqual([
        ['青和居1栋', '2单元502', 1, 1],
        ['青和居2栋', '1单元101', 2, 1],
      ]);
      const worker = await ctx.api.as('赵敏', 'GET', '/ledger/households?communityId=1&pageSize=100');
      expect(worker.body.total).toBe(8);
      const elsewhere = await householdId('青和居3栋', '3单元601');
      expect((await ctx.api.as('赵敏', 'GET', `/ledger/households/${elsewhere}`)).status).toBe(404);
      expect((await ctx.api.as('吴磊', 'GET', `/ledger/households/${elsewhere}`)).status).toBe(404);
      expect((await ctx.api.as('何志刚', 'GET', '/ledger/households?communityId=1')).status).toBe(404);
      expect((await ctx.api.as('王秀英', 'GET', '/ledger/households?communityId=1')).status).toBe(403);
      // A grid worker reads, never writes.
      const mine = await householdId('青和居1栋', '2单元301');
      expect((await ctx.api.as('赵敏', 'PUT', `/ledger/households/${mine}`, { areaHundredths: 10000, version: 2 })).status).toBe(403);
    });

    it('corrections carry the version they were based on, and each is logged', async () => {
      const id = await householdId('青和居1栋', '2单元301');
      const before = (await ctx.api.as('黄丽华', 'GET', `/ledger/households/${id}`)).body;
      expect(before).toMatchObject({ areaHundredths: 10235, version: 2 });
      const area = await ctx.api.as('黄丽华', 'PUT', `/ledger/households/${id}`, { areaHundredths: 10250, version: 2 });
      expect(area.body).toMatchObject({ areaHundredths: 10250, version: 3 });
      expect(await ctx.api.as('黄丽华', 'PUT', `/ledger/households/${id}`, { areaHundredths: 10300, version: 2 })).toMatchObject({ status: 409, body: { code: 'LEDGER_CONFLICT' } });

      const child = before.members.find((m: { name: string }) => m.name === '刘晓雨');
      const edited = await ctx.api.as('黄丽华', 'PUT', `/ledger/members/${child.memberId}`, { name: '刘晓雨', relation: 'family', birthYear: 2013, specialCare: [], version: child.version });
      expect(edited.body.members.find((m: { name: string }) => m.name === '刘晓雨')).toMatchObject({ birthYear: 2013, version: child.version + 1 });
      expect((await ctx.api.as('黄丽华', 'PUT', `/ledger/members/${child.memberId}`, { name: '刘晓雨', relation: 'family', version: child.version })).body.code).toBe('LEDGER_CONFLICT');

      const added = await ctx.api.as('黄丽华', 'POST', `/ledger/households/${id}/members`, { name: '刘奶奶', phone: '13907001010', relation: 'family', birthYear: 1940, specialCare: ['living_alone_elderly'] });
      expect(added.status).toBe(200);
      expect(added.body.members.map((m: { name: string }) => m.name)).toEqual(['刘德明', '陈淑珍', '刘晓雨', '刘奶奶']);
      const grandma = added.body.members[3];
      const ended = await ctx.api.as('黄丽华', 'POST', `/ledger/members/${grandma.memberId}/end`, { reason: '搬去养老院' });
      expect(ended.body.members.map((m: { name: string }) => m.name)).toEqual(['刘德明', '陈淑珍', '刘晓雨']);
      expect((await audit('edit')).slice(0, 4).map((e) => [e.targetType, e.details.fields])).toEqual([
        ['member', ['ended']],
        ['member', ['added']],
        ['member', ['birthYear']],
        ['household', ['area']],
      ]);
    });

    it('a changed file changes only what changed; people it no longer names are missing until confirmed gone', async () => {
      const text = DEMO.toString('utf8')
        .replace('孙桂芝,1390700106', '孙桂芝,13907001006')
        .replace('赵德海,13907001002,业主,1941', '赵德海,13907001002,业主,1942')
        .replace('青和居3栋,3,601,,马小军,13907001009,家属,1972,\r\n', '')
        .replace('102.35', '102.50') // as corrected above
        .replace('刘晓雨,,家属,2012', '刘晓雨,,家属,2013');
      const bytes = Buffer.from(text, 'utf8');
      const r = await dryRun(bytes);
      expect(r.body).toMatchObject({ added: 0, changed: 1, unchanged: 11, rejected: [] });
      expect(r.body.rows).toEqual([{ row: 3, action: 'change', household: '青和居1栋1单元201', newHousehold: false, newBuilding: false, name: '赵德海', phone: '139****1002', relation: 'owner', changes: ['birthYear'] }]);
      expect(r.body.missing).toEqual([{ memberId: expect.any(Number), household: '青和居3栋3单元601', name: '马小军', relation: 'family' }]);
      const done = await confirm(bytes, r.body.planHash, { endMemberIds: String(r.body.missing[0].memberId) });
      expect(done.body).toMatchObject({ dryRun: false, changed: 1, ended: 1 });
      const home = await ctx.api.as('黄丽华', 'GET', `/ledger/households/${await householdId('青和居3栋', '3单元601')}`);
      expect(home.body.members.map((m: { name: string }) => m.name)).toEqual(['马红梅']);
      expect((await dryRun(bytes)).body).toMatchObject({ added: 0, changed: 0, unchanged: 12, missing: [] });
    });

    it('exports the ledger in the import columns: phones masked unless asked, logged, and a whole-phone export imports unchanged', async () => {
      const masked = await ctx.api.as('黄丽华', 'GET', '/exports/ledger.csv?communityId=1');
      expect(masked.status).toBe(200);
      const rows = parseCsv(masked.body);
      expect(rows[0]).toEqual([...LEDGER_COLUMNS]);
      expect(rows.find((r) => r[4] === '刘德明')).toEqual(['青和居1栋', '2单元', '301', '102.50', '刘德明', '139****9001', '业主', '1968', '']);
      expect(rows.find((r) => r[4] === '孙桂芝')).toEqual(['青和居2栋', '1单元', '201', '91.40', '孙桂芝', '139****1006', '业主', '1938', '空巢老人、残疾人']);
      expect(rows.length).toBe(1 + 12);

      const whole = await ctx.api.as('黄丽华', 'GET', '/exports/ledger.csv?communityId=1&phones=whole');
      const again = await dryRun(Buffer.from(whole.body, 'utf8'));
      expect(again.body).toMatchObject({ totalRows: 12, added: 0, changed: 0, unchanged: 12, rejected: [], missing: [] });

      const xlsx = await ctx.api.as('黄丽华', 'GET', '/exports/ledger.xlsx?communityId=1&phones=whole');
      expect(xlsx.status).toBe(200);
      const sheet = await readSheet(xlsx.body);
      expect(sheet[0]).toEqual([...LEDGER_COLUMNS]);
      expect((await dryRun(xlsx.body, 'ledger.xlsx')).body).toMatchObject({ added: 0, changed: 0, unchanged: 12 });

      expect((await ctx.api.as('何志刚', 'GET', '/exports/ledger.csv?communityId=1')).status).toBe(404);
      expect((await ctx.api.as('王秀英', 'GET', '/exports/ledger.csv?communityId=1')).status).toBe(403);
      expect((await audit('export')).slice(0, 3).map((e) => [e.targetType, e.details.format, e.details.phones])).toEqual([
        ['ledger', 'xlsx', 'whole'],
        ['ledger', 'csv', 'whole'],
        ['ledger', 'csv', 'masked'],
      ]);
    });

    it('the template names the columns', async () => {
      const r = await ctx.api.as('黄丽华', 'GET', '/ledger/template.xlsx');
      expect(r.status).toBe(200);
      const sheet = await readSheet(r.body);
      expect(sheet[0]).toEqual([...LEDGER_COLUMNS]);
      expect(sheet[1].slice(0, 7)).toEqual(['青和居1栋', '2', '301', '89.50', '刘德明', '13900009001', '业主']);
    });

    it('reads GBK CSV (Excel on Chinese Windows) and xlsx with numbers as numbers', async () => {
      const text = `${HEADER}\r\n青和居4栋,1,101,70.5,周大福,13907002001,业主,1955,独居老人\r\n`;
      const gbk = await dryRun(iconv.encode(text, 'gbk'));
      expect(gbk.body.rows).toEqual([{ row: 2, action: 'add', household: '青和居4栋1单元101', newHousehold: false, newBuilding: false, name: '周大福', phone: '139****2001', relation: 'owner', changes: [] }]);
      const book = await workbook([[...LEDGER_COLUMNS], ['青和居4栋', 1, 101, 70.5, '周大福', 13907002001, '业主', 1955, '独居老人']]);
      expect((await dryRun(book, 'ledger.xlsx')).body.planHash).toBe(gbk.body.planHash);
    });

    it('refuses bad files whole, saying why, and changes nothing', async () => {
      // Built first: allocating 100 MB between two requests can outlast the pooled connection's keep-alive,
      // and a request sent on a connection the server has just closed is reset.
      const huge = new FormData();
      huge.append('communityId', '1');
      huge.append('dryRun', 'true');
      huge.append('file', new Blob([new Uint8Array(50 * 1024 * 1024).fill(0x41)]), 'ledger.csv');
      const members = await count('household_members');
      const refused = async (bytes: Buffer, filename: string) => {
        const r = await dryRun(bytes, filename);
        return [r.status, r.body.code, r.body.message];
      };
      expect(await refused(Buffer.from('\uFEFF楼栋,房号,名字\r\n青和居1栋,101,张三\r\n'), 'a.csv')).toEqual([422, 'LEDGER_COLUMNS_MISSING', '第1行应为表头，缺少这些列：门牌、姓名、身份（请下载导入模板对照后补齐）']);
      expect((await refused(Buffer.alloc(0), 'a.csv')).slice(0, 2)).toEqual([422, 'LEDGER_FILE_EMPTY']);
      expect((await refused(Buffer.from(`\uFEFF${HEADER}\r\n`), 'a.csv')).slice(0, 2)).toEqual([422, 'LEDGER_FILE_EMPTY']);
      const formulas = await workbook([[...LEDGER_COLUMNS], ['青和居1栋', '1', '101', null, '王秀英', '13871000001', '业主']], (s) => {
        s.getCell('D2').value = { formula: '80+9.5', result: 89.5 } as ExcelJS.CellFormulaValue;
      });
      expect(await refused(formulas, 'a.xlsx')).toEqual([422, 'LEDGER_FILE_FORMULAS', '表格有公式（D2），请复制后“粘贴为数值”再导入']);
      const merged = await workbook([[...LEDGER_COLUMNS], ['青和居1栋', '1', '101', '89.5', '王秀英', '', '业主'], ['', '1', '101', '', '李明', '', '家属']], (s) => s.mergeCells('A2:A3'));
      expect(await refused(merged, 'a.xlsx')).toEqual([422, 'LEDGER_FILE_MERGED_CELLS', '表格有合并单元格（A2:A3），请取消合并并在每一行填上完整内容后再导入']);
      expect((await refused(Buffer.from(`${HEADER}\r\n青和居1栋,1,101,,王秀英,,业主,,\r\n`), 'ledger.xlsx')).slice(0, 2)).toEqual([422, 'LEDGER_FILE_UNREADABLE']);
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
      expect((await refused(png, 'ledger.xlsx')).slice(0, 2)).toEqual([422, 'LEDGER_FILE_UNREADABLE']);
      expect((await refused(png, 'ledger.csv')).slice(0, 2)).toEqual([422, 'LEDGER_FILE_UNREADABLE']);
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\r\n青和居1栋,1,101,,王秀英,,业主,,\r\n`, 'utf16le')]);
      expect(await refused(utf16, 'ledger.csv')).toEqual([422, 'LEDGER_FILE_UNREADABLE', '无法识别文件的编码：请用 Excel 另存为“CSV UTF-8”或 .xlsx 后再导入']);
      const tooMany = Buffer.from(`${HEADER}\r\n${'青和居1栋,1,101,,某人,,业主,,\r\n'.repeat(50_001)}`);
      expect(await refused(tooMany, 'ledger.csv')).toEqual([422, 'LEDGER_TOO_MANY_ROWS', '一次最多导入 50000 行，请分楼栋分批导入']);
      const tooLarge = await ctx.api.form('黄丽华', '/ledger/import', huge);
      expect([tooLarge.status, tooLarge.body.code, tooLarge.body.message]).toEqual([413, 'FILE_TOO_LARGE', '台账文件不能超过 10 MB，请拆分后分批上传']);
      expect((await send('黄丽华', DEMO, 'x.csv', { communityId: '2', dryRun: 'true' })).status).toBe(404);
      const form = new FormData();
      form.append('communityId', '1');
      form.append('dryRun', 'true');
      expect((await ctx.api.form('黄丽华', '/ledger/import', form)).body.code).toBe('FILE_MISSING');
      expect((await send('王秀英', DEMO, 'x.csv', { communityId: '1', dryRun: 'true' })).status).toBe(403);
      expect(await count('household_members')).toBe(members);
    });

    it('grid boundaries: valid, non-overlapping polygons matched by name; buildings follow', async () => {
      const grids = (dryRunFlag: string, body: Buffer) => send('黄丽华', body, 'grids.geojson', { communityId: '1', dryRun: dryRunFlag }, '/ledger/grids/import');
      // As the seed wrote them (its sums of floats included).
      const existing = ([['青和居第一网格', 114.38], ['青和居第二网格', 114.384], ['青和居第三网格', 114.388]] as const).map(([name, from]) => rect(name, from, 30.64, from + 0.004, 30.644));
      const north = rect('青和居第四网格', 114.38, 30.644, 114.392, 30.646);
      const dry = await grids('true', collection(...existing, north));
      expect(dry.status).toBe(200);
      expect(dry.body).toEqual({ dryRun: true, added: ['青和居第四网格'], changed: [], unchanged: ['青和居第一网格', '青和居第二网格', '青和居第三网格'], buildingsMoved: 0 });
      expect((await grids('false', collection(north))).body).toMatchObject({ dryRun: false, added: ['青和居第四网格'] });
      // 第一网格 now ends west of 1栋 and 2栋 (lng 114.382): they move to the widened 第四网格.
      const moved = await grids('true', collection(rect('青和居第一网格', 114.38, 30.64, 114.381, 30.644), rect('青和居第四网格', 114.381, 30.641, 114.384, 30.646), rect('青和居第五网格', 114.38, 30.646, 114.381, 30.647)));
      expect(moved.body).toMatchObject({ added: ['青和居第五网格'], changed: ['青和居第一网格', '青和居第四网格'], buildingsMoved: 2 });
      const invalid = async (body: Buffer) => {
        const r = await grids('true', body);
        return [r.status, r.body.code, r.body.message];
      };
      expect(await invalid(collection(rect('青和居第九网格', 114.382, 30.642, 114.386, 30.645)))).toEqual([422, 'GRID_GEOJSON_INVALID', '网格“青和居第一网格”与“青和居第九网格”有重叠区域，请修正边界后重新导入']);
      const bowTie = { type: 'Feature', properties: { name: '蝴蝶' }, geometry: { type: 'Polygon', coordinates: [[[114.4, 30.6], [114.41, 30.61], [114.41, 30.6], [114.4, 30.61], [114.4, 30.6]]] } };
      expect(await invalid(collection(bowTie))).toEqual([422, 'GRID_GEOJSON_INVALID', '网格“蝴蝶”的边界自相交']);
      const open = { type: 'Feature', properties: { name: '开口' }, geometry: { type: 'Polygon', coordinates: [[[114.4, 30.6], [114.41, 30.6], [114.41, 30.61], [114.4, 30.61]]] } };
      expect(await invalid(collection(open))).toEqual([422, 'GRID_GEOJSON_INVALID', '网格“开口”的边界没有闭合（首尾坐标应相同）']);
      expect((await invalid(Buffer.from('{"type":"Feature"}')))[1]).toBe('GRID_GEOJSON_INVALID');
      expect((await audit('edit'))[0]).toMatchObject({ targetType: 'grids', details: { added: 1, changed: 0, unchanged: 0, buildingsMoved: 0 } });
    });

    it('注销 makes the ledger forget the person: birth year, flags and memberships go, the household stays', async () => {
      const mine = await ctx.api.request('GET', '/me/export', { headers: { authorization: `Bearer ${liu.token}` } });
      expect(mine.body.ledger).toEqual({ birthYear: 1968, specialCare: [], households: [{ household: '青和居1栋2单元301', relation: 'owner', since: expect.any(String), endedAt: null }] });
      const before = Number((await ctx.ds.query('SELECT COUNT(*) AS n FROM person_details WHERE userId = ?', [liu.id]))[0].n);
      expect(before).toBe(1);
      const r = await ctx.api.request('DELETE', '/me', { headers: { authorization: `Bearer ${liu.token}` } });
      expect(r.status).toBe(200);
      expect(Number((await ctx.ds.query('SELECT COUNT(*) AS n FROM person_details WHERE userId = ?', [liu.id]))[0].n)).toBe(0);
      const home = await ctx.api.as('黄丽华', 'GET', `/ledger/households/${await householdId('青和居1栋', '2单元301')}`);
      expect(home.body.members.map((m: { name: string }) => m.name)).toEqual(['陈淑珍', '刘晓雨']);
    });
  });
}
