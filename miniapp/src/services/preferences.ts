/**
 * 适老化: larger text and higher contrast, kept on this phone; every mounted page follows a change at once.
 * Until the person chooses in 我的, it follows the phone: on when WeChat's text is enlarged.
 */
import Taro from '@tarojs/taro'

const ELDER_KEY = 'linli.elderMode'
const listeners = new Set<(on: boolean) => void>()

/** WeChat's text size setting (and the phone's, which WeChat follows): above 1 means enlarged. */
export function phoneTextEnlarged(): boolean {
  try {
    // Taro's type for getAppBaseInfo lacks fontSizeScaleFactor (WeChat base library 2.25.3+).
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined
    return (info?.fontSizeScaleFactor ?? 1) > 1
  } catch {
    return false
  }
}

export function getElderMode(): boolean {
  try {
    const chosen = Taro.getStorageSync(ELDER_KEY)
    if (chosen === true || chosen === false) return chosen
  } catch {
    // storage unreadable: follow the phone
  }
  return phoneTextEnlarged()
}

export function setElderMode(on: boolean): void {
  Taro.setStorageSync(ELDER_KEY, on)
  listeners.forEach((l) => l(on))
}

export function onElderModeChange(listener: (on: boolean) => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
