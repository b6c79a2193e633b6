/**
 * The one request module: base URL, token (kept, refreshed near expiry, 401 → login),
 * errors turned into a readable Chinese toast from the API's `message`, Idempotency-Key on submits.
 */
import Taro from '@tarojs/taro'
import type { ApiError, LoginResult } from '@linli/shared'
import { API_BASE, LOGIN_PAGE } from './config'
import { clearSession, getSession, saveSession } from './session'

export const NETWORK_ERROR_MESSAGE = '网络不给力，请检查网络后重试'
const FALLBACK_ERROR_MESSAGE = '服务暂时不可用，请稍后再试'
const SESSION_EXPIRED_MESSAGE = '登录已过期，请重新登录'
/** Refresh the token when it has less than this left. */
export const REFRESH_MARGIN_MS = 10 * 60_000

export class ApiRequestError extends Error implements ApiError {
  constructor(
    public readonly statusCode: number,
    public readonly code: string,
    message: string,
    public readonly requestId?: string,
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }

  /** No answer at all (offline, timeout): the same submit may be retried with the same key. */
  get isNetworkError(): boolean {
    return this.statusCode === 0
  }
}

type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH'
  query?: Query
  data?: unknown
  /** Sent as Idempotency-Key: keep it across retries of one submission (see idempotency.ts). */
  idempotencyKey?: string
  /** The caller shows the error itself: no toast. */
  quiet?: boolean
  /** Login endpoints: no token, no refresh, a 401 does not mean "log in again". */
  anonymous?: boolean
}

export function buildUrl(path: string, query?: Query): string {
  const params = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return `${API_BASE}${path}${params.length ? `?${params.join('&')}` : ''}`
}

export function toApiError(statusCode: number, body: unknown): ApiRequestError {
  const b = (typeof body === 'string' ? safeJson(body) : body) as Partial<ApiError> | null
  const message = typeof b?.message === 'string' && b.message ? b.message : FALLBACK_ERROR_MESSAGE
  return new ApiRequestError(statusCode, b?.code || 'HTTP_' + statusCode, message, b?.requestId)
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

export function showError(err: unknown): void {
  const message = err instanceof Error && err.message ? err.message : FALLBACK_ERROR_MESSAGE
  Taro.showToast({ title: message, icon: 'none', duration: 3000 })
}

let leavingForLogin = false
/** The token is gone or refused: back to the login page, not into a broken one. */
export function goToLogin(): void {
  clearSession()
  if (leavingForLogin) return
  leavingForLogin = true
  Taro.showToast({ title: SESSION_EXPIRED_MESSAGE, icon: 'none', duration: 2000 })
  Promise.resolve(Taro.reLaunch({ url: LOGIN_PAGE })).finally(() => {
    leavingForLogin = false
  })
}

let refreshing: Promise<void> | null = null

/** Swap the token for a fresh one when it is close to expiry; concurrent callers share one refresh. */
export async function ensureFreshToken(now: number = Date.now()): Promise<void> {
  const session = getSession()
  if (!session) return
  const left = new Date(session.expiresAt).getTime() - now
  if (left > REFRESH_MARGIN_MS || left <= 0) return // still fresh, or already expired (the server says 401)
  refreshing ??= send<LoginResult>('POST', buildUrl('/api/auth/refresh'), {}, { Authorization: `Bearer ${session.token}` })
    .then((login) => {
      saveSession(login)
    })
    .catch(() => undefined) // a failed refresh leaves the old token: it is still valid for a while
    .finally(() => {
      refreshing = null
    })
  await refreshing
}

async function send<T>(method: string, url: string, data: unknown, header: Record<string, string>): Promise<T> {
  let res: Taro.request.SuccessCallbackResult<unknown>
  try {
    res = await Taro.request({
      url,
      method: method as keyof Taro.request.Method,
      data: method === 'GET' ? undefined : (data ?? {}),
      header: method === 'GET' ? header : { 'content-type': 'application/json', ...header },
      dataType: 'json',
    })
  } catch {
    throw new ApiRequestError(0, 'NETWORK', NETWORK_ERROR_MESSAGE)
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T
  throw toApiError(res.statusCode, res.data)
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, data, idempotencyKey, quiet, anonymous } = options
  if (!anonymous) await ensureFreshToken()
  const header: Record<string, string> = {}
  const session = anonymous ? null : getSession()
  if (session) header.Authorization = `Bearer ${session.token}`
  if (idempotencyKey) header['Idempotency-Key'] = idempotencyKey
  try {
    return await send<T>(method, buildUrl(path, query), data, header)
  } catch (err) {
    if (err instanceof ApiRequestError && err.statusCode === 401 && !anonymous) {
      goToLogin()
    } else if (!quiet) {
      showError(err)
    }
    throw err
  }
}

export interface UploadedFile {
  id: number | string
  url: string
  mimeType: string
  size: number
}

/** POST /api/files (multipart field `file`), reporting progress in percent. */
export function uploadFile(filePath: string, onProgress?: (percent: number) => void): Promise<UploadedFile> {
  return ensureFreshToken().then(
    () =>
      new Promise<UploadedFile>((resolve, reject) => {
        const session = getSession()
        const task = Taro.uploadFile({
          url: buildUrl('/api/files'),
          filePath,
          name: 'file',
          header: session ? { Authorization: `Bearer ${session.token}` } : {},
          success(res) {
            const body = typeof res.data === 'string' ? safeJson(res.data) : res.data
            if (res.statusCode >= 200 && res.statusCode < 300 && body) resolve(body as UploadedFile)
            else {
              const err = toApiError(res.statusCode, body)
              if (err.statusCode === 401) goToLogin()
              reject(err)
            }
          },
          fail() {
            reject(new ApiRequestError(0, 'NETWORK', NETWORK_ERROR_MESSAGE))
          },
        })
        task?.onProgressUpdate?.((p) => onProgress?.(p.progress))
      }),
  )
}

/** An absolute URL for an image the API returned (relative on the same origin). */
export function fileUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${API_BASE}${url}`
}
