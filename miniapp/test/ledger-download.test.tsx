import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { loginAs } from './fakeApi'
import LedgerImportPage from '../src/committee/ledger-import/index'
import { ApiRequestError, download } from '../src/services/request'

describe('downloads in WeChat', () => {
  it('downloads with the token and opens the spreadsheet in WeChat’s viewer', async () => {
    loginAs([{ role: 'committee_member' }])
    vi.mocked(Taro.downloadFile).mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://tmp/ledger.xlsx', errMsg: 'downloadFile:ok' } as never)
    await download('GET /exports/ledger.xlsx', { communityId: 3, phones: 'masked' }, '社区台账.xlsx')
    expect(vi.mocked(Taro.downloadFile).mock.calls[0][0]).toMatchObject({ url: '/api/exports/ledger.xlsx?communityId=3&phones=masked', header: { Authorization: 'Bearer t' } })
    expect(Taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/ledger.xlsx', fileType: 'xlsx', showMenu: true })
  })

  it('a refusal is read from the downloaded body, shown, and thrown with its code; nothing is opened', async () => {
    loginAs([{ role: 'committee_member' }])
    vi.mocked(Taro.downloadFile).mockResolvedValue({ statusCode: 403, tempFilePath: 'wxfile://tmp/err', errMsg: 'downloadFile:ok' } as never)
    vi.mocked(Taro.getFileSystemManager).mockReturnValueOnce({ readFileSync: () => JSON.stringify({ code: 'FORBIDDEN', message: '不是该社区的居委会成员' }) } as never)
    const failure = await download('GET /ledger/template.xlsx', {}, '台账导入模板.xlsx').catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ApiRequestError)
    expect((failure as ApiRequestError).code).toBe('FORBIDDEN')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '不是该社区的居委会成员' }))
    expect(Taro.openDocument).not.toHaveBeenCalled()
  })
})

describe('台账导入: template and export', () => {
  it('下载模板 and 导出台账 fetch their files; 完整号码导出 says it is logged before it asks for whole phones', async () => {
    loginAs([{ role: 'committee_member', communityId: 3 }])
    vi.mocked(Taro.downloadFile).mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://tmp/f.xlsx', errMsg: 'downloadFile:ok' } as never)
    render(<LedgerImportPage />)
    fireEvent.click(screen.getByText('下载模板'))
    fireEvent.click(screen.getByText('导出台账'))
    fireEvent.click(screen.getByText('完整号码导出'))
    expect(screen.getByRole('dialog').textContent).toContain('本次导出会记入操作日志')
    fireEvent.click(within(screen.getByRole('dialog')).getByText('导出'))
    await waitFor(() => expect(Taro.downloadFile).toHaveBeenCalledTimes(3))
    expect(vi.mocked(Taro.downloadFile).mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([
      '/api/ledger/template.xlsx',
      '/api/exports/ledger.xlsx?communityId=3&phones=masked',
      '/api/exports/ledger.xlsx?communityId=3&phones=whole',
    ])
  })
})
