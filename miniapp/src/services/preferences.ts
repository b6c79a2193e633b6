/** 适老化: larger text and higher contrast, kept on this phone; every mounted page follows a change at once. */
import Taro from '@tarojs/taro'

const ELDER_KEY = 'linli.elderMode'
const listeners = new Set<(on: boolean) => void>()

export function getElderMode(): boolean {
  try {
    return Taro.getStorageSync(ELDER_KEY) === true
  } catch {
    return false
  }
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
