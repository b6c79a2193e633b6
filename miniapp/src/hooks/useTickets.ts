/** 报事: tickets of the caller (mine / assigned / community), one ticket, and what may be done to it. */
import { useCallback } from 'react'
import type { NearbyTicket, Page, RateRequest, RejectReason, TicketAction, TicketDetail, TicketStatus, TicketSummary } from '@linli/shared'
import { request } from '../services/request'
import { usePagedList } from './usePagedList'
import { useResource } from './useResource'

export type TicketScope = 'mine' | 'assigned' | 'community'

export interface TicketFilters {
  status?: TicketStatus | ''
  categoryId?: number | ''
  gridId?: number | ''
  overdue?: boolean
}

export function fetchTickets(scope: TicketScope, filters: TicketFilters, page: number, pageSize: number): Promise<Page<TicketSummary>> {
  return request<Page<TicketSummary>>('/api/tickets', {
    query: {
      scope,
      status: filters.status || undefined,
      categoryId: filters.categoryId || undefined,
      gridId: filters.gridId || undefined,
      overdue: filters.overdue ? 'true' : undefined,
      page,
      pageSize,
    },
  })
}

export function useTicketList(scope: TicketScope, filters: TicketFilters = {}, enabled = true) {
  return usePagedList((page, pageSize) => fetchTickets(scope, filters, page, pageSize), [scope, filters.status, filters.categoryId, filters.gridId, filters.overdue], { enabled })
}

export function fetchTicket(id: number): Promise<TicketDetail> {
  return request<TicketDetail>(`/api/tickets/${id}`)
}

export interface NewTicket {
  categoryId: number
  description: string
  photoIds?: (number | string)[]
  lat?: number
  lng?: number
  buildingId?: number
  anonymous?: boolean
}

/** 报事. A network failure throws and the caller retries with the same key. */
export function createTicket(body: NewTicket, idempotencyKey: string): Promise<TicketDetail> {
  return request<TicketDetail>('/api/tickets', { method: 'POST', data: body, idempotencyKey, quiet: true })
}

export function fetchNearby(lat: number, lng: number, categoryId: number): Promise<NearbyTicket[]> {
  return request<NearbyTicket[]>('/api/tickets/nearby', { query: { lat, lng, categoryId }, quiet: true })
}

/** 附议: "me too" on a matter already reported. */
export function followTicket(id: number): Promise<TicketDetail> {
  return request<TicketDetail>(`/api/tickets/${id}/follow`, { method: 'POST' })
}

export interface Handler {
  id: number
  name: string
  role: string
  gridName: string | null
  openCount: number
}

export function fetchHandlers(id: number): Promise<Handler[]> {
  return request<Handler[]>(`/api/tickets/${id}/handlers`)
}

/** The bodies the state machine's actions take. */
export interface ActionBodies {
  accept: undefined
  resolve: { note: string; photoIds?: (number | string)[] }
  return: { reason: string }
  transfer: { toUserId: number; reason: string }
  dispatch: { toUserId: number }
  reject: { reason: RejectReason; note?: string }
  cancel: undefined
  rate: RateRequest
}
export type BodyAction = keyof ActionBodies & TicketAction

export function runTicketAction<A extends BodyAction>(id: number, action: A, body?: ActionBodies[A]): Promise<TicketDetail> {
  return request<TicketDetail>(`/api/tickets/${id}/${action}`, { method: 'POST', data: body ?? {} })
}

/** One ticket, and its actions: each returns the ticket as it now is. */
export function useTicket(id: number | null) {
  const resource = useResource(() => fetchTicket(id as number), [id], id !== null)
  const { setData } = resource
  const act = useCallback(
    async <A extends BodyAction>(action: A, body?: ActionBodies[A]) => {
      const next = await runTicketAction(id as number, action, body)
      setData(next)
      return next
    },
    [id, setData],
  )
  return { ...resource, ticket: resource.data, act }
}
