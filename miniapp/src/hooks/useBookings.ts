/** 预约: the catalogue, an item's slots, the caller's bookings and what may be done to one, 代办 help requests, volunteer hours. */
import { useCallback } from 'react'
import type { BookingDetail, BookingsQuery, BookingHelpQuery, ClosureRequest, CreateBookingRequest, ServiceFamily, ServiceItemDetail, ServiceItemRequest, SlotEditRequest, SlotMoveRequest, SlotRequest, SlotsQuery, WeeklySlotRule } from '@linli/shared'
import { api, type Answer } from '../services/request'
import { usePagedList } from './usePagedList'
import { useResource } from './useResource'

export function useServices(filters: { family?: ServiceFamily | ''; q?: string; communityId?: number }, enabled = true) {
  const { family, q, communityId } = filters
  return useResource(() => api('GET /services', { query: { family: family || undefined, q: q?.trim() || undefined, communityId } }), [family, q, communityId], enabled)
}

/** The items of the caller's community that they manage (a partner: their organisation's; a committee member: all), in one request. */
export function useManagedServices() {
  return useResource(async () => (await api('GET /services', { query: {} })).filter((i) => i.canManage), [])
}

export function useService(id: number | null) {
  return useResource(() => api('GET /services/{id}', { params: { id: id as number } }), [id], id !== null)
}

/** 新建 (id null) or 编辑 an item. Quiet: the form shows the server's refusal in its own words. */
export function saveService(id: number | null, body: ServiceItemRequest): Promise<ServiceItemDetail> {
  return id === null ? api('POST /services', { body, quiet: true }) : api('PUT /services/{id}', { params: { id }, body, quiet: true })
}

export function useSchedule(serviceId: number | null) {
  return useResource(() => api('GET /services/{id}/schedule', { params: { id: serviceId as number } }), [serviceId], serviceId !== null)
}

/**
 * What the provider does to an item's schedule and slots. Each is quiet: the page says the server's refusal
 * (SLOT_CAPACITY_BELOW_TAKEN, SLOT_EXISTS, …) where the provider is looking.
 */
export const manage = {
  saveWeekly: (serviceId: number, weekly: WeeklySlotRule[]) => api('PUT /services/{id}/schedule', { params: { id: serviceId }, body: { weekly }, quiet: true }),
  closeDay: (serviceId: number, body: ClosureRequest) => api('POST /services/{id}/closures', { params: { id: serviceId }, body, quiet: true }),
  addSlot: (serviceId: number, body: SlotRequest) => api('POST /services/{id}/slots', { params: { id: serviceId }, body, quiet: true }),
  setCapacity: (slotId: number, body: SlotEditRequest) => api('PUT /slots/{id}', { params: { id: slotId }, body, quiet: true }),
  move: (slotId: number, body: SlotMoveRequest) => api('POST /slots/{id}/move', { params: { id: slotId }, body, quiet: true }),
  closeSlot: (slotId: number, reason: string) => api('POST /slots/{id}/close', { params: { id: slotId }, body: { reason }, quiet: true }),
  /** 停用 / 启用: off, the item leaves the catalogue and takes no new bookings; bookings made stay. */
  setActive: (serviceId: number, active: boolean) => api('PUT /services/{id}/active', { params: { id: serviceId }, body: { active }, quiet: true }),
}

/** An item's slots over local days (both included). */
export function useSlots(serviceId: number | null, range: SlotsQuery) {
  return useResource(() => api('GET /services/{id}/slots', { params: { id: serviceId as number }, query: range }), [serviceId, range.from, range.to], serviceId !== null)
}

/**
 * 预约 a place (or the waiting list, `join: 'waitlist'`), for oneself or, with `forUserId`, for a resident (代办).
 * Quiet: the page explains SLOT_FULL and the other refusals itself. The caller keeps the key across a retry.
 */
export function createBooking(body: CreateBookingRequest, idempotencyKey: string): Promise<BookingDetail> {
  return api('POST /bookings', { body, idempotencyKey, quiet: true })
}

export function useBookingList(scope: BookingsQuery['scope'], when: BookingsQuery['when'], enabled = true) {
  return usePagedList((page, pageSize) => api('GET /bookings', { query: { scope, when, page, pageSize } }), [scope, when], { enabled })
}

/** What a holder, a booker or a provider does to one booking; each answers the booking as it now is. */
export type BookingStep = 'cancel' | 'confirm' | 'check-in' | 'no-show'

export function runBookingStep(id: number, step: BookingStep): Promise<BookingDetail> {
  switch (step) {
    case 'cancel':
      return api('POST /bookings/{id}/cancel', { params: { id } })
    case 'confirm':
      return api('POST /bookings/{id}/confirm', { params: { id } })
    case 'check-in':
      return api('POST /bookings/{id}/check-in', { params: { id } })
    case 'no-show':
      return api('POST /bookings/{id}/no-show', { params: { id } })
  }
}

export function useBooking(id: number | null) {
  const resource = useResource(() => api('GET /bookings/{id}', { params: { id: id as number } }), [id], id !== null)
  const { setData } = resource
  const act = useCallback(
    async (step: BookingStep) => {
      const next = await runBookingStep(id as number, step)
      setData(next)
      return next
    },
    [id, setData],
  )
  const rate = useCallback(
    async (rating: BookingDetail['rating'] & string, comment: string) => {
      const next = await api('POST /bookings/{id}/rate', { params: { id: id as number }, body: { rating, ...(comment ? { comment } : {}) } })
      setData(next)
      return next
    },
    [id, setData],
  )
  return { ...resource, booking: resource.data, act, rate }
}

/** 签到 by the code the holder shows: typed, or read from their QR code. Quiet: the roster page says what went wrong. */
export function checkInByCode(slotId: number, code: string): Promise<BookingDetail> {
  return api('POST /bookings/check-in', { body: { slotId, code }, quiet: true })
}

export function useRoster(slotId: number | null) {
  return useResource(() => api('GET /slots/{id}/roster', { params: { id: slotId as number } }), [slotId], slotId !== null)
}

/** 请网格员帮我预约 (one tap); asking again while one is open answers the open one. */
export function askForBookingHelp(serviceId?: number): Promise<Answer<'POST /booking-help'>> {
  return api('POST /booking-help', { body: serviceId ? { serviceId } : {} })
}

export function useBookingHelp(scope: BookingHelpQuery['scope'], enabled = true) {
  return useResource(() => api('GET /booking-help', { query: { scope, ...(scope === 'grid' ? { status: 'open' as const } : {}) } }), [scope], enabled)
}

export function markHelpDone(id: number, bookingId?: number) {
  return api('POST /booking-help/{id}/done', { params: { id }, body: bookingId ? { bookingId } : {} })
}

export function withdrawHelp(id: number) {
  return api('POST /booking-help/{id}/withdraw', { params: { id } })
}

/** 爱心银行: shown beside other things (我的, 我的预约), so a failure hides it rather than interrupting with a toast. */
export function useVolunteerHours(enabled = true) {
  return useResource(() => api('GET /me/volunteer-hours', { quiet: true }), [], enabled)
}

export function useBookingStats(communityId: number | null, range: { from: string; to: string }) {
  return useResource(() => api('GET /stats/bookings', { query: { communityId: communityId as number, ...range } }), [communityId, range.from, range.to], communityId !== null)
}
