import { Inject, Injectable } from '@nestjs/common';
import {
  DELIVERY_STATUSES,
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_NAMES,
  localDate,
  localDayRange,
  type DeliveryCounts,
  type DeliveryStatus,
  type NotificationDeliveryStats,
  type NotificationKind,
  type NotificationRecipient,
  type NotificationSubscriptions,
} from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { PlacesService } from '../places/places.service.js';
import { resolveDays, type DayRange } from '../stats/stats.service.js';
import { Notification } from './notification.entity.js';
import { templateFor } from './subscribe-templates.js';

/** The taps where the app asks for subscriptions, and whom the person is then to WeChat's notices. */
export const SUBSCRIBE_TAPS = { report: 'reporter', accept: 'handler', book: 'holder' } as const satisfies Record<string, NotificationRecipient>;
export type SubscribeTap = keyof typeof SUBSCRIBE_TAPS;

/** WeChat shows at most three templates in one subscription request. */
const MAX_TEMPLATES_PER_REQUEST = 3;

// Written out; `satisfies` and the return type hold it to DELIVERY_STATUSES both ways.
const zero = (): DeliveryCounts => ({ pending: 0, sending: 0, sent: 0, skipped: 0, failed: 0, unknown: 0 }) satisfies Record<DeliveryStatus, number>;

/** Which templates to ask for, and what became of the notices sent with them. */
@Injectable()
export class DeliveryStatsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PlacesService) private readonly places: PlacesService,
  ) {}

  /**
   * The templates of the kinds this person will be told of after the tap (a reporter: accepted,
   * resolved…; a handler: new dispatches, ratings, reopenings…), in the order the kinds are listed,
   * each once, at most three. From the one configuration: the app keeps no list of its own.
   */
  subscriptions(tap: SubscribeTap): NotificationSubscriptions {
    const role = SUBSCRIBE_TAPS[tap];
    const ids: string[] = [];
    for (const kind of NOTIFICATION_KIND_NAMES) {
      if (!(NOTIFICATION_KINDS[kind].recipients as readonly NotificationRecipient[]).includes(role)) continue;
      const id = templateFor(this.config.wechat.templates, kind)?.id;
      if (id && !ids.includes(id)) ids.push(id);
    }
    return { templateIds: ids.slice(0, MAX_TEMPLATES_PER_REQUEST) };
  }

  /** Outcomes per kind of the notices about a community's matters written over its local days. */
  async deliveryStats(user: AuthUser, communityId: number, q: DayRange): Promise<NotificationDeliveryStats> {
    const community = await this.places.communityPlace(communityId);
    if (!community) throw Errors.notFound('社区');
    if (!user.overseesCommunity(community)) throw Errors.forbidden('不能查看其他社区的数据，请选择您所在的社区');
    const days = resolveDays(q, localDate(this.clock.now(), community.utcOffsetMinutes));
    const { start, end } = localDayRange(days.from, days.to, community.utcOffsetMinutes);
    const rows = await this.db.manager
      .createQueryBuilder(Notification, 'n')
      .select('n.type', 'kind')
      .addSelect('n.deliveryStatus', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('n.communityId = :communityId AND n.createdAt >= :start AND n.createdAt < :end', { communityId, start, end })
      .groupBy('n.type')
      .addGroupBy('n.deliveryStatus')
      .getRawMany<{ kind: string; status: string; n: string | number }>();
    const byKind = new Map<string, DeliveryCounts>();
    const total = zero();
    for (const r of rows) {
      const counts = byKind.get(r.kind) ?? zero();
      byKind.set(r.kind, counts);
      if (!(DELIVERY_STATUSES as readonly string[]).includes(r.status)) continue;
      counts[r.status as keyof DeliveryCounts] += Number(r.n);
      total[r.status as keyof DeliveryCounts] += Number(r.n);
    }
    const kinds = [...NOTIFICATION_KIND_NAMES.filter((k) => byKind.has(k)), ...[...byKind.keys()].filter((k) => !(NOTIFICATION_KIND_NAMES as string[]).includes(k)).sort()];
    return {
      communityId,
      from: days.from,
      to: days.to,
      byKind: kinds.map((kind) => ({ kind, label: NOTIFICATION_KINDS[kind as NotificationKind]?.label ?? kind, ...byKind.get(kind)! })),
      total,
    };
  }
}
