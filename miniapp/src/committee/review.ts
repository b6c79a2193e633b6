/** The committee's reviews: binding requests (住户审核), staff claims by phone (身份确认) and held texts (内容审核). */
import type { BindingListItem, ClaimView, ContentHoldView } from '@linli/shared'
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

/** 内容审核: which text of a matter or profile is held, as staff read it. */
const HELD_FIELD_LABELS: Record<string, string> = {
  description: '问题描述',
  ratingComment: '评价内容',
  nickname: '昵称',
  resolutionNote: '办结说明',
  reason: '理由',
}

/** Why the server held it (ContentHoldView.reason). */
const HOLD_REASON_LABELS: Record<string, string> = {
  review: '微信内容安全建议人工复核',
  unavailable: '提交时内容安全检查不可用',
  no_recent_visit: '作者近期未在微信中打开小程序，无法检查',
  not_configured: '未接入内容安全检查',
}

/** "报事 20261123-000007 的问题描述", or "住户的昵称" for a text outside any matter. */
export function heldTextTitle(hold: Pick<ContentHoldView, 'field' | 'ticketCode' | 'ticketId'>): string {
  const field = HELD_FIELD_LABELS[hold.field] ?? hold.field
  if (hold.ticketId === null) return `住户的${field}`
  return `报事 ${hold.ticketCode ?? `#${hold.ticketId}`} 的${field}`
}

export function holdReasonLabel(reason: string): string {
  return HOLD_REASON_LABELS[reason] ?? reason
}

/** The server answers oldest first (at most 200); the committee reads the newest first, like the other reviews. */
export function useHeldTexts(communityId: number | null) {
  return useResource(async () => newestFirst((await api('GET /content-holds', { query: { communityId: communityId! } })).items), [communityId], communityId !== null)
}

export function releaseHeldText(id: number) {
  return api('POST /content-holds/{id}/release', { params: { id } })
}
