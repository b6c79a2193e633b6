/** 消息: what happened to my matters (accepted, resolved, reopened...), newest first. */
import type { NotificationView, UserView } from '@linli/shared'
import { api } from '../services/request'
import { hasRole } from '../services/session'
import { usePagedList } from './usePagedList'
import { useResource } from './useResource'

export function useNotifications() {
  return usePagedList((page, pageSize) => api('GET /notifications', { query: { page, pageSize } }), [])
}

export function useUnreadCount(enabled = true) {
  return useResource(() => api('GET /notifications', { query: { unread: true, page: 1, pageSize: 1 }, quiet: true }).then((r) => r.unread), [], enabled)
}

export function markRead(id: number): Promise<NotificationView> {
  return api('POST /notifications/{id}/read', { params: { id } })
}

/** Where a matter opens for this user: the resident's page, the worker's, or the committee's. */
export function ticketPageFor(user: UserView | null | undefined, ticketId: number): string {
  if (hasRole(user, 'resident')) return `/pages/ticket/index?id=${ticketId}`
  if (hasRole(user, 'grid_worker') || hasRole(user, 'partner')) return `/worker/ticket/index?id=${ticketId}`
  if (hasRole(user, 'committee_member')) return `/committee/ticket/index?id=${ticketId}`
  return `/pages/ticket/index?id=${ticketId}`
}

/**
 * Where a notification opens: its matter on the page of the reader's role, its booking (the holder and the
 * grid worker who booked it read the same page), or for a help request the grid worker's 代办 list.
 */
export function notificationPage(user: UserView | null | undefined, n: Pick<NotificationView, 'type' | 'ticketId' | 'bookingId'>): string | null {
  if (n.ticketId) return ticketPageFor(user, n.ticketId)
  if (n.bookingId) return `/pages/booking/index?id=${n.bookingId}`
  if (n.type === 'booking_help_requested') return '/worker/book-for/index'
  return null
}
