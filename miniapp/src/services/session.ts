/** The logged-in user's token, kept in storage so a restart does not log them out. */
import Taro from '@tarojs/taro'
import type { LoginResult, Role, UserView } from '@linli/shared'

const SESSION_KEY = 'linli.session'

export interface Session {
  token: string
  expiresAt: string
  /** When this phone got the token: with expiresAt, how long it was given for. */
  receivedAt?: string
  user: UserView
}

export function getSession(): Session | null {
  try {
    const stored = Taro.getStorageSync(SESSION_KEY)
    return stored && typeof stored === 'object' && stored.token ? (stored as Session) : null
  } catch {
    return null
  }
}

export function saveSession(login: LoginResult, now: Date = new Date()): Session {
  const session: Session = { token: login.token, expiresAt: login.expiresAt, receivedAt: now.toISOString(), user: login.user }
  Taro.setStorageSync(SESSION_KEY, session)
  return session
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY)
}

export function hasRole(user: UserView | null | undefined, role: Role): boolean {
  return !!user?.roles.some((r) => r.role === role)
}

/** The community a user acts for: the first role that names one. */
export function communityIdOf(user: UserView | null | undefined): number | null {
  return user?.roles.find((r) => r.communityId != null)?.communityId ?? null
}
