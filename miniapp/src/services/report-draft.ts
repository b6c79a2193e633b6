/**
 * A report not yet confirmed by the server survives the page and the app: the phone may lose its
 * network, or WeChat may close the mini-program, between typing and the server's answer. The draft
 * is kept on the phone per user, with the Idempotency-Key of a submit that went unanswered, so the
 * next tap resends it under the same key and the server still makes one matter of it.
 */
import Taro from '@tarojs/taro'

export interface ReportDraft {
  categoryId: number | null
  description: string
  buildingId: number | null
  location: { lat: number; lng: number; name: string } | null
  anonymous: boolean
  /** Photos already uploaded: the server keeps an unused upload for a day (FilesService), so they are dropped sooner. */
  photos: { fileId: number; url: string }[]
  /** The body and key of a submit the server did not confirm. */
  sent: { body: string; key: string } | null
  savedAt: string
}

const KEY = (userId: number) => `linli.reportDraft.${userId}`
/** Photos older than this are not offered again: the server may have removed them as unused. */
export const DRAFT_PHOTOS_HOURS = 20
/** A draft older than this is forgotten. */
export const DRAFT_DAYS = 7

/** Whether the person has put anything into the form (their own building, filled in for them, does not count). */
export function draftHasContent(d: Pick<ReportDraft, 'categoryId' | 'description' | 'location' | 'photos'>): boolean {
  return d.categoryId !== null || d.description.trim() !== '' || d.location !== null || d.photos.length > 0
}

export function saveReportDraft(userId: number, draft: Omit<ReportDraft, 'savedAt'>, now = new Date()): void {
  if (!draftHasContent(draft)) return clearReportDraft(userId)
  Taro.setStorageSync(KEY(userId), { ...draft, savedAt: now.toISOString() })
}

/** The user's draft as it may still be sent now: null when none, or too old; its photos dropped when they may be gone. */
export function loadReportDraft(userId: number, now = new Date()): ReportDraft | null {
  const d = Taro.getStorageSync(KEY(userId)) as ReportDraft | ''
  if (!d || typeof d !== 'object' || typeof d.savedAt !== 'string') return null
  const age = now.getTime() - new Date(d.savedAt).getTime()
  if (!(age >= 0 && age < DRAFT_DAYS * 86_400_000)) {
    clearReportDraft(userId)
    return null
  }
  if (age < DRAFT_PHOTOS_HOURS * 3_600_000) return d
  // Without its photos the body differs from what was sent, so an unanswered submit's key no longer applies.
  const rest = { ...d, photos: [], sent: null }
  return draftHasContent(rest) ? rest : null
}

export function clearReportDraft(userId: number): void {
  Taro.removeStorageSync(KEY(userId))
}
