/** 预约 answers as the contract shapes them, for the page tests. */
import { localDate, type BookingDetail, type ServiceItemDetail, type SlotView } from '@linli/shared'

export const TODAY = localDate(new Date(), 480)

export function serviceItem(overrides: Partial<ServiceItemDetail> = {}): ServiceItemDetail {
  return {
    id: 3,
    communityId: 1,
    family: 'government',
    name: '老年证办理',
    provider: { kind: 'community', organisationId: null, name: '青和居社区居委会' },
    place: '社区服务大厅2号窗口',
    mode: 'slots',
    duration: '约15分钟',
    nextAvailableAt: null,
    active: true,
    description: '60周岁以上本社区居民办理老年证',
    documents: ['身份证原件', '一寸照片2张'],
    eligibility: ['residents', 'age_60_plus'],
    eligibilityText: '本社区居民、60周岁及以上',
    advanceDays: 7,
    cancelCutoffMinutes: 120,
    perPersonLimit: 1,
    perHouseholdLimit: 2,
    volunteerPlaces: 0,
    volunteerMinutes: 0,
    hoursPrice: null,
    canBook: true,
    cannotBook: null,
    canManage: false,
    ...overrides,
  }
}

/** A slot today, late in the evening so that it has not started whenever the test runs (local 23:00–23:30). */
export function slot(overrides: Partial<SlotView> = {}): SlotView {
  const startsAt = new Date(`${TODAY}T15:00:00Z`).toISOString()
  return {
    id: 11,
    serviceId: 3,
    startsAt,
    endsAt: new Date(`${TODAY}T15:30:00Z`).toISOString(),
    date: TODAY,
    capacity: 5,
    placesLeft: 1,
    waitingCount: 0,
    volunteerCapacity: 0,
    volunteerPlacesLeft: 0,
    closed: false,
    closedReason: null,
    movedAt: null,
    open: true,
    opensAt: new Date(`${TODAY}T00:00:00Z`).toISOString(),
    myBooking: null,
    ...overrides,
  }
}

export function booking(overrides: Partial<BookingDetail> = {}): BookingDetail {
  return {
    id: 21,
    status: 'booked',
    role: 'participant',
    service: { id: 3, name: '老年证办理', family: 'government', place: '社区服务大厅2号窗口', provider: { kind: 'community', organisationId: null, name: '青和居社区居委会' }, mode: 'slots' },
    // 2026-12-03 09:00–09:30 in Beijing (a Thursday)
    slot: { id: 11, startsAt: '2026-12-03T01:00:00.000Z', endsAt: '2026-12-03T01:30:00.000Z', date: '2026-12-03', movedAt: null, closed: false },
    communityId: 1,
    holder: { id: 1, name: '王秀英', phone: '138****8000' },
    bookedBy: null,
    waitingPosition: null,
    offerExpiresAt: null,
    cancelUntil: '2026-12-02T23:00:00.000Z',
    checkInCode: '482913',
    checkedInAt: null,
    rating: null,
    ratingComment: null,
    paidMinutes: 0,
    createdAt: '2026-12-01T02:00:00.000Z',
    cancelledAt: null,
    allowedActions: ['cancel'],
    timeline: [{ id: 1, type: 'booked', actor: { id: 1, name: '王秀英' }, note: null, at: '2026-12-01T02:00:00.000Z' }],
    ...overrides,
  }
}
