import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { LedgerHouseholdDetail, LedgerMemberView } from '@linli/shared'
import { fakeApi, loginAs } from './fakeApi'
import { router } from './mocks/taro'
import LedgerHouseholdPage, { LEDGER_CONFLICT_NOTICE } from '../src/committee/ledger-household/index'
import LedgerHouseholdsPage from '../src/committee/ledger/index'
import SpecialCarePage from '../src/committee/ledger-care/index'
import { areaText, SPECIAL_CARE_LOGGED } from '../src/committee/ledger'

const member = (over: Partial<LedgerMemberView> = {}): LedgerMemberView => ({
  memberId: 41,
  personId: 501,
  name: '陈建国',
  phone: '139****9001',
  relation: 'owner',
  birthYear: 1948,
  specialCare: ['living_alone_elderly', 'entitled_group'],
  claimed: false,
  version: 3,
  ...over,
})

const household = (over: Partial<LedgerHouseholdDetail> = {}): LedgerHouseholdDetail => ({
  id: 12,
  communityId: 1,
  buildingId: 2,
  building: '青和居2栋',
  unit: '2单元',
  door: '301',
  label: '2单元301',
  areaHundredths: 8950,
  gridId: 1,
  members: [member()],
  version: 1,
  ...over,
})

describe('台账: areas as the pages show them', () => {
  it('in square metres with two decimals, nothing when unknown', () => {
    expect(areaText(8950)).toBe('89.50㎡')
    expect(areaText(5)).toBe('0.05㎡')
    expect(areaText(null)).toBe('')
  })
})

describe('住户: a household’s people', () => {
  it('shows the people with masked phones, birth years and special-care flags, and says the reading is logged', async () => {
    loginAs([{ role: 'committee_member' }])
    router.params = { id: '12' }
    fakeApi({ 'GET /api/ledger/households/12': household() })
    render(<LedgerHouseholdPage />)
    await screen.findByText('陈建国（业主） · 未登录小程序')
    expect(screen.getByText('手机：139****9001')).toBeTruthy()
    expect(screen.getByText('出生年份：1948')).toBeTruthy()
    expect(screen.getByText('特殊人群：独居老人、优抚对象')).toBeTruthy()
    expect(screen.getByText('专有部分面积：89.50㎡')).toBeTruthy()
    expect(screen.getByText(SPECIAL_CARE_LOGGED)).toBeTruthy()
  })

  it('查看号码 asks the server for the whole number (which it logs) and shows it', async () => {
    loginAs([{ role: 'committee_member' }])
    router.params = { id: '12' }
    const api = fakeApi({ 'GET /api/ledger/households/12': household(), 'POST /api/users/501/phone': { phone: '13900009001' } })
    render(<LedgerHouseholdPage />)
    fireEvent.click(await screen.findByText('查看号码'))
    await screen.findByText('手机：13900009001')
    expect(api.mock.calls.at(-1)![0]).toMatchObject({ method: 'POST', url: '/api/users/501/phone' })
    expect(screen.queryByText('查看号码')).toBeNull()
  })

  it('更正 sends the person with the version read; an empty phone field leaves the phone as it is', async () => {
    loginAs([{ role: 'committee_member' }])
    router.params = { id: '12' }
    const api = fakeApi({
      'GET /api/ledger/households/12': household(),
      'PUT /api/ledger/members/41': household({ members: [member({ birthYear: 1949, specialCare: ['living_alone_elderly'], version: 4 })] }),
    })
    render(<LedgerHouseholdPage />)
    fireEvent.click(await screen.findByText('更正'))
    fireEvent.change(screen.getByLabelText('如 1950，可不填'), { target: { value: '1949' } })
    fireEvent.click(screen.getByLabelText('特殊人群：优抚对象'))
    fireEvent.click(screen.getByText('保存'))
    await screen.findByText('出生年份：1949')
    expect(api.mock.calls.at(-1)![0].data).toEqual({ name: '陈建国', relation: 'owner', birthYear: 1949, specialCare: ['living_alone_elderly'], version: 3 })
    expect(screen.getByText('特殊人群：独居老人')).toBeTruthy()
  })

  it('a mistyped phone or birth year in the form is refused on the page, nothing sent', async () => {
    loginAs([{ role: 'committee_member' }])
    router.params = { id: '12' }
    const api = fakeApi({ 'GET /api/ledger/households/12': household() })
    render(<LedgerHouseholdPage />)
    fireEvent.click(await screen.findByText('添加人员'))
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '陈小雨' } })
    fireEvent.change(screen.getByLabelText('11位手机号，可不填'), { target: { value: '1390000900' } })
    fireEvent.click(screen.getByText('保存'))
    expect(screen.getByText('手机号应为11位数字，以1开头')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('11位手机号，可不填'), { target: { value: '' } })
    fireEvent.change(screen.getByLabelText('如 1950，可不填'), { target: { value: '1850' } })
    fireEvent.click(screen.getByText('保存'))
    expect(screen.getByText(/^出生年份应为1900到\d{4}之间的4位数字/)).toBeTruthy()
    expect(api).toHaveBeenCalledTimes(1)
  })

  it('someone else saved first (LEDGER_CONFLICT): the page reloads the household and says so', async () => {
    loginAs([{ role: 'committee_member' }])
    router.params = { id: '12' }
    let reads = 0
    fakeApi({
      'GET /api/ledger/households/12': () => (++reads === 1 ? household() : household({ areaHundredths: 9020, version: 2 })),
      'PUT /api/ledger/households/12': { statusCode: 409, code: 'LEDGER_CONFLICT', message: '记录已被他人修改' },
    })
    render(<LedgerHouseholdPage />)
    fireEvent.click(await screen.findByText('更正面积'))
    fireEvent.change(screen.getByLabelText('面积（㎡），如 89.50'), { target: { value: '91' } })
    fireEvent.click(screen.getByText('保存面积'))
    await screen.findByText(LEDGER_CONFLICT_NOTICE)
    await screen.findByText('专有部分面积：90.20㎡')
    expect(reads).toBe(2)
  })

  it('a mistyped area is refused on the page, nothing sent', async () => {
    loginAs([{ role: 'committee_member' }])
    router.params = { id: '12' }
    const api = fakeApi({ 'GET /api/ledger/households/12': household() })
    render(<LedgerHouseholdPage />)
    fireEvent.click(await screen.findByText('更正面积'))
    fireEvent.change(screen.getByLabelText('面积（㎡），如 89.50'), { target: { value: '89.505' } })
    fireEvent.click(screen.getByText('保存面积'))
    expect(screen.getByText('面积应为正数，最多两位小数，不超过10000㎡，如 89.50')).toBeTruthy()
    expect(api).toHaveBeenCalledTimes(1)
  })

  it('已迁出 sends the reason and the person leaves the household', async () => {
    loginAs([{ role: 'committee_member' }])
    router.params = { id: '12' }
    const api = fakeApi({ 'GET /api/ledger/households/12': household(), 'POST /api/ledger/members/41/end': household({ members: [] }) })
    render(<LedgerHouseholdPage />)
    fireEvent.click(await screen.findByText('已迁出'))
    fireEvent.change(within(screen.getByRole('dialog')).getByRole('textbox'), { target: { value: '房屋已出售，11月搬走' } })
    fireEvent.click(screen.getByText('确定记为已迁出'))
    await screen.findByText('这一户还没有登记人员。')
    expect(api.mock.calls.at(-1)![0]).toMatchObject({ url: '/api/ledger/members/41/end', data: { reason: '房屋已出售，11月搬走' } })
  })
})

describe('住户台账 and 特殊人群 lists', () => {
  it('searches by door or name and filters by building, page by page', async () => {
    loginAs([{ role: 'committee_member', communityId: 3 }])
    const api = fakeApi({
      'GET /api/places/buildings': [{ id: 2, name: '青和居2栋', gridId: 1, communityId: 3, lat: null, lng: null }],
      'GET /api/ledger/households': { items: [{ id: 12, buildingId: 2, building: '青和居2栋', label: '2单元301', areaHundredths: 8950, members: 3, owners: 1 }], total: 1, page: 1, pageSize: 20 },
    })
    render(<LedgerHouseholdsPage />)
    await screen.findByText('89.50㎡ · 3人 · 业主1人')
    fireEvent.click(await screen.findByText('青和居2栋', { selector: '.chip span' }))
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '陈' } })
    await waitFor(() => expect(api.mock.calls.at(-1)![0].url).toBe('/api/ledger/households?communityId=3&page=1&pageSize=20&q=%E9%99%88&buildingId=2'))
  })

  it('特殊人群 by flag, with the logging notice', async () => {
    loginAs([{ role: 'committee_member', communityId: 3 }])
    const api = fakeApi({
      'GET /api/ledger/special-care': [{ personId: 501, name: '陈建国', phone: '139****9001', householdId: 12, household: '青和居2栋2单元301', gridId: 1, birthYear: 1948, specialCare: ['living_alone_elderly'] }],
    })
    render(<SpecialCarePage />)
    await screen.findByText('陈建国 · 青和居2栋2单元301')
    expect(screen.getByText('1948年生 · 139****9001')).toBeTruthy()
    expect(screen.getByText(SPECIAL_CARE_LOGGED)).toBeTruthy()
    fireEvent.click(screen.getByText('低保'))
    await waitFor(() => expect(api.mock.calls.at(-1)![0].url).toBe('/api/ledger/special-care?communityId=3&flag=minimum_living'))
  })
})
