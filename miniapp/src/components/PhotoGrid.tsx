import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { fileUrl } from '../services/request'

/** Photos of a matter; a tap opens them full screen. */
export function PhotoGrid({ urls }: { urls: string[] }) {
  if (urls.length === 0) return null
  const full = urls.map(fileUrl)
  return (
    <View className='photo-grid'>
      {full.map((url) => (
        <Image key={url} className='photo-grid__item' src={url} mode='aspectFill' onClick={() => Taro.previewImage({ urls: full, current: url })} />
      ))}
    </View>
  )
}
