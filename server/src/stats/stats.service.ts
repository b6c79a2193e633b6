import { Inject, Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { TICKET_STATUSES, ratio, type StatsOverview, type StatsTrend, type StatsTrendPoint, type TicketStatus } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CategoriesService } from '../categories/categories.service.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { Community } from '../places/entities/places.entities.js';
import { PlacesService } from '../places/places.service.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';

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
const IN_P = "t.status NOT IN ('cancelled', 'rejected')";
const COUNTER_SQL: Record<keyof Counters, string> = {
  total: 'COUNT(*)',
  population: `SUM(CASE WHEN ${IN_P} THEN 1 ELSE 0 END)`,
  respondDue: `SUM(CASE WHEN ${IN_P} AND (t.firstAcceptedAt IS NOT NULL OR t.respondDueAt <= :now) THEN 1 ELSE 0 END)`,
  respondedOnTime: `SUM(CASE WHEN ${IN_P} AND t.firstAcceptedAt <= t.respondDueAt THEN 1 ELSE 0 END)`,
  resolved: `SUM(CASE WHEN t.status IN ('resolved', 'closed') THEN 1 ELSE 0 END)`,
  rated: `SUM(CASE WHEN ${IN_P} AND t.rating IN ('satisfied', 'basically_satisfied', 'unsatisfied') THEN 1 ELSE 0 END)`,
  satisfied: `SUM(CASE WHEN ${IN_P} AND t.rating IN ('satisfied', 'basically_satisfied') THEN 1 ELSE 0 END)`,
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

const ZERO = Object.fromEntries(Object.keys(COUNTER_SQL).map((k) => [k, 0])) as unknown as Counters;

@Injectable()
export class StatsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CategoriesService) private readonly categories: CategoriesService,
    @Inject(PlacesService) private readonly places: PlacesService,
  ) {}

  async overview(user: AuthUser, communityId: number, from: Date, to: Date): Promise<StatsOverview> {
    await this.authorise(user, communityId);
    const now = this.clock.now();
    const [all, byStatus, byCategory, byGrid] = await Promise.all([
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
        .getRawMany<{ categoryId: number; n: string }>(),
      this.counters(communityId, from, to, now, 't.gridId'),
    ]);
    const categories = await this.categories.all();
    const grids = await this.places.gridNames(byGrid.map((g) => (g.key === null ? null : Number(g.key))));
    return {
      communityId,
      from: from.toISOString(),
      to: to.toISOString(),
      total: all[0]?.c.total ?? 0,
      ...rates(all[0]?.c ?? ZERO),
      byStatus: Object.fromEntries(TICKET_STATUSES.map((s) => [s, Number(byStatus.find((r) => r.status === s)?.n ?? 0)])) as Record<TicketStatus, number>,
      byCategory: byCategory
        .map((r) => ({ categoryId: Number(r.categoryId), name: categories.get(Number(r.categoryId))?.name ?? '', count: Number(r.n) }))
        .sort((a, b) => b.count - a.count),
      byGrid: byGrid
        .map(({ key, c }) => ({ gridId: key === null ? null : Number(key), name: key === null ? '未划入网格' : (grids.get(Number(key)) ?? ''), count: c.total, ...rates(c) }))
        .sort((a, b) => (a.gridId ?? Infinity) - (b.gridId ?? Infinity)),
    };
  }

  async trend(user: AuthUser, communityId: number, from: Date, to: Date, bucket: 'day' | 'week' | 'month'): Promise<StatsTrend> {
    await this.authorise(user, communityId);
    const days = await this.counters(communityId, from, to, this.clock.now(), 'DATE(t.createdAt)');
    const buckets = new Map<string, Counters>();
    for (const { key, c } of days) {
      const start = bucketStart(String(key).slice(0, 10), bucket);
      buckets.set(start, add(buckets.get(start) ?? ZERO, c));
    }
    const points: StatsTrendPoint[] = [...buckets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([start, c]) => ({ start, total: c.total, ...rates(c) }));
    return { communityId, bucket, points };
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

  private async authorise(user: AuthUser, communityId: number): Promise<void> {
    const community = await this.db.manager.findOneBy(Community, { id: communityId });
    if (!community) throw Errors.notFound('社区');
    if (!user.overseesCommunity(community)) throw Errors.forbidden('不能查看其他社区的数据');
  }
}

/** First day (ISO date) of the day/week (Monday)/month containing `day`. */
export function bucketStart(day: string, bucket: 'day' | 'week' | 'month'): string {
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const d = new Date(`${day}T00:00:00Z`);
  const offset = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - offset);
  return d.toISOString().slice(0, 10);
}
