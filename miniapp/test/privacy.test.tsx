import { describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { PRIVACY_POLICY_VERSION } from '@linli/shared'
import { PrivacySheet } from '../src/components/PrivacySheet'
import LegalPage from '../src/pages/legal/index'
import { currentConsent, forgetConsent, installPrivacyHandler, PRIVACY_AGREE_BUTTON_ID, requestConsent } from '../src/services/privacy'
import { router } from './mocks/taro'

function needConsent() {
  const register = vi.fn()
  installPrivacyHandler(register)
  const resolve = vi.fn()
  act(() => register.mock.calls[0][0](resolve))
  return resolve
}

const consentBox = () => screen.getByLabelText('我已阅读并同意《用户协议》和《隐私政策》') as HTMLInputElement

describe('consent: one sheet for WeChat privacy and the first login', () => {
  it('opens when WeChat asks, says what is collected and why; agreeing needs the box, which starts unticked', () => {
    render(<PrivacySheet />)
    expect(screen.queryByText('邻里隐私保护提示')).toBeNull()
    const resolve = needConsent()
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
    expect(screen.getByText(/位置（您在地图上选的点）/)).toBeTruthy()
    expect(screen.getByText(/手机号（您授权时）/)).toBeTruthy()
    expect(consentBox().checked).toBe(false)

    // Unticked: the button is not WeChat's agree button, and a tap only says what is missing.
    const agree = screen.getByText('同意并继续')
    expect(agree.getAttribute('data-open-type')).toBeNull()
    fireEvent.click(agree)
    expect(resolve).toHaveBeenCalledTimes(1)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先阅读并勾选同意' }))
    expect(currentConsent()).toBeNull()

    fireEvent.click(consentBox())
    expect(agree.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
    fireEvent.click(agree)
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
    expect(currentConsent()).toBe(PRIVACY_POLICY_VERSION)
    expect(screen.queryByText('邻里隐私保护提示')).toBeNull()
  })

  it('a refusal is answered as disagree, closes the sheet and records nothing', () => {
    render(<PrivacySheet />)
    const resolve = needConsent()
    fireEvent.click(screen.getByText('拒绝'))
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(screen.queryByText('邻里隐私保护提示')).toBeNull()
    expect(currentConsent()).toBeNull()
  })

  it('before the first login: the sheet opens, and the answer is the user choice; once agreed it is not asked again', async () => {
    render(<PrivacySheet />)
    let answer = requestConsent()
    await screen.findByText('邻里隐私保护提示')
    fireEvent.click(screen.getByText('拒绝'))
    await expect(answer).resolves.toBe(false)

    answer = requestConsent()
    await screen.findByText('邻里隐私保护提示')
    expect(consentBox().checked).toBe(false) // unticked again on every opening
    fireEvent.click(consentBox())
    fireEvent.click(screen.getByText('同意并继续'))
    await expect(answer).resolves.toBe(true)

    await expect(requestConsent()).resolves.toBe(true)
    expect(screen.queryByText('邻里隐私保护提示')).toBeNull()
    forgetConsent() // the server asked for a newer version
    expect(currentConsent()).toBeNull()
  })

  it('the links open the agreement and the policy as pages of the app', () => {
    render(<PrivacySheet />)
    needConsent()
    fireEvent.click(screen.getByText('《隐私政策》'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/legal/index?doc=policy' })
    fireEvent.click(screen.getByText('《用户协议》'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/legal/index?doc=agreement' })
  })

  it('registers nothing on H5', () => {
    expect(() => installPrivacyHandler(undefined)).not.toThrow()
  })
})

describe('the agreement and the policy pages', () => {
  it('the policy lists each piece of personal data with its purpose and how long it is kept', () => {
    router.params = { doc: 'policy' }
    render(<LegalPage />)
    expect(screen.getByText('邻里隐私政策')).toBeTruthy()
    expect(screen.getByText(`版本 ${PRIVACY_POLICY_VERSION}，自该日起生效`)).toBeTruthy()
    expect(screen.getByText('手机号（您点击“授权手机号”后由微信提供）')).toBeTruthy()
    expect(screen.getByText('保存期限：24 小时后自动删除。')).toBeTruthy()
    expect(screen.getAllByText(/^保存期限：/)).toHaveLength(15)
    expect(screen.getByText(/报事人显示为“已注销用户”/)).toBeTruthy()
  })

  it('?doc=agreement shows the user agreement, which says it is not an emergency channel', () => {
    router.params = { doc: 'agreement' }
    render(<LegalPage />)
    expect(screen.getByText('邻里用户协议')).toBeTruthy()
    expect(screen.getByText(/请立即拨打 119、110、120/)).toBeTruthy()
    expect(screen.queryByText(/^保存期限：/)).toBeNull()
  })
})
