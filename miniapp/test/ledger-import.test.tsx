import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { LedgerImportReport } from '@linli/shared'
import { fakeApi, fakeUploads, loginAs } from './fakeApi'
import LedgerImportPage, { confirmText } from '../src/committee/ledger-import/index'
import { LEDGER_CHANGED_NOTICE } from '../src/committee/ledger-import/useLedgerImport'
import MinePage from '../src/pages/mine/index'

/** The dry run of a small file: two people to add, one to change, row 4 with a 10-digit phone, one person not listed any more. */
function dryRun(over: Partial<LedgerImportReport> = {}): LedgerImportReport {
  return {
    dryRun: true,
    planHash: 'plan-1',
    totalRows: 9,
    added: 2,
    changed: 1,
    unchanged: 5,
    rows: [
      { row: 2, action: 'add', household: '青和居2栋2单元301', newHousehold: true, newBuilding: false, name: '陈建国', phone: '139****9001', relation: 'owner', changes: [] },
      { row: 3, action: 'add', household: '青和居2栋2单元301', newHousehold: true, newBuilding: false, name: '陈小雨', phone: null, relation: 'family', changes: [] },
      { row: 6, action: 'change', household: '青和居1栋101', newHousehold: false, newBuilding: false, name: '刘桂兰', phone: '138****5566', relation: 'owner', changes: ['phone', 'specialCare'] },
    ],
    rejected: [{ row: 4, reason: 'phone_invalid', message: '手机号应为11位数字', column: '手机号', cells: { 楼栋: '青和居2栋', 单元: '2单元', 门牌: '302', 姓名: '周明', 手机号: '1390000900', 身份: '业主' } }],
    missing: [{ memberId: 31, household: '青和居1栋102', name: '孙立', relation: 'tenant' }],
    ended: 0,
    ...over,
  }
}

/** Uploads, in order: the multipart fields each one carried. */
const sent = (upload: ReturnType<typeof fakeUploads>) => upload.mock.calls.map((c) => (c[0] as { formData: Record<string, string> }).formData)

function chooseFile(name = '青和居台账.csv', size = 2048) {
  vi.mocked(Taro.chooseMessageFile).mockResolvedValue({ tempFiles: [{ path: `wxfile://tmp/${name}`, name, size, type: 'file', time: 0 }], errMsg: 'chooseMessageFile:ok' })
}

/** The box that says why a file was refused. */
async function problemShown(): Promise<Element> {
  return waitFor(() => {
    const box = document.querySelector('.ledger-import__problem')
    if (!box) throw new Error('no problem shown yet')
    return box
  })
}

async function openReport() {
  render(<LedgerImportPage />)
  fireEvent.click(screen.getByText('选择台账文件'))
  await screen.findByText('将新增或变更（3）')
}

describe('台账导入: the dry run', () => {
  it('uploads the chosen chat file as a dry run and shows the counts, the rows, the rejected row and who is missing', async () => {
    loginAs([{ role: 'committee_member', communityId: 3 }])
    chooseFile()
    const upload = fakeUploads({ 'POST /api/ledger/import': dryRun() })
    await openReport()

    expect(vi.mocked(Taro.chooseMessageFile).mock.calls[0][0]).toMatchObject({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
    expect(upload.mock.calls[0][0]).toMatchObject({ url: '/api/ledger/import', filePath: 'wxfile://tmp/青和居台账.csv', name: 'file' })
    expect(sent(upload)).toEqual([{ communityId: '3', dryRun: 'true' }])

    const counts = (cls: string) => document.querySelector(`.ledger-counts__item--${cls} .ledger-counts__value`)!.textContent
    expect([counts('added'), counts('changed'), counts('unchanged'), counts('rejected')]).toEqual(['2', '1', '5', '1'])
    expect(screen.getByText('共读取 9 行。以上为预览，尚未写入。')).toBeTruthy()
    expect(screen.getByText('第2行 新增：青和居2栋2单元301（新户） 陈建国（业主） 139****9001')).toBeTruthy()
    expect(screen.getByText('第6行 变更手机号、特殊人群：青和居1栋101 刘桂兰（业主） 138****5566')).toBeTruthy()
    expect(screen.getByText('第4行：手机号应为11位数字')).toBeTruthy()
    expect(screen.getByText('手机号：1390000900').className).toContain('ledger-rejected__cell--bad')
    expect((screen.getByLabelText('青和居1栋102 孙立（租户）') as HTMLInputElement).checked).toBe(false)
  })

  it('a corrected cell of a rejected row is sent as fixes with the next dry run, and the row is then accepted', async () => {
    loginAs([{ role: 'committee_member', communityId: 3 }])
    chooseFile()
    const fixed = dryRun({ planHash: 'plan-2', added: 3, rejected: [], rows: [...dryRun().rows, { row: 4, action: 'add', household: '青和居2栋2单元302', newHousehold: true, newBuilding: false, name: '周明', phone: '139****9002', relation: 'owner', changes: [] }] })
    const upload = fakeUploads({ 'POST /api/ledger/import': ({ data }: { data: Record<string, string> }) => (data.fixes ? fixed : dryRun()) })
    await openReport()

    fireEvent.click(screen.getByText('修改这一行'))
    const phone = screen.getByLabelText('手机号') as HTMLInputElement
    expect(phone.value).toBe('1390000900')
    fireEvent.change(phone, { target: { value: '13900009002' } })
    fireEvent.click(screen.getByText('保存并重新检查'))

    await screen.findByText('第4行 新增：青和居2栋2单元302（新户） 周明（业主） 139****9002')
    expect(sent(upload)[1]).toEqual({ communityId: '3', dryRun: 'true', fixes: '{"4":{"手机号":"13900009002"}}' })
    expect(screen.queryByText('第4行：手机号应为11位数字')).toBeNull()
  })
})

describe('台账导入: a dry run that does not get through', () => {
  it('keeps the last report and the correction being typed, says so, and the same save tries again', async () => {
    loginAs([{ role: 'committee_member', communityId: 3 }])
    chooseFile()
    let offline = false
    const upload = fakeUploads({ 'POST /api/ledger/import': () => (offline ? new Error('offline') : dryRun({ rejected: offline ? [] : dryRun().rejected })) })
    await openReport()
    fireEvent.click(screen.getByText('修改这一行'))
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13900009002' } })
    offline = true
    fireEvent.click(screen.getByText('保存并重新检查'))
    expect((await problemShown()).textContent).toContain('网络不通，请检查网络后再试一次')
    expect(screen.getByText('将新增或变更（3）')).toBeTruthy()
    expect((screen.getByLabelText('手机号') as HTMLInputElement).value).toBe('13900009002')

    offline = false
    fireEvent.click(screen.getByText('保存并重新检查'))
    await waitFor(() => expect(upload).toHaveBeenCalledTimes(3))
    expect(sent(upload)[2].fixes).toBe('{"4":{"手机号":"13900009002"}}')
  })
})

describe('台账导入: the confirm', () => {
  it('asks first, then sends the dry run’s planHash, the fixes and the people ticked as gone', async () => {
    loginAs([{ role: 'committee_member', communityId: 3 }])
    chooseFile()
    const written = { ...dryRun(), dryRun: false, ended: 1 }
    const upload = fakeUploads({ 'POST /api/ledger/import': ({ data }: { data: Record<string, string> }) => (data.dryRun === 'false' ? written : dryRun()) })
    await openReport()

    fireEvent.click(screen.getByLabelText('青和居1栋102 孙立（租户）'))
    fireEvent.click(screen.getByText('确认导入'))
    const dialog = screen.getByRole('dialog')
    expect(dialog.textContent).toContain('将新增 2 人、变更 1 人、1 人记为已迁出、新建 1 户（请核对门牌）。有问题的 1 行不会导入。确认后一次写入台账。')
    fireEvent.click(within(dialog).getByText('再看看'))
    expect(upload).toHaveBeenCalledTimes(1)

    fireEvent.click(screen.getByText('确认导入'))
    fireEvent.click(within(screen.getByRole('dialog')).getByText('确认导入'))
    await screen.findByText('导入完成')
    expect(sent(upload)[1]).toEqual({ communityId: '3', dryRun: 'false', planHash: 'plan-1', endMemberIds: '31' })
    expect(screen.getByText('新增 2 人，变更 1 人，不变 5 人，1 人已迁出。')).toBeTruthy()
    expect(screen.queryByText('确认导入')).toBeNull()

    // Opened from 住户台账: back to it (it reloads when shown) rather than a second copy on the stack.
    vi.mocked(Taro.getCurrentPages).mockReturnValueOnce([{ route: 'committee/ledger/index' }, { route: 'committee/ledger-import/index' }] as never)
    fireEvent.click(screen.getByText('查看住户台账'))
    expect(Taro.navigateBack).toHaveBeenCalled()
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('LEDGER_CHANGED: dry-runs again, says why, and the next confirm carries the new plan', async () => {
    loginAs([{ role: 'committee_member', communityId: 3 }])
    chooseFile()
    let confirms = 0
    let previews = 0
    const upload = fakeUploads({
      'POST /api/ledger/import': ({ data }: { data: Record<string, string> }) => {
        if (data.dryRun === 'true') return dryRun({ planHash: `plan-${++previews}`, changed: previews })
        return ++confirms === 1 ? { statusCode: 409, code: 'LEDGER_CHANGED', message: '台账已变化，请重新预览' } : { ...dryRun(), dryRun: false }
      },
    })
    await openReport()

    fireEvent.click(screen.getByText('确认导入'))
    fireEvent.click(within(screen.getByRole('dialog')).getByText('确认导入'))
    await screen.findByText(LEDGER_CHANGED_NOTICE)
    expect(sent(upload).map((f) => [f.dryRun, f.planHash])).toEqual([
      ['true', undefined],
      ['false', 'plan-1'],
      ['true', undefined],
    ])
    expect(document.querySelector('.ledger-counts__item--changed .ledger-counts__value')!.textContent).toBe('2')

    fireEvent.click(screen.getByText('确认导入'))
    fireEvent.click(within(screen.getByRole('dialog')).getByText('确认导入'))
    await screen.findByText('导入完成')
    expect(sent(upload)[3]).toMatchObject({ dryRun: 'false', planHash: 'plan-2' })
  })

  it('nothing to write: the confirm says the ledger is up to date and cannot be pressed', async () => {
    loginAs([{ role: 'committee_member' }])
    chooseFile()
    fakeUploads({ 'POST /api/ledger/import': dryRun({ added: 0, changed: 0, unchanged: 8, rows: [], rejected: [], missing: [] }) })
    render(<LedgerImportPage />)
    fireEvent.click(screen.getByText('选择台账文件'))
    const button = (await screen.findByText('台账已是最新，无需导入')).closest('button') as HTMLButtonElement
    expect(button.disabled).toBe(true)
  })
})

describe('台账导入: files refused whole', () => {
  it('merged cells: says what to do in Chinese, with the server’s detail, and that nothing changed', async () => {
    loginAs([{ role: 'committee_member' }])
    chooseFile('台账.xlsx')
    fakeUploads({ 'POST /api/ledger/import': { statusCode: 422, code: 'LEDGER_FILE_MERGED_CELLS', message: '第3行的楼栋是合并单元格' } })
    render(<LedgerImportPage />)
    fireEvent.click(screen.getByText('选择台账文件'))
    const alert = await problemShown()
    expect(alert.textContent).toContain('表格里有合并单元格：请取消合并，并在每一行填写完整的楼栋、门牌后再导入')
    expect(alert.textContent).toContain('第3行的楼栋是合并单元格')
    expect(alert.textContent).toContain('台账没有任何改动。')
    expect(screen.queryByText('确认导入')).toBeNull()
  })

  it('a file that is neither xlsx nor csv is not uploaded at all', async () => {
    loginAs([{ role: 'committee_member' }])
    chooseFile('台账.pdf')
    const upload = fakeUploads({ 'POST /api/ledger/import': dryRun() })
    render(<LedgerImportPage />)
    fireEvent.click(screen.getByText('选择台账文件'))
    const alert = await problemShown()
    expect(alert.textContent).toContain('只能导入 Excel（.xlsx）或 CSV 文件，请重新选择')
    expect(alert.textContent).toContain('所选文件：台账.pdf')
    expect(upload).not.toHaveBeenCalled()
  })

  it('a file over the limit (10 MB) is refused before it is sent', async () => {
    loginAs([{ role: 'committee_member' }])
    chooseFile('台账.xlsx', 50 * 1024 * 1024)
    const upload = fakeUploads({ 'POST /api/ledger/import': dryRun() })
    render(<LedgerImportPage />)
    fireEvent.click(screen.getByText('选择台账文件'))
    const alert = await problemShown()
    expect(alert.textContent).toContain('文件太大')
    expect(alert.textContent).toContain('所选文件 50.0 MB，上限 10.0 MB')
    expect(upload).not.toHaveBeenCalled()
  })

  it('cancelling the chooser changes nothing', async () => {
    loginAs([{ role: 'committee_member' }])
    vi.mocked(Taro.chooseMessageFile).mockRejectedValue({ errMsg: 'chooseMessageFile:fail cancel' })
    const upload = fakeUploads({})
    render(<LedgerImportPage />)
    fireEvent.click(screen.getByText('选择台账文件'))
    await waitFor(() => expect((screen.getByText('选择台账文件').closest('button') as HTMLButtonElement).disabled).toBe(false))
    expect(document.querySelector('.ledger-import__problem')).toBeNull()
    expect(upload).not.toHaveBeenCalled()
  })
})

describe('台账导入: the words of the confirmation', () => {
  it('leaves out who leaves and what is rejected when there is none', () => {
    expect(confirmText(dryRun({ rejected: [] }), 0)).toBe('将新增 2 人、变更 1 人、新建 1 户（请核对门牌）。确认后一次写入台账。')
  })
})

describe('住户台账 on 我的', () => {
  const me = (role: string) => ({ id: 11, name: '黄丽华', phone: null, roles: [{ role, placeLevel: 'community', placeId: 1, placeName: '青和居社区', communityId: 1 }], household: null, building: null, grid: null, community: { id: 1, name: '青和居社区', utcOffsetMinutes: 480 } })

  it('committee members have the entry; residents do not', async () => {
    loginAs([{ role: 'committee_member' }], 11, '黄丽华')
    fakeApi({ 'GET /api/me': me('committee_member'), 'GET /api/notifications': { items: [], total: 0, page: 1, pageSize: 1, unread: 0 }, 'GET /api/content-holds': { items: [] } })
    const { unmount } = render(<MinePage />)
    fireEvent.click(await screen.findByText('住户台账'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/committee/ledger/index' })
    unmount()

    loginAs([{ role: 'resident' }])
    fakeApi({ 'GET /api/me': me('resident'), 'GET /api/notifications': { items: [], total: 0, page: 1, pageSize: 1, unread: 0 } })
    render(<MinePage />)
    await screen.findByText('我的消息')
    expect(screen.queryByText('住户台账')).toBeNull()
  })
})
