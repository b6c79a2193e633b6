/**
 * Operations of issue 9 the app already calls whose entries are not in the shared contract
 * (shared/src/contract.ts) on this branch yet: the server's accounts and wechat work adds them there.
 * Shapes as agreed in the issue-9 API notes. Delete each entry here once the shared contract has it
 * (the compiler then reports any difference as a duplicate with another type).
 */
import type { LoginResult, MeView, Role, RoleAssignmentView } from '@linli/shared'

/** What /api/me adds for a WeChat user (issue 9). */
export interface AccountView extends MeView {
  phoneVerified?: boolean
  nickname?: string | null
  avatarUrl?: string | null
  /** A staff role claimed by phone waits for a committee member or officer to confirm it. */
  claim?: { id: number; status: 'pending'; roles: Role[] } | null
}

export interface PhoneVerifiedResult {
  me: AccountView
  /** Set when the phone claimed a staff-created record at once: that record is now this login. */
  login: LoginResult | null
}

export interface PendingClaim {
  id: number
  status: 'pending' | 'confirmed' | 'rejected'
  account: { id: number; name: string; phone: string | null; roles: RoleAssignmentView[] }
  claimant: { id: number; nickname: string | null; createdAt: string }
  reason: string | null
  createdAt: string
  decidedAt: string | null
}

declare module '@linli/shared' {
  interface WechatLoginRequest {
    /** The PRIVACY_POLICY_VERSION the user agreed to before this login. */
    consentVersion?: string
  }
  interface Endpoints {
    'PUT /me/profile': { body: { nickname?: string; avatarFileId?: number }; response: AccountView }
    'POST /me/phone': { body: { code: string }; response: PhoneVerifiedResult }
    'GET /me/export': { response: Record<string, unknown> }
    'DELETE /me': { response: void }
    'DELETE /bindings/mine': { response: unknown }
    'GET /claims': { query: { status?: 'pending' | 'confirmed' | 'rejected' }; response: PendingClaim[] }
    'POST /claims/{id}/confirm': { params: { id: number }; response: unknown }
    'POST /claims/{id}/reject': { params: { id: number }; body: { reason: string }; response: unknown }
    'GET /notifications/subscriptions': { query: { for: 'report' | 'accept' }; response: { templateIds: string[] } }
  }
}
