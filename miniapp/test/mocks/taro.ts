/** A stand-in for @tarojs/taro: storage in memory, every API a vi.fn the tests can steer. */
import { useEffect } from 'react'
import { vi } from 'vitest'

const storage = new Map<string, unknown>()
export const router = { params: {} as Record<string, string> }

const Taro = {
  request: vi.fn(),
  uploadFile: vi.fn(),
  getStorageSync: vi.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: vi.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: vi.fn((key: string) => void storage.delete(key)),
  showToast: vi.fn(),
  reLaunch: vi.fn(() => Promise.resolve()),
  navigateTo: vi.fn(() => Promise.resolve()),
  switchTab: vi.fn(() => Promise.resolve()),
  navigateBack: vi.fn(() => Promise.resolve()),
  getCurrentPages: vi.fn(() => [] as { route?: string }[]),
  stopPullDownRefresh: vi.fn(),
  chooseMedia: vi.fn(),
  chooseMessageFile: vi.fn(),
  downloadFile: vi.fn(),
  openDocument: vi.fn(() => Promise.resolve()),
  getFileSystemManager: vi.fn(() => ({ readFileSync: vi.fn(() => '') })),
  chooseLocation: vi.fn(),
  getSetting: vi.fn(() => Promise.resolve({ authSetting: {} })),
  getLocation: vi.fn(),
  previewImage: vi.fn(),
  openLocation: vi.fn(),
  makePhoneCall: vi.fn(() => Promise.resolve()),
  openPrivacyContract: vi.fn(),
  requestSubscribeMessage: vi.fn(),
  scanCode: vi.fn(),
  login: vi.fn(),
  setNavigationBarTitle: vi.fn(() => Promise.resolve()),
  showModal: vi.fn(),
  setClipboardData: vi.fn(() => Promise.resolve()),
  nextTick: (fn: () => void) => setTimeout(fn, 0),
  getSystemInfoSync: () => ({ pixelRatio: 2 }),
  getAppBaseInfo: vi.fn(() => ({ fontSizeScaleFactor: 1 })),
  createSelectorQuery: () => ({ select: () => ({ fields: () => ({ exec: (cb: (r: unknown[]) => void) => cb([]) }) }) }),
}

export function resetTaro() {
  storage.clear()
  router.params = {}
  for (const fn of Object.values(Taro)) if (typeof fn === 'function' && 'mockReset' in fn) (fn as ReturnType<typeof vi.fn>).mockClear()
}

export const useDidShow = (fn: () => void) => useEffect(() => fn(), [])
export const useLaunch = (fn: () => void) => useEffect(() => fn(), [])
export const useLoad = useLaunch
export const usePullDownRefresh = (_fn: () => void) => undefined
export const useRouter = () => router

export default Taro
