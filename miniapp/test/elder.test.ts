/** 适老化 follows the phone's text size until the person chooses in 我的. */
import { describe, expect, it, vi } from 'vitest'
import Taro from '@tarojs/taro'
import { getElderMode, setElderMode } from '../src/services/preferences'

const textScale = (factor: number) => vi.mocked(Taro.getAppBaseInfo).mockReturnValue({ fontSizeScaleFactor: factor } as unknown as ReturnType<typeof Taro.getAppBaseInfo>)

describe('elder mode', () => {
  it('is off while WeChat shows text at its normal size', () => {
    textScale(1)
    expect(getElderMode()).toBe(false)
  })

  it('turns on by itself when WeChat\'s text is enlarged', () => {
    textScale(1.25)
    expect(getElderMode()).toBe(true)
  })

  it('stays off when the person turned it off, however large the text', () => {
    textScale(1.5)
    setElderMode(false)
    expect(getElderMode()).toBe(false)
  })

  it('stays on when the person turned it on at normal text size', () => {
    textScale(1)
    setElderMode(true)
    expect(getElderMode()).toBe(true)
  })

  it('follows the phone when WeChat cannot say (an old base library)', () => {
    vi.mocked(Taro.getAppBaseInfo).mockImplementation(() => {
      throw new Error('getAppBaseInfo:fail')
    })
    expect(getElderMode()).toBe(false)
  })
})
