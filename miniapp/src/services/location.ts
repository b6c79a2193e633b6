/**
 * Where the phone is, asked only when it costs the resident no tap (随手拍): in WeChat, once they have already
 * allowed 邻里 their location (scope.userLocation, e.g. through 地图选点). Never a prompt: a prompt is a tap, and
 * the resident's building is a good enough place. WeChat's chooseMedia gives no location with a photo, so the
 * point where the phone stands just after the shutter stands for where the photo was taken. The H5 build asks
 * nothing (a browser would prompt).
 */
import Taro from '@tarojs/taro'
import { IS_WEAPP } from './config'

export async function pointWithoutAsking(): Promise<{ lat: number; lng: number } | null> {
  if (!IS_WEAPP) return null
  try {
    const settings = await Taro.getSetting()
    if (settings.authSetting['scope.userLocation'] !== true) return null
    // gcj02: the coordinates chooseLocation gives and the grids are drawn in.
    const here = await Taro.getLocation({ type: 'gcj02' })
    return { lat: here.latitude, lng: here.longitude }
  } catch {
    return null
  }
}
