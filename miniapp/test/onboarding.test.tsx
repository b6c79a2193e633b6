import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { PRIVACY_POLICY_VERSION } from '@linli/shared'
import { fakeApi, loginAs } from './fakeApi'
import { WechatLogin } from '../src/pages/login/index'
import BindPage, { bindingStep } from '../src/pages/bind/index'
import HomePage, { missingStep } from '../src/pages/index/index'
import ReportPage from '../src/pages/report/index'
import MinePage, { homeStatus } from '../src/pages/mine/index'
import ProfilePage, { phoneCodeFrom } from '../src/pages/profile/index'
import { describeExport } from '../src/pages/mydata/index'
import { filterCommunities } from '../src/hooks/useHomeBinding'
import { newestBinding, verifyPhone, type AccountView } from '../src/hooks/useAccount'
import { currentConsent } from '../src/services/privacy'
import { getSession, saveSession } from '../src/services/session'
import { explainLoginFailure, testPhoneCode } from '../src/services/wechat'
import { maskPhone } from '../src/utils/format'

const login = vi.mocked(Taro.login)
const loginResult = { token: 'new', expiresAt: new Date(Date.now() + 86400_000).toISOString(), user: { id: 9, name: '微信用户', phone: null, roles: [{ role: 'resident', placeLevel: null, placeId: null, placeName: null, communityId: null }] } }
const tick = () => fireEvent.click(screen.getByLabelText('我已阅读并同意《用户协议》和《隐私政策》'))
/** A first login: a resident with no community, no household. */
const newUser = { id: 9, name: '微信用户', phone: null, roles: [{ role: 'resident', placeLevel: null, placeId: null, placeName: null, communityId: null }], household: null, building: null, grid: null, community: null }


describe('login: consent first, then wx.login, with the policy version', () => {
  it('nothing is sent until the box is ticked and agreed; then the code goes with consentVersion', async () => {
    const api = fakeApi({ 'POST /api/auth/wechat-login': loginResult })
    login.mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' } as never)
    render(<WechatLogin />)
    fireEvent.click(screen.getByText('微信一键登录'))
    await screen.findByText('邻里隐私保护提示')
    fireEvent.click(screen.getByText('同意并继续')) // unticked: refused
    expect(login).not.toHaveBeenCalled()
    expect(api).not.toHaveBeenCalled()
    tick()
    fireEvent.click(screen.getByText('同意并继续'))
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    expect(api.mock.calls[0][0].data).toEqual({ code: 'wx-code-1', consentVersion: '2026-12-02' })
    expect(getSession()?.token).toBe('new')
  })

  it('declining the sheet says login needs consent and sends nothing', async () => {
    const api = fakeApi({})
    render(<WechatLogin />)
    fireEvent.click(screen.getByText('微信一键登录'))
    fireEvent.click(await screen.findByText('拒绝'))
    expect(await screen.findByText('需要您同意《用户协议》和《隐私政策》后才能登录，请点“重试”并勾选同意')).toBeTruthy()
    expect(login).not.toHaveBeenCalled()
    expect(api).not.toHaveBeenCalled()
  })

  it('a failed Taro.login is explained, and 重试 logs in without asking for consent again', async () => {
    fakeApi({ 'POST /api/auth/wechat-login': loginResult })
    login.mockRejectedValueOnce({ errMsg: 'login:fail timeout' }).mockResolvedValueOnce({ code: 'wx-code-2', errMsg: 'login:ok' } as never)
    render(<WechatLogin />)
    fireEvent.click(screen.getByText('微信一键登录'))
    await screen.findByText('邻里隐私保护提示')
    tick()
    fireEvent.click(screen.getByText('同意并继续'))
    expect(await screen.findByText('网络不给力，没能连上微信。请检查网络后点“重试”。')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    expect(screen.queryByText('邻里隐私保护提示')).toBeNull()
  })

  it('CONSENT_REQUIRED (a newer policy on the server) forgets the old consent so the next tap asks again', async () => {
    fakeApi({ 'POST /api/auth/wechat-login': { statusCode: 400, code: 'CONSENT_REQUIRED', message: '请先阅读并同意最新的隐私政策' } })
    login.mockResolvedValue({ code: 'c', errMsg: 'login:ok' } as never)
    render(<WechatLogin />)
    fireEvent.click(screen.getByText('微信一键登录'))
    await screen.findByText('邻里隐私保护提示')
    tick()
    fireEvent.click(screen.getByText('同意并继续'))
    expect(await screen.findByText('请先阅读并同意最新的隐私政策')).toBeTruthy()
    expect(currentConsent()).toBeNull()
  })

  it('explains WeChat failures in words a resident can act on', () => {
    expect(explainLoginFailure('login:fail timeout')).toBe('网络不给力，没能连上微信。请检查网络后点“重试”。')
    expect(explainLoginFailure('login:fail system error')).toBe('微信登录没有成功（login:fail system error）。请稍后点“重试”；如果一直不行，请更新微信后再试。')
    expect(PRIVACY_POLICY_VERSION).toBe('2026-12-02')
  })
})

describe('finding one\'s home', () => {
  const communities = [
    { id: 1, name: '青和居社区', streetId: 1 },
    { id: 2, name: '百步亭 花园社区', streetId: 1 },
  ]

  it('searches communities by name, spaces ignored', () => {
    expect(filterCommunities(communities, '花园').map((c) => c.id)).toEqual([2])
    expect(filterCommunities(communities, '百步亭花园').map((c) => c.id)).toEqual([2])
    expect(filterCommunities(communities, ' ').map((c) => c.id)).toEqual([1, 2])
    expect(filterCommunities(communities, '碧水')).toEqual([])
  })

  it('the step is the first thing not chosen yet', () => {
    const c = communities[0]
    const b = { id: 3, name: '3栋', gridId: 1, communityId: 1, lat: null, lng: null }
    expect(bindingStep({ community: null, building: null, household: null })).toBe(0)
    expect(bindingStep({ community: c, building: null, household: null })).toBe(1)
    expect(bindingStep({ community: c, building: b, household: null })).toBe(2)
    expect(bindingStep({ community: c, building: b, household: { id: 5, label: '3栋1单元502' } })).toBe(3)
  })

  it('community → building → household → request; the server\'s refusal is shown on the page', async () => {
    loginAs([{ role: 'resident' }])
    let tries = 0
    const api = fakeApi({
      'GET /api/places/communities': communities,
      'GET /api/places/buildings': [{ id: 3, name: '青和居3栋', gridId: 1, communityId: 1 }],
      'GET /api/places/households': [{ id: 5, label: '3栋1单元502' }],
      'POST /api/bindings': () =>
        ++tries === 1 ? { statusCode: 422, code: 'BINDING_PENDING', message: '您已有一个待审核的绑定申请，请等待居委会审核，或在“我的”里撤回后重新申请' } : { id: 11, householdId: 5, communityId: 1, status: 'pending', createdAt: '2026-11-23T01:00:00Z' },
    })
    render(<BindPage />)
    fireEvent.change(await screen.findByPlaceholderText('输入社区名称查找'), { target: { value: '青和' } })
    expect(screen.queryByText('百步亭 花园社区')).toBeNull()
    fireEvent.click(screen.getByText('青和居社区'))
    fireEvent.click(await screen.findByText('青和居3栋'))
    fireEvent.click(await screen.findByText('3栋1单元502'))
    expect(api.mock.calls.map((c) => c[0].url)).toEqual(['/api/places/communities', '/api/places/buildings?communityId=1', '/api/places/households?buildingId=3'])
    fireEvent.click(screen.getByText('提交绑定申请'))
    expect(await screen.findByText('您已有一个待审核的绑定申请，请等待居委会审核，或在“我的”里撤回后重新申请')).toBeTruthy()
    fireEvent.click(screen.getByText('提交绑定申请'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交，等待居委会审核' })))
    expect(api.mock.calls.at(-1)![0].data).toEqual({ householdId: 5 })
  })
})

describe('a new user without a community: the missing step, never an error', () => {
  it('首页 shows 第一步：绑定住址 and asks nothing that needs a community', async () => {
    saveSession(loginResult as never) // as a first WeChat login answers: a resident role with no place
    const api = fakeApi({ 'GET /api/me': newUser, 'GET /api/tickets': { items: [], total: 0, page: 1, pageSize: 20 }, 'GET /api/notifications/unread-count': { count: 0 } })
    render(<HomePage />)
    expect(await screen.findByText('第一步：绑定住址')).toBeTruthy()
    expect(screen.getByText('绑定住址后可以看到本社区的公示')).toBeTruthy()
    fireEvent.click(screen.getByText('去绑定'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
    expect(api.mock.calls.map((c) => c[0].url.split('?')[0])).not.toContain('/api/public/tickets')
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('首页 shows a bound resident their grid workers, each a tap from a call', async () => {
    loginAs([{ role: 'resident' }])
    const bound = { id: 1, name: '王秀英', roles: [], phone: '13871000001', household: { id: 1, label: '青和居1栋1单元101', bindingStatus: 'approved' }, building: { id: 1, name: '青和居1栋' }, grid: { id: 1, name: '青和居第一网格' }, community: { id: 1, name: '青和居社区', utcOffsetMinutes: 480 }, gridWorkers: [{ id: 5, name: '赵敏', phone: '13972000001' }] }
    fakeApi({ 'GET /api/me': bound, 'GET /api/tickets': { items: [], total: 0, page: 1, pageSize: 20 }, 'GET /api/public/tickets': { items: [], total: 0, page: 1, pageSize: 3 }, 'GET /api/notifications/unread-count': { count: 0 } })
    render(<HomePage />)
    expect(await screen.findByText('我的网格员 · 青和居第一网格')).toBeTruthy()
    fireEvent.click(screen.getByText('打电话'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13972000001' })
  })

  it('the step follows the binding: pending says so, approved says nothing', () => {
    expect(missingStep({ household: null }, true)?.title).toBe('第一步：绑定住址')
    expect(missingStep({ household: { bindingStatus: 'pending', label: '3栋502' } }, true)?.title).toBe('住址审核中')
    expect(missingStep({ household: { bindingStatus: 'approved', label: '3栋502' } }, true)).toBeNull()
    expect(missingStep({ household: null }, false)).toBeNull()
  })

  it('报事 asks for no buildings, offers binding, and still lets the resident report', async () => {
    loginAs([{ role: 'resident' }])
    const api = fakeApi({ 'GET /api/me': newUser, 'GET /api/categories': [{ id: 1, code: 'sanitation', name: '环境卫生', shortName: '环境卫生', icon: '🧹', routing: 'grid_worker' }] })
    render(<ReportPage />)
    expect(await screen.findByText('还没有绑定住址')).toBeTruthy()
    expect(screen.getByText('绑定住址后可选 ›')).toBeTruthy()
    expect(screen.getByText('提交报事')).toBeTruthy()
    expect(api.mock.calls.map((c) => c[0].url.split('?')[0])).not.toContain('/api/places/buildings')
    expect(Taro.showToast).not.toHaveBeenCalled()
  })
})

describe('我的: home status, leaving, my data, 注销', () => {
  const me = (household: unknown) => ({ ...newUser, community: { id: 1, name: '青和居社区', utcOffsetMinutes: 480 }, household }) as never as AccountView

  it('says where the binding stands; a rejection or an ending comes from my data, with its reason', () => {
    const past = (status: string, reason: string | null, createdAt: string) => ({ householdLabel: '3栋502', status, reason, createdAt })
    expect(homeStatus(me(null))).toEqual({ text: '未绑定住址：选择社区、楼栋和房屋，居委会审核后即可', action: 'bind' })
    expect(homeStatus(me({ id: 5, label: '3栋502', bindingStatus: 'pending' }))).toEqual({ text: '3栋502：审核中，居委会通过后会通知您', action: 'withdraw' })
    expect(homeStatus(me({ id: 5, label: '3栋502', bindingStatus: 'approved' }))).toEqual({ text: '3栋502（已认证）', action: 'leave' })
    expect(homeStatus(me(null), past('rejected', '经核实不是该户住户', '2026-11-23T01:00:00Z'))).toEqual({ text: '3栋502：未通过，原因：经核实不是该户住户', action: 'rebind' })
    expect(homeStatus(me(null), past('ended', '已搬离', '2026-11-23T01:00:00Z'))).toEqual({ text: '3栋502：绑定已解除，原因：已搬离', action: 'rebind' })
    expect(homeStatus(me(null), past('withdrawn', null, '2026-11-23T01:00:00Z')).action).toBe('bind')
    const older = past('rejected', '信息不符', '2026-11-20T01:00:00Z')
    const newer = past('ended', null, '2026-11-22T01:00:00Z')
    expect(newestBinding({ bindings: [older, newer] })).toBe(newer)
    expect(newestBinding({ bindings: [] })).toBeNull()
  })

  it('我的 shows a rejection with its reason, read from my data when /api/me names no household', async () => {
    loginAs([{ role: 'resident' }])
    fakeApi({
      'GET /api/me': me(null),
      'GET /api/notifications/unread-count': { count: 0 },
      'GET /api/me/export': { bindings: [{ id: 11, householdLabel: '3栋502', status: 'rejected', reason: '经核实不是该户住户', createdAt: '2026-11-23T01:00:00Z' }] },
    })
    render(<MinePage />)
    expect(await screen.findByText('3栋502：未通过，原因：经核实不是该户住户')).toBeTruthy()
    fireEvent.click(screen.getByText('重新申请绑定'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
  })

  it('搬离 asks first, then ends the binding', async () => {
    loginAs([{ role: 'resident' }])
    const api = fakeApi({ 'GET /api/me': me({ id: 5, label: '3栋502', bindingStatus: 'approved' }), 'GET /api/notifications/unread-count': { count: 0 }, 'DELETE /api/bindings/mine': { id: 11, status: 'ended' } })
    render(<MinePage />)
    fireEvent.click(await screen.findByText('搬离（解除住址绑定）'))
    expect(screen.getByText('确认搬离？')).toBeTruthy()
    fireEvent.click(screen.getByText('确认搬离'))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].method === 'DELETE' && c[0].url === '/api/bindings/mine')).toBe(true))
  })

  it('注销 needs two confirmations; backing out at the second sends nothing', async () => {
    loginAs([{ role: 'resident' }])
    const api = fakeApi({ 'GET /api/me': me(null), 'GET /api/notifications/unread-count': { count: 0 }, 'DELETE /api/me': { deleted: true } })
    render(<MinePage />)
    fireEvent.click(await screen.findByText('注销账号'))
    fireEvent.click(screen.getByText('继续注销'))
    expect(screen.getByText('确定要注销账号吗？此操作不可撤销。')).toBeTruthy()
    fireEvent.click(screen.getByText('取消'))
    expect(api.mock.calls.some((c) => c[0].method === 'DELETE')).toBe(false)

    fireEvent.click(screen.getByText('注销账号'))
    fireEvent.click(screen.getByText('继续注销'))
    fireEvent.click(screen.getByText('确定注销'))
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }))
    expect(api.mock.calls.some((c) => c[0].method === 'DELETE' && c[0].url === '/api/me')).toBe(true)
    expect(getSession()).toBeNull()
  })

  it('a staff member with open matters is told why and stays logged in', async () => {
    loginAs([{ role: 'grid_worker' }])
    fakeApi({
      'GET /api/me': me(null),
      'GET /api/notifications/unread-count': { count: 0 },
      'DELETE /api/me': { statusCode: 409, code: 'STAFF_HAS_OPEN_TICKETS', message: '您还有2件未办结的工单，请先移交给同事' },
    })
    render(<MinePage />)
    fireEvent.click(await screen.findByText('注销账号'))
    fireEvent.click(screen.getByText('继续注销'))
    fireEvent.click(screen.getByText('确定注销'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '您还有2件未办结的工单，请先移交给同事' })))
    expect(getSession()).not.toBeNull()
    expect(Taro.reLaunch).not.toHaveBeenCalled()
  })

  it('the export reads as sections with Chinese names and local times', () => {
    const sections = describeExport({
      exportedAt: '2026-11-23T02:00:00.000Z',
      account: { name: '王秀英', phone: '13812348000', wechatLinked: true, consentVersion: '2026-11-23', laterField: false },
      bindings: [{ householdLabel: '3栋502', status: 'approved' }],
      tickets: [],
    })
    expect(sections.map((s) => s.title)).toEqual(['概况', '账号', '住址绑定（1）', '我的报事（0）'])
    expect(sections[0].rows).toEqual([{ label: '导出时间', value: '11月23日 10:00' }])
    expect(sections[1].rows).toContainEqual({ label: '手机号', value: '13812348000' })
    expect(sections[1].rows).toContainEqual({ label: '已关联微信', value: '是' })
    expect(sections[1].rows).toContainEqual({ label: 'laterField', value: '否' }) // a field the app does not know yet, as it is
    expect(sections[2].rows).toEqual([{ label: '1', value: '房屋：3栋502；状态：已认证' }])
  })
})

describe('profile and phone', () => {
  it('phones are shown masked', () => {
    expect(maskPhone('13812348000')).toBe('138****8000')
    expect(maskPhone('+86 138-1234-8000')).toBe('138****8000')
    expect(maskPhone('138****8000')).toBe('138****8000')
  })

  it('the phone button\'s event gives the code, or says why there is none', () => {
    expect(phoneCodeFrom({ code: 'abc', errMsg: 'getPhoneNumber:ok' })).toEqual({ code: 'abc' })
    expect(phoneCodeFrom({ errMsg: 'getPhoneNumber:fail user deny' })).toEqual({ problem: '您没有授权手机号。授权后才能与社区登记的信息核对，需要时请再点“授权手机号”。' })
    expect(phoneCodeFrom(undefined)).toEqual({ problem: '微信没能提供手机号，请稍后再试（需要微信绑定了手机号）。' })
    expect(testPhoneCode('138 1234 8000')).toBe('phone-13812348000')
  })

  it('a phone that claims a staff-created record at once switches to that record\'s session', async () => {
    loginAs([{ role: 'resident' }])
    const claimed = { ...loginResult, token: 'claimed', user: { ...loginResult.user, id: 3, name: '王秀英' } }
    const api = fakeApi({ 'POST /api/me/phone': { me: { ...newUser, id: 3, name: '王秀英', phone: '13812348000', phoneVerified: true }, login: claimed } })
    const me = await verifyPhone('phone-13812348000')
    expect(api.mock.calls[0][0].data).toEqual({ code: 'phone-13812348000' })
    expect(me.name).toBe('王秀英')
    expect(getSession()?.token).toBe('claimed')
  })

  it('saves the nickname through PUT /api/me/profile and shows the phone masked', async () => {
    loginAs([{ role: 'resident' }])
    const api = fakeApi({
      'GET /api/me': { ...newUser, phone: '13812348000', phoneVerified: true, nickname: null },
      'PUT /api/me/profile': (call: { data: { nickname: string } }) => ({ ...newUser, nickname: call.data.nickname }),
    })
    render(<ProfilePage />)
    expect(await screen.findByText('138****8000（已验证）')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('昵称'), { target: { value: '  秀英  ' } })
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '昵称已保存' })))
    expect(api.mock.calls.at(-1)![0]).toMatchObject({ method: 'PUT', data: { nickname: '秀英' } })
  })
})
