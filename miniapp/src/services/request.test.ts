import { describe, expect, it, vi } from 'vitest'
import Taro from '@tarojs/taro'
import { api, ApiRequestError, ensureFreshToken, takePrefetched } from './request'
import { createSubmissionKeys } from './idempotency'
import { getSession, saveSession } from './session'

const user = { id: 1, name: '王秀英', phone: null, roles: [] }
const request_ = Taro.request as unknown as ReturnType<typeof vi.fn>

const DAY = 24 * 3600_000

/** A token given for 7 days, of which `leftMs` are left. */
function login(leftMs = 7 * DAY, token = 'tok-1') {
  saveSession({ token, expiresAt: new Date(Date.now() + leftMs).toISOString(), user }, new Date(Date.now() + leftMs - 7 * DAY))
}

function answer(statusCode: number, data: unknown) {
  return { statusCode, data, header: {}, errMsg: 'request:ok' }
}

describe('api: the one way to call the API', () => {
  it('sends the token and the query, and returns the body', async () => {
    login()
    request_.mockResolvedValueOnce(answer(200, { items: [], total: 0 }))
    const page = await api('GET /tickets', { query: { scope: 'mine', status: undefined, page: 1 } })
    expect(page).toEqual({ items: [], total: 0 })
    const call = request_.mock.calls[0][0]
    expect(call.url).toBe('/api/tickets?scope=mine&page=1')
    expect(call.header.Authorization).toBe('Bearer tok-1')
    expect(call.method).toBe('GET')
  })

  it('puts path parameters into the path and sends several values of a field comma-separated', async () => {
    login()
    request_.mockResolvedValue(answer(200, {}))
    await api('GET /tickets/{id}', { params: { id: 42 } })
    await api('GET /tickets', { query: { scope: 'community', status: ['submitted', 'dispatched'], overdue: true } })
    expect(request_.mock.calls.map((c) => c[0].url)).toEqual(['/api/tickets/42', '/api/tickets?scope=community&status=submitted%2Cdispatched&overdue=true'])
  })

  it("shows the API's own Chinese message and throws its stable code", async () => {
    login()
    request_.mockResolvedValueOnce(answer(409, { statusCode: 409, code: 'TICKET_INVALID_STATE', message: '这件事已被其他网格员接单', requestId: 'r1' }))
    const err = (await api('POST /tickets/{id}/accept', { params: { id: 1 } }).catch((e) => e)) as ApiRequestError
    expect(request_.mock.calls[0][0]).toMatchObject({ url: '/api/tickets/1/accept', method: 'POST' })
    expect(err).toBeInstanceOf(ApiRequestError)
    expect(err.code).toBe('TICKET_INVALID_STATE')
    expect(err.requestId).toBe('r1')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '这件事已被其他网格员接单', icon: 'none' }))
  })

  it('stays quiet when the caller shows the error itself', async () => {
    login()
    request_.mockResolvedValueOnce(answer(400, { code: 'VALIDATION_FAILED', message: '描述不能为空' }))
    await expect(api('POST /tickets', { body: { categoryId: 1, description: '' }, quiet: true })).rejects.toThrow('描述不能为空')
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('turns a dropped connection into a network error that says to check the network', async () => {
    login()
    request_.mockRejectedValueOnce({ errMsg: 'request:fail' })
    const err = (await api('GET /me').catch((e) => e)) as ApiRequestError
    expect(err.isNetworkError).toBe(true)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不通，请检查网络后再试一次' }))
  })

  it('says a timeout was the network being slow, and still counts it as no answer (a submit may be resent)', async () => {
    login()
    request_.mockRejectedValueOnce({ errMsg: 'request:fail timeout' })
    const err = (await api('GET /me').catch((e) => e)) as ApiRequestError
    expect(err.isNetworkError).toBe(true)
    expect(err.message).toBe('网络太慢，没等到服务器回应，请检查网络后再试一次')
  })

  it('an answer not in the API error shape (a gateway 502 page) says to wait or ask the committee', async () => {
    login()
    request_.mockResolvedValueOnce(answer(502, '<html>Bad Gateway</html>'))
    const err = (await api('GET /me').catch((e) => e)) as ApiRequestError
    expect(err.code).toBe('HTTP_502')
    expect(err.message).toBe('服务暂时不可用，请过几分钟再试；一直不行请联系居委会')
  })

  it('shows the server message for 503 DB_UNAVAILABLE as it comes', async () => {
    login()
    request_.mockResolvedValueOnce(answer(503, { code: 'DB_UNAVAILABLE', message: '服务暂时连接不上数据库，请稍后再试', requestId: 'r1' }))
    await api('GET /me').catch(() => undefined)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务暂时连接不上数据库，请稍后再试' }))
  })

  it('a 401 forgets the token and goes back to the login page', async () => {
    login()
    request_.mockResolvedValueOnce(answer(401, { code: 'TOKEN_EXPIRED', message: '登录已过期' }))
    await expect(api('GET /me')).rejects.toThrow()
    expect(getSession()).toBeNull()
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })

  it('without a session it does not call the server at all, it goes to log in', async () => {
    await expect(api('GET /me')).rejects.toMatchObject({ statusCode: 401 })
    expect(request_).not.toHaveBeenCalled()
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })

  it('refreshes a token close to expiry once, however many requests are waiting, then uses the new one', async () => {
    login(5 * 60_000, 'old')
    request_.mockImplementation(async ({ url }) =>
      url.endsWith('/api/auth/refresh') ? answer(200, { token: 'new', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user }) : answer(200, {}),
    )
    await Promise.all([api('GET /me'), api('GET /categories')])
    const urls = request_.mock.calls.map((c) => c[0].url)
    expect(urls.filter((u) => u.endsWith('/api/auth/refresh'))).toHaveLength(1)
    const refresh = request_.mock.calls.find((c) => c[0].url.endsWith('/api/auth/refresh'))![0]
    expect(refresh.header.Authorization).toBe('Bearer old')
    expect(request_.mock.calls.filter((c) => !c[0].url.endsWith('refresh')).every((c) => c[0].header.Authorization === 'Bearer new')).toBe(true)
    expect(getSession()?.token).toBe('new')
  })

  it('refreshes once half of the token\'s life is gone, so an active user stays logged in', async () => {
    login(3 * DAY, 'old')
    request_.mockResolvedValue(answer(200, { token: 'new', expiresAt: new Date(Date.now() + 7 * DAY).toISOString(), user }))
    await ensureFreshToken()
    expect(getSession()?.token).toBe('new')
  })

  it('leaves a fresh token alone', async () => {
    login()
    request_.mockResolvedValue(answer(200, {}))
    await ensureFreshToken()
    expect(request_).not.toHaveBeenCalled()
  })

  it('sends the Idempotency-Key, the same one when a failed submit is retried', async () => {
    login()
    const keys = createSubmissionKeys()
    const body = { categoryId: 1, description: '垃圾桶满了没人清' }
    request_.mockRejectedValueOnce({ errMsg: 'request:fail' }).mockResolvedValueOnce(answer(201, { id: 9 }))
    await api('POST /tickets', { body, idempotencyKey: keys.keyFor(body), quiet: true }).catch(() => undefined)
    await api('POST /tickets', { body, idempotencyKey: keys.keyFor(body), quiet: true })
    const [first, second] = request_.mock.calls.map((c) => c[0].header['Idempotency-Key'])
    expect(first).toMatch(/^[0-9a-f-]{36}$/)
    expect(second).toBe(first)
  })
})

describe('submission keys', () => {
  it('keep one key per body until the submit goes through', () => {
    let n = 0
    const keys = createSubmissionKeys(() => `k${++n}`)
    expect(keys.keyFor({ a: 1 })).toBe('k1')
    expect(keys.keyFor({ a: 1 })).toBe('k1')
    expect(keys.keyFor({ a: 2 })).toBe('k2') // the form changed: a new matter
    keys.done()
    expect(keys.keyFor({ a: 2 })).toBe('k3')
  })
})

describe('takePrefetched: the /api/me that index.html asked for early', () => {
  const me = { id: 1, name: '王秀英' }
  const store = () => ({ __linliPrefetch: { '/api/me': { token: 'tok-1', answer: Promise.resolve(me) } } })

  it('gives its answer to the first call with the same token, and only once', async () => {
    const s = store()
    await expect(takePrefetched('/api/me', 'tok-1', s)).resolves.toBe(me)
    expect(takePrefetched('/api/me', 'tok-1', s)).toBeNull()
  })

  it('is not used for another token (a refresh came first) nor another path', () => {
    expect(takePrefetched('/api/me', 'tok-2', store())).toBeNull()
    expect(takePrefetched('/api/tickets', 'tok-1', store())).toBeNull()
    expect(takePrefetched('/api/me', 'tok-1', undefined)).toBeNull()
  })
})
