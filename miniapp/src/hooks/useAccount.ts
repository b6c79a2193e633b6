/** The account: login with consent, profile, phone, my data, 注销, moving out. */
import { PRIVACY_POLICY_VERSION, type AccountExport, type LoginResult, type MeView } from '@linli/shared'
import { clearReportDraft } from '../services/report-draft'
import { api } from '../services/request'
import { saveSession } from '../services/session'
import { useResource } from './useResource'

/** /api/me of a WeChat user: nickname, avatar, the own phone whole, a pending staff claim. */
export type AccountView = MeView

export function wechatLogin(code: string): Promise<LoginResult> {
  return api('POST /auth/wechat-login', { body: { code, consentVersion: PRIVACY_POLICY_VERSION }, anonymous: true, quiet: true })
}

export function updateProfile(change: { nickname?: string; avatarFileId?: number }): Promise<AccountView> {
  return api('PUT /me/profile', { body: change, quiet: true })
}

/**
 * The phone proven through WeChat. When it claims a staff-created account at once (a resident's), that
 * record is now this login: the answer carries its session, which replaces ours.
 */
export async function verifyPhone(code: string): Promise<AccountView> {
  const answer = await api('POST /me/phone', { body: { code }, quiet: true })
  if (answer.login) saveSession(answer.login)
  return answer.me
}

/** Everything Linli holds about me (PIPL art. 45), as the server sends it. */
export function useMyData() {
  return useResource(() => api('GET /me/export'), [])
}

/** 注销: the account goes, and with it what the phone kept for it (an unsent report's draft). */
export async function deleteAccount(userId: number | null): Promise<unknown> {
  const answer = await api('DELETE /me', { quiet: true })
  if (userId !== null) clearReportDraft(userId)
  return answer
}

/** 搬离: end my own household binding (or withdraw a pending request). */
export function leaveHousehold(): Promise<unknown> {
  return api('DELETE /bindings/mine')
}

/** A binding as the export lists it: the household's label, and why it was rejected or ended. */
export interface PastBinding {
  householdLabel: string
  status: string
  reason: string | null
  createdAt: string
}

/** The newest of my bindings, whatever its state; null when there is none. */
export function newestBinding(data: Pick<AccountExport, 'bindings'> | { bindings?: PastBinding[] } | null): PastBinding | null {
  const rows: PastBinding[] = data?.bindings ?? []
  return rows.reduce<PastBinding | null>((newest, b) => (!newest || b.createdAt > newest.createdAt ? b : newest), null)
}

/**
 * /api/me names only a pending or approved household, so a rejection (or a binding that ended) is read from
 * my data, where every binding is kept with its reason. Only asked when /api/me names no household.
 */
export function useLastBinding(enabled: boolean) {
  return useResource(async () => newestBinding(await api('GET /me/export', { quiet: true })), [], enabled)
}
