/**
 * The one request module: base URL, token (kept, refreshed near expiry, 401 → login),
 * errors turned into a readable Chinese toast from the API's `message`, Idempotency-Key on submits.
 */
import Taro from '@tarojs/taro'
import type { ApiError, LoginResult } from '@linli/shared'
import { API_BASE, IS_H5, LOGIN_PAGE } from './config'
import { clearSession, getSession, saveSession } from './session'

export const NETWORK_ERROR_MESSAGE = '网络不给力，请检查网络后重试'
const FALLBACK_ERROR_MESSAGE = '服务暂时不可用，请稍后再试'
const SESSION_EXPIRED_MESSAGE = '登录已过期，请重新登录'
/** Refresh the token once less than this share of its life is left (an active user never meets the login page). */
export const REFRESH_WHEN_LEFT = 0.5
/** ...and in any case when less than this is left. */
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
  const hadSession = getSession() !== null
  clearSession()
  if (leavingForLogin) return
  leavingForLogin = true
  if (hadSession) Taro.showToast({ title: SESSION_EXPIRED_MESSAGE, icon: 'none', duration: 2000 })
  Promise.resolve(Taro.reLaunch({ url: LOGIN_PAGE })).finally(() => {
    leavingForLogin = false
  })
}

let refreshing: Promise<void> | null = null

/** Swap the token for a fresh one when it is close to expiry; concurrent callers share one refresh. */
export async function ensureFreshToken(now: number = Date.now()): Promise<void> {
  const session = getSession()
  if (!session) return
  const expires = new Date(session.expiresAt).getTime()
  const left = expires - now
  const life = session.receivedAt ? expires - new Date(session.receivedAt).getTime() : 0
  const due = left <= REFRESH_MARGIN_MS || (life > 0 && left <= life * REFRESH_WHEN_LEFT)
  if (!due || left <= 0) return // still fresh, or already expired (the server says 401)
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
  let res: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>
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
  if (!anonymous && !session) {
    // Nobody is logged in: no point asking the server, go and log in.
    goToLogin()
    throw new ApiRequestError(401, 'UNAUTHENTICATED', SESSION_EXPIRED_MESSAGE)
  }
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

/** A photo to upload: the local path WeChat gives, and on H5 the browser's File as well. */
export interface LocalPhoto {
  path: string
  file?: Blob
}

const UPLOAD_TIMEOUT_MS = 60_000

function settleUpload(statusCode: number, data: unknown, resolve: (f: UploadedFile) => void, reject: (e: unknown) => void) {
  const body = typeof data === 'string' ? safeJson(data) : data
  if (statusCode >= 200 && statusCode < 300 && body) return resolve(body as UploadedFile)
  const err = toApiError(statusCode, body)
  if (err.statusCode === 401) goToLogin()
  reject(err)
}

/** On H5 the File goes up as it is (a blob: URL would have to be fetched first, which a strict CSP forbids). */
function uploadBrowserFile(file: Blob, token: string | null, onProgress?: (percent: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', buildUrl('/api/files'))
    xhr.timeout = UPLOAD_TIMEOUT_MS
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(Math.round((e.loaded / e.total) * 100))
    xhr.onload = () => settleUpload(xhr.status, xhr.responseText, resolve, reject)
    xhr.onerror = xhr.ontimeout = () => reject(new ApiRequestError(0, 'NETWORK', NETWORK_ERROR_MESSAGE))
    const form = new FormData()
    form.append('file', file, (file as File).name || 'photo.jpg')
    xhr.send(form)
  })
}

/** POST /api/files (multipart field `file`), reporting progress in percent. */
export async function uploadFile(photo: LocalPhoto, onProgress?: (percent: number) => void): Promise<UploadedFile> {
  await ensureFreshToken()
  const session = getSession()
  if (IS_H5 && photo.file) return uploadBrowserFile(photo.file, session?.token ?? null, onProgress)
  return new Promise<UploadedFile>((resolve, reject) => {
    const task = Taro.uploadFile({
      url: buildUrl('/api/files'),
      filePath: photo.path,
      name: 'file',
      timeout: UPLOAD_TIMEOUT_MS,
      header: session ? { Authorization: `Bearer ${session.token}` } : {},
      success: (res) => settleUpload(res.statusCode, res.data, resolve, reject),
      fail: () => reject(new ApiRequestError(0, 'NETWORK', NETWORK_ERROR_MESSAGE)),
    })
    task?.onProgressUpdate?.((p) => onProgress?.(p.progress))
  })
}

/** An absolute URL for an image the API returned (relative on the same origin). */
export function fileUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${API_BASE}${url}`
}
