import { Inject, Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import {
  NOT_COUNTED_TICKET_STATUSES,
  RATINGS,
  RESOLVED_TICKET_STATUSES,
  SATISFIED_RATINGS,
  TICKET_STATUSES,
  UNCATEGORISED_LABEL,
  addLocalDays,
  bucketStart,
  daysInRange,
  isLocalDate,
  isUtcOffsetMinutes,
  localDate,
  localDayRange,
  ratio,
  type LocalDate,
  type StatsOverview,
  type StatsTrend,
  type StatsTrendPoint,
  type TicketStatus,
  type TrendBucket,
} from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CategoriesService } from '../categories/categories.service.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { PlacesService, type CommunityPlace } from '../places/places.service.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { sqlList } from '../tickets/status-sql.js';

/** The counters every figure is made of; docs/metrics.md defines each. */
interface Counters {
  total: number;
  population: number;
  respondDue: number;
  respondedOnTime: number;
  resolved: number;
  rated: number;
  satisfied: number;
  resolveDue: number;
  resolvedOnTime: number;
}

// P = tickets reported in the range that were not cancelled or rejected.
const IN_P = `t.status NOT IN (${sqlList(NOT_COUNTED_TICKET_STATUSES)})`;
const COUNTER_SQL: Record<keyof Counters, string> = {
  total: 'COUNT(*)',
  population: `SUM(CASE WHEN ${IN_P} THEN 1 ELSE 0 END)`,
  respondDue: `SUM(CASE WHEN ${IN_P} AND (t.firstAcceptedAt IS NOT NULL OR t.respondDueAt <= :now) THEN 1 ELSE 0 END)`,
  respondedOnTime: `SUM(CASE WHEN ${IN_P} AND t.firstAcceptedAt <= t.respondDueAt THEN 1 ELSE 0 END)`,
  resolved: `SUM(CASE WHEN t.status IN (${sqlList(RESOLVED_TICKET_STATUSES)}) THEN 1 ELSE 0 END)`,
  rated: `SUM(CASE WHEN ${IN_P} AND t.rating IN (${sqlList(RATINGS)}) THEN 1 ELSE 0 END)`,
  satisfied: `SUM(CASE WHEN ${IN_P} AND t.rating IN (${sqlList(SATISFIED_RATINGS)}) THEN 1 ELSE 0 END)`,
  resolveDue: `SUM(CASE WHEN ${IN_P} AND (t.resolvedAt IS NOT NULL OR t.resolveDueAt <= :now) THEN 1 ELSE 0 END)`,
  resolvedOnTime: `SUM(CASE WHEN ${IN_P} AND t.resolvedAt <= t.resolveDueAt THEN 1 ELSE 0 END)`,
};

function rates(c: Counters) {
  return {
    responseRate: ratio(c.respondedOnTime, c.respondDue),
    resolutionRate: ratio(c.resolved, c.population),
    satisfactionRate: ratio(c.satisfied, c.rated),
    onTimeRate: ratio(c.resolvedOnTime, c.resolveDue),
  };
}

function add(a: Counters, b: Counters): Counters {
  return Object.fromEntries(Object.keys(COUNTER_SQL).map((k) => [k, a[k as keyof Counters] + b[k as keyof Counters]])) as unknown as Counters;
}

/** Local days asked for: `from` and `to` both included (docs/metrics.md). */
export interface DayRange {
  from?: string;
  to?: string;
}

export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366 * 2;

/** The local days a figure covers: defaults to the last 30 days, today included. */
export function resolveDays(q: DayRange, today: LocalDate): { from: LocalDate; to: LocalDate } {
  for (const [name, value] of [['from', q.from], ['to', q.to]] as const) {
    if (value !== undefined && !isLocalDate(value)) throw Errors.validation(`${name} 须为日期，格式 YYYY-MM-DD`);
  }
  const to = q.to ?? today;
  const from = q.from ?? addLocalDays(to, 1 - DEFAULT_RANGE_DAYS);
  if (from > to) throw Errors.validation('开始日期不能晚于结束日期');
  if (daysInRange(from, to) > MAX_RANGE_DAYS) throw Errors.validation('统计区间最长两年');
  return { from, to };
}

const ZERO = Object.fromEntries(Object.keys(COUNTER_SQL).map((k) => [k, 0])) as unknown as Counters;

@Injectable()
export class StatsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CategoriesService) private readonly categories: CategoriesService,
    @Inject(PlacesService) private readonly places: PlacesService,
  ) {}

  async overview(user: AuthUser, communityId: number, q: DayRange): Promise<StatsOverview> {
    const { utcOffsetMinutes } = await this.authorise(user, communityId);
    const now = this.clock.now();
    const days = resolveDays(q, localDate(now, utcOffsetMinutes));
    const { start: from, end: to } = localDayRange(days.from, days.to, utcOffsetMinutes);
    const [all, byStatus, byCategory, byGrid, awaitingCategory] = await Promise.all([
      this.counters(communityId, from, to, now, null),
      this.db.manager
        .createQueryBuilder(Ticket, 't')
        .select('t.status', 'status')
        .addSelect('COUNT(*)', 'n')
        .where('t.communityId = :communityId AND t.createdAt >= :from AND t.createdAt < :to', { communityId, from, to })
        .groupBy('t.status')
        .getRawMany<{ status: TicketStatus; n: string }>(),
      this.db.manager
        .createQueryBuilder(Ticket, 't')
        .select('t.categoryId', 'categoryId')
        .addSelect('COUNT(*)', 'n')
        .where('t.communityId = :communityId AND t.createdAt >= :from AND t.createdAt < :to', { communityId, from, to })
        .groupBy('t.categoryId')
        .getRawMany<{ categoryId: number | null; n: string }>(),
      this.counters(communityId, from, to, now, 't.gridId'),
      // 待分类 is a queue: what waits now, whenever it was reported (docs/metrics.md).
      this.db.manager.createQueryBuilder(Ticket, 't').where("t.communityId = :communityId AND t.status = 'submitted' AND t.categoryId IS NULL", { communityId }).getCount(),
    ]);
    const categories = await this.categories.all();
    const grids = await this.places.gridNames(byGrid.map((g) => (g.key === null ? null : Number(g.key))));
    return {
      communityId,
      from: days.from,
      to: days.to,
      utcOffsetMinutes,
      total: all[0]?.c.total ?? 0,
      ...rates(all[0]?.c ?? ZERO),
      byStatus: Object.fromEntries(TICKET_STATUSES.map((s) => [s, Number(byStatus.find((r) => r.status === s)?.n ?? 0)])) as Record<TicketStatus, number>,
      awaitingCategory,
      byCategory: byCategory
        .map((r) =>
          r.categoryId === null
            ? { categoryId: null, name: UNCATEGORISED_LABEL, count: Number(r.n) }
            : { categoryId: Number(r.categoryId), name: categories.get(Number(r.categoryId))?.name ?? '', count: Number(r.n) },
        )
        .sort((a, b) => b.count - a.count),
      byGrid: byGrid
        .map(({ key, c }) => ({ gridId: key === null ? null : Number(key), name: key === null ? '未划入网格' : (grids.get(Number(key)) ?? ''), count: c.total, ...rates(c) }))
        .sort((a, b) => (a.gridId ?? Infinity) - (b.gridId ?? Infinity)),
    };
  }

  async trend(user: AuthUser, communityId: number, q: DayRange, bucket: TrendBucket): Promise<StatsTrend> {
    const { utcOffsetMinutes } = await this.authorise(user, communityId);
    const now = this.clock.now();
    const range = resolveDays(q, localDate(now, utcOffsetMinutes));
    const { start: from, end: to } = localDayRange(range.from, range.to, utcOffsetMinutes);
    const days = await this.counters(communityId, from, to, now, this.localDaySql(utcOffsetMinutes));
    const buckets = new Map<string, Counters>();
    for (const { key, c } of days) {
      const start = bucketStart(String(key), bucket);
      buckets.set(start, add(buckets.get(start) ?? ZERO, c));
    }
    const points: StatsTrendPoint[] = [...buckets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([start, c]) => ({ start, total: c.total, ...rates(c) }));
    return { communityId, bucket, utcOffsetMinutes, points };
  }

  /**
   * The local day of report, 'YYYY-MM-DD', as SQL: createdAt (UTC) moved by the offset, with no
   * time-zone tables. The offset is written as a literal (a checked integer) so that the SELECT and
   * the GROUP BY are the same expression under MySQL's ONLY_FULL_GROUP_BY. The range filter stays
   * on createdAt itself, so idx_tickets_community_stats still serves the query.
   */
  private localDaySql(utcOffsetMinutes: number): string {
    if (!isUtcOffsetMinutes(utcOffsetMinutes)) throw new Error(`not a UTC offset: ${utcOffsetMinutes}`);
    return this.db.isMysql
      ? `DATE_FORMAT(DATE_ADD(t.createdAt, INTERVAL ${utcOffsetMinutes} MINUTE), '%Y-%m-%d')`
      : `date(t.createdAt, '${utcOffsetMinutes >= 0 ? '+' : ''}${utcOffsetMinutes} minutes')`;
  }

  private async counters(communityId: number, from: Date, to: Date, now: Date, groupBy: string | null): Promise<{ key: unknown; c: Counters }[]> {
    const qb: SelectQueryBuilder<Ticket> = this.db.manager
      .createQueryBuilder(Ticket, 't')
      .select(groupBy ?? "'all'", 'grp')
      .where('t.communityId = :communityId AND t.createdAt >= :from AND t.createdAt < :to', { communityId, from, to })
      .setParameter('now', now);
    for (const [name, sql] of Object.entries(COUNTER_SQL)) qb.addSelect(sql, name);
    if (groupBy) qb.groupBy(groupBy);
    const rows = await qb.getRawMany<Record<string, unknown>>();
    return rows
      .filter((r) => Number(r.total) > 0)
      .map((r) => ({
        key: groupBy ? r.grp : 'all',
        c: Object.fromEntries(Object.keys(COUNTER_SQL).map((k) => [k, Number(r[k] ?? 0)])) as unknown as Counters,
      }));
  }

  private async authorise(user: AuthUser, communityId: number): Promise<CommunityPlace> {
    const community = await this.places.communityPlace(communityId);
    if (!community) throw Errors.notFound('社区');
    if (!user.overseesCommunity(community)) throw Errors.forbidden('不能查看其他社区的数据，请选择您所在的社区');
    return community;
  }
}
