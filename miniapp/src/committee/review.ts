/** The committee's review of accounts: binding requests (住户审核) and staff claims by phone (身份确认). */
import type { BindingListItem } from '@linli/shared'
import { useResource } from '../hooks/useResource'
import type { PendingClaim } from '../services/pending-contract'
import { api } from '../services/request'

export type { PendingClaim }

/** A binding request as the committee lists it; issue 9 adds the phone (masked by the server), the household and a reason. */
export type PendingBinding = BindingListItem & { phone?: string | null; householdLabel?: string; reason?: string | null }

/** Newest first, whatever order the answer came in. */
export function newestFirst<T extends { createdAt: string; id: number }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
}

export function usePendingBindings() {
  return useResource(async () => newestFirst((await api('GET /bindings', { query: { status: 'pending' } })) as PendingBinding[]), [])
}

export function approveBinding(id: number) {
  return api('POST /bindings/{id}/approve', { params: { id } })
}

export function rejectBinding(id: number, reason: string) {
  // The reason is required by issue 9; the shared contract on this branch does not list the body yet.
  return api('POST /bindings/{id}/reject', { params: { id }, body: { reason } } as never)
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
