/** The committee's review of accounts: binding requests (住户审核) and staff claims by phone (身份确认). */
import type { BindingListItem, ClaimView } from '@linli/shared'
import { useResource } from '../hooks/useResource'
import { api } from '../services/request'

export type PendingClaim = ClaimView

/** A binding request as the committee lists it: who asked (phone masked by the server) and for which household. */
export type PendingBinding = BindingListItem

/** Newest first, whatever order the answer came in. */
export function newestFirst<T extends { createdAt: string; id: number }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
}

export function usePendingBindings() {
  return useResource(async () => newestFirst(await api('GET /bindings', { query: { status: 'pending' } })), [])
}

export function approveBinding(id: number) {
  return api('POST /bindings/{id}/approve', { params: { id } })
}

export function rejectBinding(id: number, reason: string) {
  return api('POST /bindings/{id}/reject', { params: { id }, body: { reason } })
}

export function usePendingClaims() {
  return useResource(async () => newestFirst(await api('GET /claims', { query: { status: 'pending' } })), [])
}

export function confirmClaim(id: number) {
  return api('POST /claims/{id}/confirm', { params: { id } })
}

export function rejectClaim(id: number, reason: string) {
  return api('POST /claims/{id}/reject', { params: { id }, body: { reason } })
}
