/** 报事: tickets of the caller (mine / assigned / community), one ticket, and what may be done to it. */
import { useCallback } from 'react'
import type { CreateTicketRequest, Endpoints, JsonOperation, NearbyTicket, Page, TicketAction, TicketDetail, TicketListQuery, TicketScope, TicketSummary } from '@linli/shared'
import { api, type Answer } from '../services/request'
import { usePagedList } from './usePagedList'
import { useResource } from './useResource'

type Single<T> = T extends readonly unknown[] ? never : T

/** The list's filters as a page holds them: one value of the query's field, or '' for all. */
export type TicketFilters = { [F in 'status' | 'categoryId' | 'gridId']?: Single<TicketListQuery[F]> | '' } & Pick<TicketListQuery, 'overdue' | 'uncategorised'>

export function fetchTickets(scope: TicketScope, filters: TicketFilters, page: number, pageSize: number): Promise<Page<TicketSummary>> {
  return api('GET /tickets', {
    query: {
      scope,
      status: filters.status || undefined,
      categoryId: filters.categoryId || undefined,
      uncategorised: filters.uncategorised || undefined,
      gridId: filters.gridId || undefined,
      overdue: filters.overdue || undefined,
      page,
      pageSize,
    },
  })
}

export function useTicketList(scope: TicketScope, filters: TicketFilters = {}, enabled = true) {
  return usePagedList((page, pageSize) => fetchTickets(scope, filters, page, pageSize), [scope, filters.status, filters.categoryId, filters.uncategorised, filters.gridId, filters.overdue], { enabled })
}

export function fetchTicket(id: number): Promise<TicketDetail> {
  return api('GET /tickets/{id}', { params: { id } })
}

/** 报事. A network failure throws and the caller retries with the same key. */
export function createTicket(body: CreateTicketRequest, idempotencyKey: string): Promise<TicketDetail> {
  return api('POST /tickets', { body, idempotencyKey, quiet: true })
}

export function fetchNearby(lat: number, lng: number, categoryId: number): Promise<NearbyTicket[]> {
  return api('GET /tickets/nearby', { query: { lat, lng, categoryId }, quiet: true })
}

/** 附议: "me too" on a matter already reported. */
export function followTicket(id: number): Promise<TicketDetail> {
  return api('POST /tickets/{id}/follow', { params: { id } })
}

/** Who the ticket may be dispatched or transferred to. */
export function fetchHandlers(id: number) {
  return api('GET /tickets/{id}/handlers', { params: { id } })
}

/** The state machine's actions that a person fires (auto_close is the server's own). */
export type BodyAction = { [A in TicketAction]: `POST /tickets/{id}/${A}` extends JsonOperation ? A : never }[TicketAction]
type ActionOperation<A extends BodyAction> = Extract<`POST /tickets/{id}/${A}`, JsonOperation>
/** What each action sends: its contract entry's body (accept and cancel send none). */
export type ActionBodies = { [A in BodyAction]: Endpoints[ActionOperation<A>] extends { body: infer B } ? B : undefined }
type ActionAnswer = Answer<ActionOperation<BodyAction>>

// Every action's entry takes the ticket's id and that action's body (typed per action by ActionBodies) and answers the ticket.
const callAction = api as unknown as (operation: ActionOperation<BodyAction>, options: { params: { id: number }; body?: unknown }) => Promise<ActionAnswer>

export function runTicketAction<A extends BodyAction>(id: number, action: A, body?: ActionBodies[A]): Promise<ActionAnswer> {
  return callAction(`POST /tickets/{id}/${action}` as ActionOperation<A>, { params: { id }, body })
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
