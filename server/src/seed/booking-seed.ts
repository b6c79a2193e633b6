import type { EntityManager } from 'typeorm';
import { DEFAULT_UTC_OFFSET_MINUTES, addLocalDays, localDate, startOfLocalDay, type BookingStatus, type EligibilityRule, type Rating, type ServiceFamily, type ServiceMode, type WeeklySlotRule } from '@linli/shared';
import { generateScheduledSlots } from '../bookings/catalogue.service.js';
import { Booking, BookingEvent, VolunteerHourEntry } from '../bookings/entities/booking.entities.js';
import { ServiceItem, ServiceSlot } from '../bookings/entities/catalogue.entities.js';
import type { Community } from '../places/entities/places.entities.js';

export interface CatalogueSeed {
  family: ServiceFamily;
  name: string;
  organisationId: number | null;
  place: string;
  description: string;
  documents?: string[];
  duration?: string;
  eligibility?: EligibilityRule[];
  mode?: ServiceMode;
  advanceDays?: number;
  cancelCutoffMinutes?: number;
  perPersonLimit?: number;
  perHouseholdLimit?: number;
  volunteerPlaces?: number;
  volunteerMinutes?: number;
  hoursPrice?: number;
  weekly?: WeeklySlotRule[];
}

const weekdays = (start: string, end: string, capacity: number, days = [1, 2, 3, 4, 5], volunteerCapacity?: number): WeeklySlotRule[] =>
  days.map((weekday) => ({ weekday, start, end, capacity, ...(volunteerCapacity !== undefined ? { volunteerCapacity } : {}) }));

/** The catalogue of each community: every family, the providers of the demo district (青山 six services, 梦·家园's 点菜). */
export function catalogueOf(community: 'qhj' | 'ghc', orgs: { property: number; serviceCentre: number; clinic: number; lawyer: number }): CatalogueSeed[] {
  const hall = community === 'qhj' ? '青和居社区党群服务中心一楼大厅' : '钢花村社区服务大厅';
  const common: CatalogueSeed[] = [
    {
      family: 'government',
      name: '老年人优待证办理',
      organisationId: null,
      place: hall,
      description: '年满60周岁的本社区居民办理老年人优待证，当场审核，10个工作日后到社区领取。',
      documents: ['本人身份证原件', '户口簿', '近期一寸免冠照片1张'],
      duration: '约15分钟',
      eligibility: ['residents', 'age_60_plus'],
      cancelCutoffMinutes: 60,
      weekly: weekdays('09:00', '09:30', 3).concat(weekdays('10:00', '10:30', 3)),
    },
    {
      family: 'living',
      name: community === 'qhj' ? '家电维修上门' : '下水管道疏通',
      organisationId: orgs.property,
      place: '上门服务（预约后师傅电话联系）',
      description: '物业维修师傅上门检修，材料费按价目表另计。',
      duration: '约1小时',
      cancelCutoffMinutes: 120,
      weekly: weekdays('14:00', '16:00', 2, [1, 3, 5]),
    },
    {
      family: 'legal',
      name: '法律咨询（一社区一法律顾问）',
      organisationId: orgs.lawyer,
      place: community === 'qhj' ? '青和居社区法律服务室' : '钢花村社区调解室',
      description: '社区法律顾问免费解答婚姻家庭、劳动、邻里纠纷等法律问题，每人约20分钟。',
      documents: ['与问题有关的材料（合同、票据等）'],
      duration: '约20分钟',
      weekly: [{ weekday: 3, start: '14:00', end: '14:30', capacity: 1 }, { weekday: 3, start: '14:30', end: '15:00', capacity: 1 }, { weekday: 3, start: '15:00', end: '15:30', capacity: 1 }],
    },
    {
      family: 'culture',
      name: community === 'qhj' ? '书法班' : '广场舞培训',
      organisationId: orgs.serviceCentre,
      place: community === 'qhj' ? '青和居社区活动室（二楼）' : '钢花村文化广场',
      description: '社区服务中心老师授课，笔墨纸张由社区提供；招募志愿者协助签到和维持秩序。',
      eligibility: [],
      perPersonLimit: 2,
      perHouseholdLimit: 3,
      volunteerPlaces: 1,
      volunteerMinutes: 120,
      weekly: weekdays('09:30', '11:00', community === 'qhj' ? 8 : 10, [2, 4, 6], 1),
    },
    {
      family: 'care',
      name: '长者饭堂午餐',
      organisationId: null,
      place: community === 'qhj' ? '社区好味到大食堂' : '钢花村长者食堂',
      description: '60周岁以上居民午餐，一荤两素一汤；可用爱心银行志愿时长兑换（每餐1小时）。',
      eligibility: ['residents', 'age_60_plus'],
      advanceDays: 3,
      cancelCutoffMinutes: 180,
      hoursPrice: 60,
      weekly: weekdays('11:30', '12:30', 12, [1, 2, 3, 4, 5, 6, 7]),
    },
    {
      family: 'venue',
      name: '议事厅使用预约',
      organisationId: null,
      place: community === 'qhj' ? '青和居社区议事厅' : '钢花村社区议事厅',
      description: '居民议事、楼栋会议使用，限20人，用后请恢复桌椅。',
      duration: '2小时',
      perHouseholdLimit: 1,
      weekly: weekdays('19:00', '21:00', 1),
    },
  ];
  if (community === 'qhj') {
    common.push(
      {
        family: 'care',
        name: '四点半学校',
        organisationId: orgs.serviceCentre,
        place: '青和居社区四点半课堂',
        description: '放学后到家长下班前的看护与作业辅导，面向有中小学生的家庭。',
        eligibility: ['residents', 'households_with_children'],
        weekly: weekdays('16:30', '18:00', 15),
      },
      {
        family: 'venue',
        name: '开心农场菜地认领',
        organisationId: null,
        place: '青和居小区东侧开心农场',
        description: '每户认领一块菜地，一季有效，到期后重新认领。',
        mode: 'units',
        advanceDays: 30,
        cancelCutoffMinutes: 1440,
        perHouseholdLimit: 1,
      },
    );
  }
  return common;
}

interface SeedContext {
  now: Date;
  communities: { qhj: Community; ghc: Community };
  orgs: { property: number; serviceCentre: number; clinic: number; lawyer: number };
  /** A seeded person's id by name, and each resident's household. */
  person: (name: string) => number;
  householdOf: Map<number, number>;
  provider: number;
}

/**
 * 预约's demo: both communities' catalogues, a week of slots from today (from each item's schedule), and some
 * past and present bookings in every state, with their timeline, so the roster, 我的预约 and the figures
 * show something true.
 */
export async function seedBookings(em: EntityManager, ctx: SeedContext): Promise<void> {
  const { now } = ctx;
  const offset = DEFAULT_UTC_OFFSET_MINUTES;
  const items: Record<'qhj' | 'ghc', ServiceItem[]> = { qhj: [], ghc: [] };
  for (const key of ['qhj', 'ghc'] as const) {
    for (const c of catalogueOf(key, ctx.orgs)) {
      const item = em.create(ServiceItem, {
        communityId: ctx.communities[key].id,
        family: c.family,
        name: c.name,
        organisationId: c.organisationId,
        place: c.place,
        description: c.description,
        documents: c.documents ?? [],
        duration: c.duration ?? null,
        eligibility: c.eligibility ?? ['residents'],
        mode: c.mode ?? 'slots',
        advanceDays: c.advanceDays ?? 7,
        cancelCutoffMinutes: c.cancelCutoffMinutes ?? 60,
        perPersonLimit: c.perPersonLimit ?? 1,
        perHouseholdLimit: c.perHouseholdLimit ?? 2,
        volunteerPlaces: c.volunteerPlaces ?? 0,
        volunteerMinutes: c.volunteerMinutes ?? 0,
        hoursPrice: c.hoursPrice ?? null,
        schedule: c.weekly ?? [],
        scheduledUntil: null,
        active: true,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.save(item);
      await generateScheduledSlots(em, item, offset, now);
      items[key].push(item);
    }
  }
  // The garden plots: one season, from the first of next month, 20 plots.
  const garden = items.qhj.find((i) => i.mode === 'units')!;
  const today = localDate(now, offset);
  const seasonStart = startOfLocalDay(addLocalDays(`${today.slice(0, 8)}01`, 40).slice(0, 8) + '01', offset);
  await em.insert(ServiceSlot, slotRow(garden, seasonStart, new Date(seasonStart.getTime() + 89 * 86_400_000), 20, 0, offset, now));

  // History: last week's classes and meals in 钢花村, attended, rated, missed, cancelled; a volunteer's hours.
  const [classItem, mealItem] = [items.ghc.find((i) => i.family === 'culture')!, items.ghc.find((i) => i.name === '长者饭堂午餐')!];
  const r = ctx.person;
  const past = async (item: ServiceItem, daysAgo: number, start: string, end: string, capacity: number, people: { userId: number; status: BookingStatus; rating?: Rating; role?: 'volunteer' }[]) => {
    const day = addLocalDays(today, -daysAgo);
    const at = (hhmm: string) => new Date(startOfLocalDay(day, offset).getTime() + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000);
    const slot = em.create(ServiceSlot, slotRow(item, at(start), at(end), capacity, item.volunteerPlaces, offset, new Date(at(start).getTime() - 5 * 86_400_000)));
    await em.insert(ServiceSlot, slot);
    await bookingsOn(em, slot, item, people, ctx.provider, ctx.householdOf);
  };
  await past(classItem, 5, '09:30', '11:00', 10, [
    { userId: r('陈志强'), status: 'attended', rating: 'satisfied' },
    { userId: r('黄晓燕'), status: 'attended', rating: 'basically_satisfied' },
    { userId: r('郭丽'), status: 'attended' },
    { userId: r('林海'), status: 'no_show' },
    { userId: r('罗敏'), status: 'cancelled' },
    { userId: r('韩磊'), status: 'attended', role: 'volunteer' },
  ]);
  await past(classItem, 3, '09:30', '11:00', 10, [
    { userId: r('陈志强'), status: 'attended', rating: 'satisfied' },
    { userId: r('林海'), status: 'no_show' },
    { userId: r('胡建平'), status: 'attended', rating: 'unsatisfied' },
    { userId: r('董小红'), status: 'expired' },
  ]);
  await past(mealItem, 2, '11:30', '12:30', 12, [
    { userId: r('何桂英'), status: 'attended', rating: 'satisfied' },
    { userId: r('高振华'), status: 'attended' },
  ]);
  // Now: the next class with places booked, and the next meal full, with an offer out and someone waiting.
  const next = async (item: ServiceItem, people: { userId: number; status: BookingStatus }[]) => {
    const slot = await em.createQueryBuilder(ServiceSlot, 's').where('s.serviceId = :id AND s.startsAt > :soon', { id: item.id, soon: new Date(now.getTime() + 5 * 3_600_000) }).orderBy('s.startsAt', 'ASC').getOne();
    if (slot) await bookingsOn(em, slot, item, people, ctx.provider, ctx.householdOf, now);
  };
  await next(classItem, [{ userId: r('黄晓燕'), status: 'booked' }, { userId: r('郭丽'), status: 'booked' }]);
  await next(mealItem, [{ userId: r('宋德福'), status: 'booked' }, { userId: r('谢春花'), status: 'offered' }, { userId: r('唐秀珍'), status: 'waiting' }]);
}

function slotRow(item: ServiceItem, startsAt: Date, endsAt: Date, capacity: number, volunteerCapacity: number, offset: number, createdAt: Date): Partial<ServiceSlot> {
  return { serviceId: item.id, communityId: item.communityId, startsAt, endsAt, localDate: localDate(startsAt, offset), capacity, taken: 0, volunteerCapacity, volunteerTaken: 0, closedAt: null, closedReason: null, movedAt: null, createdAt };
}

const HOLDING: BookingStatus[] = ['booked', 'offered', 'attended', 'no_show'];

/** Bookings on a slot as they would have come about, with their timeline, the slot's counts and a volunteer's hours. */
async function bookingsOn(
  em: EntityManager,
  slot: ServiceSlot,
  item: ServiceItem,
  people: { userId: number; status: BookingStatus; rating?: Rating; role?: 'volunteer' }[],
  providerId: number,
  householdOf: Map<number, number>,
  now?: Date,
): Promise<void> {
  const bookedAt = now ?? new Date(slot.startsAt.getTime() - 2 * 86_400_000);
  let taken = 0;
  let volunteers = 0;
  for (const [i, p] of people.entries()) {
    const role = p.role ?? 'participant';
    const at = new Date(bookedAt.getTime() + i * 60_000);
    const b = em.create(Booking, {
      slotId: slot.id,
      serviceId: item.id,
      communityId: item.communityId,
      userId: p.userId,
      householdId: householdOf.get(p.userId) ?? null,
      bookedById: null,
      createdById: p.userId,
      role,
      status: p.status,
      live: p.status === 'cancelled' || p.status === 'expired' ? null : 1,
      joinedAt: at,
      offerExpiresAt: p.status === 'offered' ? new Date(Math.min(at.getTime() + 120 * 60_000, slot.startsAt.getTime())) : null,
      slotMovedAt: null,
      checkInCode: String(100000 + slot.id * 37 + i).slice(-6),
      checkedInAt: p.status === 'attended' ? new Date(slot.startsAt.getTime() - 10 * 60_000) : null,
      cancelledAt: p.status === 'cancelled' ? new Date(at.getTime() + 86_400_000) : null,
      rating: p.rating ?? null,
      ratingComment: p.rating === 'unsatisfied' ? '老师来晚了二十分钟' : null,
      ratingCommentHeld: false,
      ratedAt: p.rating ? slot.endsAt : null,
      paidMinutes: 0,
      remindedAt: null,
      idempotencyKey: null,
      requestHash: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    await em.insert(Booking, b);
    const events: Partial<BookingEvent>[] = [{ bookingId: b.id, type: p.status === 'waiting' || p.status === 'offered' || p.status === 'expired' ? 'waiting' : 'booked', actorId: p.userId, note: null, at }];
    if (p.status === 'offered') events.push({ bookingId: b.id, type: 'offered', actorId: null, note: null, at });
    if (p.status === 'cancelled') events.push({ bookingId: b.id, type: 'cancelled', actorId: p.userId, note: null, at: b.cancelledAt! });
    if (p.status === 'expired') events.push({ bookingId: b.id, type: 'expired', actorId: null, note: null, at: slot.startsAt });
    if (p.status === 'attended') events.push({ bookingId: b.id, type: 'checked_in', actorId: providerId, note: null, at: b.checkedInAt! });
    if (p.status === 'no_show') events.push({ bookingId: b.id, type: 'no_show', actorId: providerId, note: null, at: slot.endsAt });
    if (p.rating) events.push({ bookingId: b.id, type: 'rated', actorId: p.userId, note: null, at: slot.endsAt });
    await em.insert(BookingEvent, events);
    if (HOLDING.includes(p.status)) {
      if (role === 'volunteer') volunteers += 1;
      else taken += 1;
    }
    if (role === 'volunteer' && p.status === 'attended' && item.volunteerMinutes > 0) {
      await em.insert(VolunteerHourEntry, { userId: p.userId, minutes: item.volunteerMinutes, kind: 'earned', reason: `${item.name}志愿服务 ${slot.localDate.slice(5).replace('-', '月')}日`, bookingId: b.id, confirmedById: providerId, createdAt: b.checkedInAt! });
    }
  }
  // The meal slot with an offer and a waiting list is full: its capacity is what is taken.
  const full = people.some((p) => p.status === 'waiting' || p.status === 'offered');
  await em.update(ServiceSlot, { id: slot.id }, { taken, volunteerTaken: volunteers, ...(full ? { capacity: taken } : {}) });
}
