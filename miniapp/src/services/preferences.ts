/** 适老化: larger text and higher contrast, kept on this phone. */
import Taro from '@tarojs/taro'

const ELDER_KEY = 'linli.elderMode'

export function getElderMode(): boolean {
  try {
    return Taro.getStorageSync(ELDER_KEY) === true
  } catch {
    return false
  }
}

export function setElderMode(on: boolean): void {
  Taro.setStorageSync(ELDER_KEY, on)
}
