import { describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { PrivacySheet } from '../src/components/PrivacySheet'
import { installPrivacyHandler, PRIVACY_AGREE_BUTTON_ID } from '../src/services/privacy'

function needConsent() {
  const register = vi.fn()
  installPrivacyHandler(register)
  const resolve = vi.fn()
  act(() => register.mock.calls[0][0](resolve))
  return resolve
}

describe('WeChat privacy: our own agreement sheet', () => {
  it('opens when WeChat asks, says what is collected and why, and agrees through the agreePrivacyAuthorization button', () => {
    render(<PrivacySheet />)
    expect(screen.queryByText('邻里隐私保护提示')).toBeNull()
    const resolve = needConsent()
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
    expect(screen.getByText('邻里隐私保护提示')).toBeTruthy()
    expect(screen.getByText(/位置（您在地图上选的点）/)).toBeTruthy()
    expect(screen.getByText(/照片/, { selector: '.privacy-sheet__item' })).toBeTruthy()

    const agree = screen.getByText('同意并继续')
    expect(agree.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
    fireEvent.click(agree)
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
    expect(screen.queryByText('邻里隐私保护提示')).toBeNull()
  })

  it('a refusal is answered as disagree and closes the sheet', () => {
    render(<PrivacySheet />)
    const resolve = needConsent()
    fireEvent.click(screen.getByText('拒绝'))
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(screen.queryByText('邻里隐私保护提示')).toBeNull()
  })

  it('registers nothing on H5', () => {
    expect(() => installPrivacyHandler(undefined)).not.toThrow()
  })
})
