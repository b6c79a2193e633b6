import { Inject, Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { In } from 'typeorm';
import { DEFAULT_UTC_OFFSET_MINUTES, RATING_LABELS, TICKET_STATUS_LABELS, UNCATEGORISED_LABEL, type StatsOverview, type StatsTrend } from '@linli/shared';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CategoriesService } from '../categories/categories.service.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { maskPhone } from '../common/mask.js';
import { Db } from '../database/db.js';
import { Community } from '../places/entities/places.entities.js';
import { PlacesService } from '../places/places.service.js';
import { StatsService } from '../stats/stats.service.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { TicketQueries, type TicketFilter } from '../tickets/ticket-queries.service.js';
import { TicketViews } from '../tickets/ticket-views.js';
import { User } from '../users/entities/users.entities.js';
import type { RatesExportQueryDto, TicketExportQueryDto } from './exports.dto.js';
import { sheetWriter, type Cell, type ExportFormat } from './sheet-writer.js';

/** Rows read per query: keyset pages by id, so memory holds one batch whatever the export's size. */
export const EXPORT_BATCH = 1000;

export const TICKET_HEADERS = ['编号', '社区', '类别', '状态', '描述', '网格', '处理人', '报事人电话', '报事时间(本地)', '响应时限', '办结时限', '办结时间', '评价', '评价内容'];
export const RATE_HEADERS = ['报事数', '响应率', '解决率', '满意率', '按时办结率'];

/** An export ready to stream: the caller sets the headers, then `write` streams the file. */
export interface PreparedExport {
  filename: string;
  write(out: Writable): Promise<void>;
}

/** 导出: the staff's ticket list and the four rates as spreadsheets, each logged in the audit trail. */
@Injectable()
export class ExportsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TicketQueries) private readonly queries: TicketQueries,
    @Inject(CategoriesService) private readonly categories: CategoriesService,
    @Inject(PlacesService) private readonly places: PlacesService,
    @Inject(StatsService) private readonly stats: StatsService,
    @Inject(TicketViews) private readonly views: TicketViews,
  ) {}

  /**
   * The list of scope=community (its rules of who sees which communities), newest first. Whole
   * phones only when asked; either way the filter is logged before the first byte leaves.
   */
  async tickets(user: AuthUser, q: TicketExportQueryDto, format: ExportFormat): Promise<PreparedExport> {
    const { phones, ...filters } = q;
    const filter: TicketFilter = { ...filters, scope: 'community' };
    const now = this.clock.now();
    const query = await this.queries.filtered(user, filter, now);
    // An export over every community the caller oversees is filed under that community when there is one, so its committee reads it.
    const overseen = await this.queries.overseenCommunities(user);
    const communityId = filter.communityId ?? (Array.isArray(overseen) && overseen.length === 1 ? overseen[0] : null);
    await this.record(user, 'tickets', format, communityId, { filter: filters, phones: phones ?? 'masked' }, now);
    const whole = phones === 'whole';
    return {
      filename: `报事导出-${now.toISOString().slice(0, 10)}.${format}`,
      write: async (out) => {
        const sheet = sheetWriter(format, out);
        await sheet.sheet('报事', TICKET_HEADERS);
        const categories = await this.categories.all();
        const known = new Map<number, { name: string; utcOffsetMinutes: number }>();
        let after: number | null = null;
        for (;;) {
          const page = query.clone().orderBy('t.id', 'DESC').limit(EXPORT_BATCH);
          if (after !== null) page.andWhere('t.id < :after', { after });
          const batch = await page.getMany();
          if (batch.length === 0) break;
          const [grids, handlers, reporters, communities] = await Promise.all([
            this.places.gridNames(batch.map((t) => t.gridId)),
            this.views.userNames(batch.map((t) => t.handlerId)),
            this.phones(batch.map((t) => t.reporterId)),
            this.communities(batch.map((t) => t.communityId), known),
          ]);
          for (const t of batch) {
            const c = communities.get(t.communityId);
            const at = (d: Date | null) => localDateTime(d, c?.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES);
            const phone = reporters.get(t.reporterId) ?? null;
            await sheet.row([
              t.code,
              c?.name ?? null,
              t.categoryId === null ? UNCATEGORISED_LABEL : (categories.get(t.categoryId)?.name ?? null),
              TICKET_STATUS_LABELS[t.status],
              // Staff read residents' words as written.
              t.description,
              t.gridId !== null ? (grids.get(t.gridId) ?? null) : null,
              t.handlerId !== null ? (handlers.get(t.handlerId) ?? null) : null,
              whole ? phone : maskPhone(phone),
              at(t.createdAt),
              at(t.respondDueAt),
              at(t.resolveDueAt),
              at(t.resolvedAt),
              t.rating ? RATING_LABELS[t.rating] : null,
              t.ratingComment,
            ]);
          }
          after = batch[batch.length - 1].id;
          if (batch.length < EXPORT_BATCH) break;
        }
        await sheet.end();
      },
    };
  }

  /** 四率 by grid and by month over the community's local days, as the stats pages compute them. */
  async rates(user: AuthUser, q: RatesExportQueryDto, format: ExportFormat): Promise<PreparedExport> {
    const [overview, trend]: [StatsOverview, StatsTrend] = await Promise.all([this.stats.overview(user, q.communityId, q), this.stats.trend(user, q.communityId, q, 'month')]);
    const now = this.clock.now();
    await this.record(user, 'rates', format, q.communityId, { filter: { communityId: q.communityId, from: overview.from, to: overview.to } }, now);
    return {
      filename: `四率-${overview.from}至${overview.to}.${format}`,
      write: async (out) => {
        const sheet = sheetWriter(format, out);
        await sheet.sheet('按网格', ['网格', ...RATE_HEADERS]);
        for (const g of overview.byGrid) await sheet.row([g.name, g.count, ...percentages(g)]);
        await sheet.sheet('按月', ['月份', ...RATE_HEADERS]);
        for (const p of trend.points) await sheet.row([p.start.slice(0, 7), p.total, ...percentages(p)]);
        await sheet.end();
      },
    };
  }

  private async record(user: AuthUser, what: 'tickets' | 'rates', format: ExportFormat, communityId: number | null, details: Record<string, unknown>, now: Date): Promise<void> {
    const role = staffRole(user);
    if (!role) throw Errors.forbidden();
    await this.db.transaction((em) =>
      AuditService.record(em, { actor: { id: user.id, role }, action: 'export', communityId, districtId: communityId === null ? (user.districtIds('district_officer')[0] ?? user.districtIds('street_officer')[0] ?? null) : undefined, targetType: what, targetIds: [], details: { format, ...details }, at: now }),
    );
  }

  private async phones(ids: number[]): Promise<Map<number, string | null>> {
    const wanted = [...new Set(ids)];
    const users = await this.db.manager.find(User, { where: { id: In(wanted) }, select: { id: true, phone: true } });
    return new Map(users.map((u) => [u.id, u.phone]));
  }

  /** Names and offsets of communities, looked up once per export (`known`). */
  private async communities(ids: number[], known: Map<number, { name: string; utcOffsetMinutes: number }>): Promise<Map<number, { name: string; utcOffsetMinutes: number }>> {
    for (const id of new Set(ids)) {
      if (known.has(id)) continue;
      const [place, row] = await Promise.all([this.places.communityPlace(id), this.db.manager.findOne(Community, { where: { id }, select: { id: true, name: true } })]);
      known.set(id, { name: row?.name ?? '', utcOffsetMinutes: place?.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES });
    }
    return known;
  }
}

/** The role an export is made in, for the log: the widest the exporter holds. */
function staffRole(user: AuthUser): string | null {
  for (const role of ['admin', 'district_officer', 'street_officer', 'committee_member'] as const) if (user.has(role)) return role;
  return null;
}

/** 2026-11-23 07:30, the community's wall clock. */
export function localDateTime(at: Date | null, offsetMinutes: number): string | null {
  if (!at) return null;
  return new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A rate as Excel shows it, "87.5%"; empty when nothing was due (never a fake 100%). */
function percentages(r: { responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null; onTimeRate: number | null }): Cell[] {
  return [r.responseRate, r.resolutionRate, r.satisfactionRate, r.onTimeRate].map((x) => (x === null ? null : `${(x * 100).toFixed(1)}%`));
}
