/** Answers Taro.request by "METHOD /path" (query ignored), and records what was sent. */
import { vi } from 'vitest'
import Taro from '@tarojs/taro'
import type { TicketDetail } from '@linli/shared'
import { saveSession } from '../src/services/session'

type Handler = (call: { url: string; data: any; header: Record<string, string> }) => unknown
export type Routes = Record<string, Handler | object>

type Call = { url: string; method: string; data: any; header: Record<string, string> }

function answerFrom(routes: Routes) {
  return async (call: Call) => {
    const path = call.url.split('?')[0]
    const route = routes[`${call.method} ${path}`]
    if (!route) return { statusCode: 404, data: { code: 'NOT_FOUND_ROUTE', message: `no fake for ${call.method} ${path}` } }
    const data = typeof route === 'function' ? await route(call) : route
    if (data instanceof Error) throw data
    if (data && typeof data === 'object' && 'statusCode' in data && 'code' in data) return { statusCode: (data as any).statusCode, data }
    return { statusCode: 200, data }
  }
}

export function fakeApi(routes: Routes) {
  const request = Taro.request as unknown as ReturnType<typeof vi.fn>
  request.mockImplementation(answerFrom(routes))
  return request
}

/** Taro.uploadFile answered from the same kind of routes: the multipart fields arrive as `data` (with `filePath`), as WeChat calls back. */
export function fakeUploads(routes: Routes) {
  const answer = answerFrom(routes)
  const upload = Taro.uploadFile as unknown as ReturnType<typeof vi.fn>
  upload.mockImplementation((opts: { url: string; formData?: Record<string, string>; filePath: string; header: Record<string, string>; success: (r: unknown) => void; fail: () => void }) => {
    answer({ url: opts.url, method: 'POST', data: { ...opts.formData, filePath: opts.filePath }, header: opts.header }).then(
      (res) => opts.success({ statusCode: res.statusCode, data: JSON.stringify(res.data) }),
      () => opts.fail(),
    )
    return { onProgressUpdate: () => undefined }
  })
  return upload
}

export function loginAs(roles: { role: string; communityId?: number }[], id = 1, name = '王秀英') {
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 86400_000).toISOString(),
    user: { id, name, phone: null, roles: roles.map((r) => ({ role: r.role as any, placeLevel: 'community', placeId: 1, placeName: '青和居社区', communityId: r.communityId ?? 1 })) },
  })
}

export function ticket(overrides: Partial<TicketDetail> = {}): TicketDetail {
  const now = Date.now()
  return {
    id: 7,
    code: '20261123-000007',
    status: 'dispatched',
    category: { id: 1, name: '环境卫生', icon: '🧹' },
    description: '1栋东侧垃圾桶满溢',
    communityId: 1,
    gridId: 1,
    gridName: '青和居第一网格',
    handler: { id: 5, name: '赵敏' },
    escalationLevel: 'grid',
    reopenCount: 0,
    followerCount: 0,
    acceptDueAt: new Date(now + 3600_000).toISOString(),
    resolveDueAt: new Date(now + 86400_000).toISOString(),
    overdue: false,
    createdAt: new Date(now - 60_000).toISOString(),
    updatedAt: new Date(now).toISOString(),
    version: 1,
    anonymous: false,
    reporter: { id: 1, name: '王秀英' },
    location: null,
    building: { id: 1, name: '青和居1栋' },
    photoUrls: [],
    resolutionNote: null,
    resolutionPhotoUrls: [],
    rating: null,
    ratingComment: null,
    rejectReason: null,
    duplicateOfId: null,
    following: false,
    allowedActions: [],
    timeline: [{ id: 1, type: 'submitted', actor: { id: 1, name: '王秀英', role: 'resident' }, note: null, photoUrls: [], at: new Date(now - 60_000).toISOString() }],
    ...overrides,
  }
}
