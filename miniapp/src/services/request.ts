/**
 * The one request module: base URL, token (kept, refreshed near expiry, 401 → login),
 * errors turned into a readable Chinese toast from the API's `message`, Idempotency-Key on submits.
 * Pages and hooks call `api('GET /tickets/{id}', { params: { id } })`: what each operation takes and
 * answers is typed by the shared contract (`Endpoints` in @linli/shared), which the server is tested against.
 */
import Taro from '@tarojs/taro'
import type { ApiError, ApiErrorCode, Endpoints, JsonOperation, Operation, UploadedFile } from '@linli/shared'
import { API_BASE, IS_H5, LOGIN_PAGE } from './config'
import { ERROR_MESSAGES } from './messages'
import { clearSession, getSession, saveSession } from './session'
/** Refresh the token once less than this share of its life is left (an active user never meets the login page). */
export const REFRESH_WHEN_LEFT = 0.5
/** ...and in any case when less than this is left. */
export const REFRESH_MARGIN_MS = 10 * 60_000

/** The API's codes, and the app's own for no answer at all (NETWORK) or one not in the error shape (HTTP_502...). */
export type RequestErrorCode = ApiErrorCode | 'NETWORK' | `HTTP_${number}`

export class ApiRequestError extends Error {
  constructor(
    public readonly statusCode: number,
    public readonly code: RequestErrorCode,
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

/** No answer: offline, or (what WeChat's and the browser's timeouts say) too slow. */
export function noAnswer(failure?: unknown): ApiRequestError {
  const f = failure as { errMsg?: string; type?: string } | undefined
  const slow = /time ?out/i.test(`${f?.errMsg ?? ''} ${f?.type ?? ''}`)
  return new ApiRequestError(0, 'NETWORK', slow ? ERROR_MESSAGES.timeout : ERROR_MESSAGES.network)
}

type QueryValue = string | number | boolean | null | undefined
/** Arrays go as one comma-separated value (e.g. several statuses). */
type Query = Record<string, QueryValue | readonly (string | number)[]>

interface RequestOptions {
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
    .map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v] as const)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return `${API_BASE}${path}${params.length ? `?${params.join('&')}` : ''}`
}

export function toApiError(statusCode: number, body: unknown): ApiRequestError {
  const b = (typeof body === 'string' ? safeJson(body) : body) as Partial<ApiError> | null
  const message = typeof b?.message === 'string' && b.message ? b.message : ERROR_MESSAGES.unavailable
  return new ApiRequestError(statusCode, b?.code || `HTTP_${statusCode}`, message, b?.requestId)
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

export function showError(err: unknown): void {
  const message = err instanceof Error && err.message ? err.message : ERROR_MESSAGES.unavailable
  Taro.showToast({ title: message, icon: 'none', duration: 3000 })
}

let leavingForLogin = false
/** The token is gone or refused: back to the login page, not into a broken one. */
export function goToLogin(): void {
  const hadSession = getSession() !== null
  clearSession()
  if (leavingForLogin) return
  leavingForLogin = true
  if (hadSession) Taro.showToast({ title: ERROR_MESSAGES.sessionExpired, icon: 'none', duration: 2000 })
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
  refreshing ??= send<Answer<'POST /auth/refresh'>>('POST', buildUrl('/api/auth/refresh'), {}, { Authorization: `Bearer ${session.token}` })
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
  } catch (failure) {
    throw noAnswer(failure)
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T
  throw toApiError(res.statusCode, res.data)
}

interface Prefetched {
  token: string
  /** The parsed answer, or null for anything but a 2xx. */
  answer: Promise<unknown>
}

/**
 * H5: index.html asks for GET /api/me before the bundle has arrived. The first call of that path with
 * the same token takes its answer (once); anything else, or a failed answer, goes to the server as usual.
 */
export function takePrefetched(path: string, token: string | undefined, store: { __linliPrefetch?: Record<string, Prefetched> } | undefined = IS_H5 && API_BASE === '' ? (window as never) : undefined): Promise<unknown> | null {
  const early = store?.__linliPrefetch?.[path]
  if (!early) return null
  delete store!.__linliPrefetch![path]
  return early.token === token ? early.answer : null
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, data, idempotencyKey, quiet, anonymous } = options
  if (!anonymous) await ensureFreshToken()
  const header: Record<string, string> = {}
  const session = anonymous ? null : getSession()
  if (!anonymous && !session) {
    // Nobody is logged in: no point asking the server, go and log in.
    goToLogin()
    throw new ApiRequestError(401, 'UNAUTHENTICATED', ERROR_MESSAGES.sessionExpired)
  }
  if (session) header.Authorization = `Bearer ${session.token}`
  if (idempotencyKey) header['Idempotency-Key'] = idempotencyKey
  const early = method === 'GET' && !query ? takePrefetched(path, session?.token) : null
  const answer = early && (await early)
  if (answer) return answer as T
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

type Method = NonNullable<RequestOptions['method']>
type Fields<K extends JsonOperation> = Pick<Endpoints[K], Extract<keyof Endpoints[K], 'params' | 'query' | 'body'>>
/** The operation's path parameters, query and body, as the contract names them, and how to send it. */
export type CallOptions<K extends JsonOperation> = Fields<K> & Omit<RequestOptions, 'method' | 'query' | 'data'>
/** What the operation answers on success. */
export type Answer<K extends JsonOperation> = Endpoints[K] extends { response: infer R } ? R : never
// The options may be left out only when the operation needs no input.
type CallArgs<K extends JsonOperation> = {} extends CallOptions<K> ? [options?: CallOptions<K>] : [options: CallOptions<K>]

/** Calls one operation of the API, e.g. `api('POST /tickets/{id}/rate', { params: { id }, body: { rating } })`. */
export function api<K extends JsonOperation>(operation: K, ...[options]: CallArgs<K>): Promise<Answer<K>> {
  const [method, template] = operation.split(' ') as [Method, string]
  const { params, query, body, ...rest } = (options ?? {}) as { params?: Record<string, string | number>; query?: object; body?: unknown } & RequestOptions
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params?.[name])))
  return request<Answer<K>>(`/api${path}`, { ...rest, method, query: query as Query | undefined, data: body })
}

/** A file to upload: the local path WeChat gives, and on H5 the browser's File as well. */
export interface LocalFile {
  path: string
  file?: Blob
  /** Shown to the user, and the multipart file name (WeChat's temp paths lose it). */
  name?: string
  /** In bytes, when the picker says. */
  size?: number
}

const UPLOAD_TIMEOUT_MS = 60_000

function settleUpload<T>(statusCode: number, data: unknown, resolve: (answer: T) => void, reject: (e: unknown) => void) {
  const body = typeof data === 'string' ? safeJson(data) : data
  if (statusCode >= 200 && statusCode < 300 && body) return resolve(body as T)
  const err = toApiError(statusCode, body)
  if (err.statusCode === 401) goToLogin()
  reject(err)
}

/** On H5 the File goes up as it is (a blob: URL would have to be fetched first, which a strict CSP forbids). */
function uploadBrowserFile<T>(url: string, local: LocalFile & { file: Blob }, fields: Record<string, string>, token: string | null, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.timeout = UPLOAD_TIMEOUT_MS
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(Math.round((e.loaded / e.total) * 100))
    xhr.onload = () => settleUpload(xhr.status, xhr.responseText, resolve, reject)
    xhr.onerror = xhr.ontimeout = (e) => reject(noAnswer(e))
    const form = new FormData()
    for (const [k, v] of Object.entries(fields)) form.append(k, v)
    form.append('file', local.file, local.name || (local.file as File).name || 'photo.jpg')
    xhr.send(form)
  })
}

/** POST a multipart form: the file in `file`, the other fields as text. Errors are thrown, not shown. */
async function postMultipart<T>(path: string, local: LocalFile, fields: Record<string, string>, onProgress?: (percent: number) => void): Promise<T> {
  await ensureFreshToken()
  const session = getSession()
  const url = buildUrl(path)
  if (IS_H5 && local.file) return uploadBrowserFile<T>(url, { ...local, file: local.file }, fields, session?.token ?? null, onProgress)
  return new Promise<T>((resolve, reject) => {
    const task = Taro.uploadFile({
      url,
      filePath: local.path,
      name: 'file',
      formData: fields,
      timeout: UPLOAD_TIMEOUT_MS,
      header: session ? { Authorization: `Bearer ${session.token}` } : {},
      success: (res) => settleUpload(res.statusCode, res.data, resolve, reject),
      fail: (failure) => reject(noAnswer(failure)),
    })
    task?.onProgressUpdate?.((p) => onProgress?.(p.progress))
  })
}

/** POST /api/files (multipart field `file`), reporting progress in percent. */
export function uploadFile(photo: LocalFile, onProgress?: (percent: number) => void): Promise<UploadedFile> {
  return postMultipart<UploadedFile>('/api/files', photo, {}, onProgress)
}

/** The operations that take a file (multipart) and answer JSON. */
type MultipartOperation = { [K in JsonOperation]: Endpoints[K] extends { multipart: string } ? K : never }[JsonOperation]
type MultipartFields<K extends MultipartOperation> = Endpoints[K] extends { body: infer B } ? B : Record<string, never>

/**
 * Calls an operation that takes a file, e.g. `apiUpload('POST /ledger/import', file, { communityId, dryRun: true })`:
 * the fields go as text beside the file (undefined ones left out). Errors are thrown for the caller to show.
 */
export function apiUpload<K extends MultipartOperation>(operation: K, local: LocalFile, fields: MultipartFields<K>, onProgress?: (percent: number) => void): Promise<Answer<K>> {
  const path = operation.split(' ')[1]
  const text = Object.fromEntries(
    Object.entries(fields as Record<string, string | number | boolean | undefined>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  )
  return postMultipart<Answer<K>>(`/api${path}`, local, text, onProgress)
}

/** The downloads: GET operations that answer a file. */
export type DownloadOperation = { [K in Operation]: K extends `GET ${string}` ? (Endpoints[K] extends { binary: string } ? K : never) : never }[Operation]
type DownloadQuery<K extends DownloadOperation> = Endpoints[K] extends { query: infer Q } ? Q : Record<string, never>

/** The browser saves the answer under `fileName` (an <a download> on an object URL). */
function downloadInBrowser(url: string, fileName: string, token: string | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('GET', url)
    xhr.responseType = 'blob'
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.onload = async () => {
      const blob = xhr.response as Blob
      if (xhr.status < 200 || xhr.status >= 300) return settleUpload(xhr.status, await blob.text(), () => undefined, reject)
      const href = URL.createObjectURL(blob)
      const link = document.createElement('a')
      link.href = href
      link.download = fileName
      document.body.appendChild(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(href), 60_000)
      resolve()
    }
    xhr.onerror = xhr.ontimeout = (e) => reject(noAnswer(e))
    xhr.send()
  })
}

/** WeChat downloads to a temp file and opens it (a spreadsheet: WeChat's viewer, which can forward or save it). */
async function downloadInWechat(url: string, fileName: string, token: string | null): Promise<void> {
  let res: Taro.downloadFile.FileSuccessCallbackResult
  try {
    res = await Taro.downloadFile({ url, header: token ? { Authorization: `Bearer ${token}` } : {} })
  } catch (failure) {
    throw noAnswer(failure)
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    let body: unknown = null
    try {
      body = Taro.getFileSystemManager().readFileSync(res.tempFilePath, 'utf8')
    } catch {
      // no readable body: the status says enough
    }
    const err = toApiError(res.statusCode, body)
    if (err.statusCode === 401) goToLogin()
    throw err
  }
  const fileType = fileName.split('.').pop() as 'xlsx'
  await Taro.openDocument({ filePath: res.tempFilePath, fileType, showMenu: true })
}

/** Downloads a file the API answers (`download('GET /exports/ledger.xlsx', { communityId }, '台账.xlsx')`); an error is shown and thrown. */
export async function download<K extends DownloadOperation>(operation: K, query: DownloadQuery<K>, fileName: string): Promise<void> {
  await ensureFreshToken()
  const token = getSession()?.token ?? null
  const url = buildUrl(`/api${operation.split(' ')[1]}`, query as Query)
  try {
    await (IS_H5 ? downloadInBrowser(url, fileName, token) : downloadInWechat(url, fileName, token))
  } catch (err) {
    if (!(err instanceof ApiRequestError && err.statusCode === 401)) showError(err)
    throw err
  }
}

/** An absolute URL for an image the API returned (relative on the same origin). */
export function fileUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${API_BASE}${url}`
}
