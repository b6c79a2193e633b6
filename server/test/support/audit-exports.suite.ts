import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { startSeededApp, type Dialect } from './test-app.js';

const TICKET_HEADERS = ['编号', '社区', '类别', '状态', '描述', '网格', '处理人', '报事人电话', '报事时间(本地)', '响应时限', '办结时限', '办结时间', '评价', '评价内容'];

/** A CSV as rows of cells (quotes undone); the file must open with the UTF-8 byte-order mark. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

async function readXlsx(bytes: Buffer): Promise<Map<string, (string | number | null)[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, (string | number | null)[][]>();
  book.eachSheet((sheet) => {
    const rows: (string | number | null)[][] = [];
    sheet.eachRow((r) => rows.push(Array.from({ length: sheet.columnCount }, (_, i) => (r.getCell(i + 1).value as string | number | null) ?? null)));
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/**
 * Exports and the audit trail over HTTP. Demo district (UTC+8): 王秀英 (13871000001) lives in
 * 青和居1栋 (青和居第一网格, worker 赵敏); 黄丽华 chairs 青和居社区 (id 1), 何志刚 钢花村社区;
 * 高明 is the district officer. The clock starts at 2026-11-23 02:00Z; the suite reports at 02:30Z
 * (10:30 local), after every seeded ticket.
 */
export function auditExportsSuite(dialect: Dialect): void {
  describe(`audit trail and exports on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof startSeededApp>>;
    const since = '2026-11-23T02:30:00.000Z';
    beforeAll(async () => {
      ctx = await startSeededApp(dialect);
      ctx.clock.set(new Date(since));
    });
    afterAll(async () => {
      await ctx?.close();
    });

    const report = async (body: Record<string, unknown>) => {
      const r = await ctx.api.as('王秀英', 'POST', '/tickets', { categoryId: 1, buildingId: 1, ...body });
      expect(r.status).toBe(201);
      return r.body as { id: number; code: string };
    };
    const audit = async (who: string, query = '') => {
      const r = await ctx.api.as(who, 'GET', `/audit${query}`);
      expect(r.status).toBe(200);
      return r.body.items as { action: string; actor: { name: string; role: string }; communityId: number | null; targetType: string; targetIds: number[]; details: Record<string, unknown> | null }[];
    };

    let sanitation: { id: number; code: string };
    let other: { id: number; code: string };

    it('exports the filtered ticket list as CSV: Chinese headers, local times, phones masked, words as written', async () => {
      sanitation = await report({ description: '楼下垃圾桶满了，"急"，电话13871000001' });
      other = await report({ categoryId: 14, description: '想咨询社区活动' });
      const r = await ctx.api.as('黄丽华', 'GET', `/exports/tickets.csv?communityId=1&from=${since}`);
      expect(r.status).toBe(200);
      expect(parseCsv(r.body)).toEqual([
        TICKET_HEADERS,
        // 其他 goes to the community's queue: respond within 4 h, resolve within 3 days.
        [other.code, '青和居社区', '其他', '待派单', '想咨询社区活动', '青和居第一网格', '', '138****0001', '2026-11-23 10:30', '2026-11-23 14:30', '2026-11-26 10:30', '', '', ''],
        // 环境卫生 goes to the grid worker: 1 h and 1 day.
        [sanitation.code, '青和居社区', '环境卫生', '已派单', '楼下垃圾桶满了，"急"，电话13871000001', '青和居第一网格', '赵敏', '138****0001', '2026-11-23 10:30', '2026-11-23 11:30', '2026-11-24 10:30', '', '', ''],
      ]);
      // The list's filters hold: one category only.
      const one = await ctx.api.as('黄丽华', 'GET', `/exports/tickets.csv?communityId=1&from=${since}&categoryId=14`);
      expect(parseCsv(one.body).map((row) => row[0])).toEqual(['编号', other.code]);
    });

    it('exports the same list as xlsx, and whole phones only when asked, which the log says', async () => {
      const r = await ctx.api.as('黄丽华', 'GET', `/exports/tickets.xlsx?communityId=1&from=${since}&phones=whole`);
      expect(r.status).toBe(200);
      const sheet = (await readXlsx(r.body)).get('报事')!;
      expect(sheet[0]).toEqual(TICKET_HEADERS);
      expect(sheet.slice(1).map((row) => [row[0], row[6], row[7], row[9]])).toEqual([
        [other.code, null, '13871000001', '2026-11-23 14:30'],
        [sanitation.code, '赵敏', '13871000001', '2026-11-23 11:30'],
      ]);
      const exports = await audit('黄丽华', '?communityId=1&action=export');
      expect(exports.map((e) => [e.actor.name, e.actor.role, e.targetType, e.details])).toEqual([
        ['黄丽华', 'committee_member', 'tickets', { format: 'xlsx', phones: 'whole', filter: { communityId: 1, from: since } }],
        ['黄丽华', 'committee_member', 'tickets', { format: 'csv', phones: 'masked', filter: { communityId: 1, from: since, categoryId: 14 } }],
        ['黄丽华', 'committee_member', 'tickets', { format: 'csv', phones: 'masked', filter: { communityId: 1, from: since } }],
      ]);
    });

    it('exports the four rates by grid and by month, as the stats page shows them, and logs it', async () => {
      const overview = (await ctx.api.as('黄丽华', 'GET', '/stats/overview?communityId=1&from=2026-10-01&to=2026-11-23')).body;
      const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);
      const byGrid = overview.byGrid.map((g: { name: string; count: number; responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null; onTimeRate: number | null }) => [
        g.name,
        String(g.count),
        pct(g.responseRate),
        pct(g.resolutionRate),
        pct(g.satisfactionRate),
        pct(g.onTimeRate),
      ]);
      expect(byGrid.length).toBeGreaterThan(0);
      const csv = await ctx.api.as('黄丽华', 'GET', '/exports/rates.csv?communityId=1&from=2026-10-01&to=2026-11-23');
      const rows = parseCsv(csv.body);
      const blank = rows.findIndex((row) => row.length === 1 && row[0] === '');
      expect(rows.slice(0, blank)).toEqual([['网格', '报事数', '响应率', '解决率', '满意率', '按时办结率'], ...byGrid]);
      expect(rows[blank + 1]).toEqual(['按月']);
      expect(rows[blank + 2]).toEqual(['月份', '报事数', '响应率', '解决率', '满意率', '按时办结率']);
      const months = rows.slice(blank + 3).map((row) => row[0]);
      expect(months.every((m) => m === '2026-10' || m === '2026-11')).toBe(true);
      expect(rows.slice(blank + 3).reduce((n, row) => n + Number(row[1]), 0)).toBe(overview.total);

      const xlsx = await ctx.api.as('黄丽华', 'GET', '/exports/rates.xlsx?communityId=1&from=2026-10-01&to=2026-11-23');
      const sheets = await readXlsx(xlsx.body);
      expect([...sheets.keys()]).toEqual(['按网格', '按月']);
      expect(sheets.get('按网格')!.slice(1).map((row) => row.map((c) => (c === null ? '' : String(c))))).toEqual(byGrid);
      const [latest] = await audit('黄丽华', '?action=export');
      expect(latest).toMatchObject({ targetType: 'rates', communityId: 1, details: { format: 'xlsx', filter: { communityId: 1, from: '2026-10-01', to: '2026-11-23' } } });
    });

    it('refuses exports to residents and to other communities', async () => {
      expect((await ctx.api.as('王秀英', 'GET', '/exports/tickets.csv')).status).toBe(403);
      expect((await ctx.api.as('何志刚', 'GET', '/exports/tickets.xlsx?communityId=1')).status).toBe(403);
      expect((await ctx.api.as('何志刚', 'GET', '/exports/rates.csv?communityId=1')).status).toBe(403);
      expect((await ctx.api.as('黄丽华', 'GET', '/exports/tickets.csv?phones=all')).status).toBe(400);
      // Without a community, the export covers the caller's own and is filed under it for the committee to read.
      expect((await ctx.api.as('黄丽华', 'GET', '/exports/tickets.csv?categoryId=14')).status).toBe(200);
      const [latest] = await audit('黄丽华', '?communityId=1&action=export');
      expect(latest).toMatchObject({ communityId: 1, targetType: 'tickets', details: { format: 'csv', filter: { categoryId: 14 } } });
    });

    it('records dispatch, transfer, reject and merge in the log of their community', async () => {
      const queued = await report({ description: '这是物业的事' });
      await ctx.api.as('赵敏', 'POST', `/tickets/${queued.id}/return`, { reason: '这是物业的事' });
      expect((await ctx.api.as('黄丽华', 'POST', `/tickets/${queued.id}/dispatch`, { toUserId: ctx.api.userId('马师傅') })).status).toBe(200);
      const moved = await report({ description: '在第三网格' });
      expect((await ctx.api.as('赵敏', 'POST', `/tickets/${moved.id}/transfer`, { toUserId: ctx.api.userId('吴磊'), reason: '在第三网格' })).status).toBe(200);
      const refused = await report({ description: '不归社区管' });
      expect((await ctx.api.as('黄丽华', 'POST', `/tickets/${refused.id}/reject`, { reason: 'outside_remit', note: '请拨打12345' })).status).toBe(200);
      const dup = await report({ description: '垃圾桶满了' });
      expect((await ctx.api.as('黄丽华', 'POST', `/tickets/${dup.id}/merge`, { intoTicketId: sanitation.id })).status).toBe(200);
      // A refused action writes nothing.
      expect((await ctx.api.as('黄丽华', 'POST', `/tickets/${queued.id}/dispatch`, { toUserId: ctx.api.userId('马师傅') })).status).toBe(409);

      const entries = (await audit('黄丽华', '?communityId=1')).filter((e) => e.action !== 'export');
      expect(entries.map((e) => [e.action, e.actor.name, e.actor.role, e.targetType, e.targetIds, e.details])).toEqual([
        ['merge', '黄丽华', 'committee_member', 'ticket', [dup.id, sanitation.id], { intoTicketId: sanitation.id }],
        ['reject', '黄丽华', 'committee_member', 'ticket', [refused.id], { reason: 'outside_remit' }],
        ['transfer', '赵敏', 'grid_worker', 'ticket', [moved.id], { fromUserId: ctx.api.userId('赵敏'), toUserId: ctx.api.userId('吴磊') }],
        ['dispatch', '黄丽华', 'committee_member', 'ticket', [queued.id], { fromUserId: null, toUserId: ctx.api.userId('马师傅') }],
      ]);
      expect((await audit('黄丽华', '?action=merge')).map((e) => e.targetIds)).toEqual([[dup.id, sanitation.id]]);
      // The district officer reads the district's log; a time window narrows it.
      expect((await audit('高明', '?action=transfer')).map((e) => e.targetIds)).toEqual([[moved.id]]);
      expect(await audit('高明', `?action=transfer&to=${since}`)).toEqual([]);
    });

    it('keeps the log from residents and other communities, and offers no way to change it', async () => {
      expect((await ctx.api.as('王秀英', 'GET', '/audit')).status).toBe(403);
      expect((await ctx.api.as('何志刚', 'GET', '/audit?communityId=1')).status).toBe(403);
      expect(await audit('何志刚')).toEqual([]);
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        for (const path of ['/audit', '/audit/1']) {
          const r = await ctx.api.as('黄丽华', method, path, method === 'DELETE' ? undefined : { action: 'export' });
          expect(r).toMatchObject({ status: 404, body: { code: 'NOT_FOUND_ROUTE' } });
        }
      }
      expect((await audit('黄丽华', '?action=dispatch')).length).toBe(1);
    });
  });
}
