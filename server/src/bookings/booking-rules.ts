import type { EntityManager } from 'typeorm';
import {
  ACTIVE_BOOKING_STATUSES,
  NO_SHOW_BLOCK_DAYS,
  NO_SHOW_WINDOW_DAYS,
  SERVICE_FAMILY_LABELS,
  eligibilityProblem,
  formatLocalDateTime,
  noShowBlockedUntil,
  type BookingBlock,
  type BookingRole,
  type LocalDate,
} from '@linli/shared';
import { AppError } from '../common/app-error.js';
import type { PersonAtHome } from './booking-access.js';
import { Booking } from './entities/booking.entities.js';
import { ServiceItem, ServiceSlot } from './entities/catalogue.entities.js';

const NEXT_STEP = /请|可以|可在|再试|联系|稍后/;
const withNextStep = (message: string, next: string) => (NEXT_STEP.test(message) ? message : `${message}，${next}`);

/**
 * Why this person may not book this item now, or null: the item paused, no home where the item asks for
 * residents, who the item is for (the ledger's birth years; children's only here, never shown), a no-show
 * block in the family, the per-person and per-household limits of bookings to come. Volunteers are held to
 * residency only. The same answer fills `cannotBook` on the item and refuses a booking.
 */
export async function bookingBlock(em: EntityManager, item: ServiceItem, person: PersonAtHome, role: BookingRole, now: Date, today: LocalDate, offset: number): Promise<BookingBlock | null> {
  if (!item.active) return { code: 'SERVICE_INACTIVE', message: '该服务已停用，暂不接受新的预约（已有的预约不受影响），请选择其他服务', until: null };
  const rules = role === 'volunteer' ? item.eligibility.filter((r) => r === 'residents') : item.eligibility;
  if (rules.includes('residents') && person.householdId === null) {
    return { code: 'HOUSEHOLD_REQUIRED', message: '预约本社区的服务需要先绑定住址，请在「我的」中绑定住址，或请网格员帮您预约', until: null };
  }
  const problem = eligibilityProblem(rules, person, item.communityId, today);
  if (problem) return { code: 'NOT_ELIGIBLE', message: withNextStep(problem.message, '可以选择其他服务，或联系社区居委会'), until: null };

  const since = new Date(now.getTime() - (NO_SHOW_WINDOW_DAYS + NO_SHOW_BLOCK_DAYS) * 86_400_000);
  const noShows = await em
    .createQueryBuilder(Booking, 'b')
    .innerJoin(ServiceSlot, 's', 's.id = b.slotId')
    .innerJoin(ServiceItem, 'i', 'i.id = b.serviceId')
    .select('s.endsAt', 'endsAt')
    .where("b.userId = :user AND b.status = 'no_show' AND i.family = :family AND s.endsAt > :since", { user: person.userId, family: item.family, since })
    .getRawMany<{ endsAt: Date | string }>();
  const until = noShowBlockedUntil(noShows.map((r) => toDate(r.endsAt)), now);
  if (until) {
    return {
      code: 'NO_SHOW_BLOCKED',
      message: `您近${NO_SHOW_WINDOW_DAYS}天内有3次预约未到场，${formatLocalDateTime(until, offset)}前不能预约${SERVICE_FAMILY_LABELS[item.family]}类服务；如有特殊情况请联系社区居委会`,
      until: until.toISOString(),
    };
  }
  if (role === 'participant') {
    const live = (column: 'userId' | 'householdId', value: number) =>
      em
        .createQueryBuilder(Booking, 'b')
        .innerJoin(ServiceSlot, 's', 's.id = b.slotId')
        .where("b.serviceId = :item AND b.role = 'participant' AND b.status IN (:...statuses) AND s.endsAt > :now", { item: item.id, statuses: ACTIVE_BOOKING_STATUSES, now })
        .andWhere(`b.${column} = :value`, { value })
        .getCount();
    const mine = await live('userId', person.userId);
    if (mine >= item.perPersonLimit) {
      return { code: 'BOOKING_LIMIT_REACHED', message: `您已有${mine}个待参加的「${item.name}」预约，每人最多${item.perPersonLimit}个，请参加或取消后再预约`, until: null };
    }
    if (person.householdId !== null) {
      const ours = await live('householdId', person.householdId);
      if (ours >= item.perHouseholdLimit) {
        return { code: 'BOOKING_LIMIT_REACHED', message: `您家已有${ours}个待参加的「${item.name}」预约，每户最多${item.perHouseholdLimit}个，请参加或取消后再预约`, until: null };
      }
    }
  }
  return null;
}

/** The refusal a block answers a booking with. */
export function blockError(block: BookingBlock): AppError {
  switch (block.code) {
    case 'HOUSEHOLD_REQUIRED':
      return new AppError(403, 'HOUSEHOLD_REQUIRED', block.message);
    case 'SERVICE_INACTIVE':
      return new AppError(409, 'SERVICE_INACTIVE', block.message);
    default:
      return new AppError(422, block.code, block.message);
  }
}

export function toDate(v: Date | string): Date {
  if (v instanceof Date) return v;
  // SQLite hands back 'YYYY-MM-DD HH:MM:SS.mmm' (UTC, as stored).
  return new Date(/Z$|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);
}

