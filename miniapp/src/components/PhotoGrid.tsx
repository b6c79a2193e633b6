import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { fileUrl } from '../services/request'
import { asImage } from '../utils/a11y'

/** Photos of a matter; a tap opens them full screen. */
export function PhotoGrid({ urls }: { urls: string[] }) {
  if (urls.length === 0) return null
  const full = urls.map(fileUrl)
  return (
    <View className='photo-grid'>
      {full.map((url, i) => (
        <Image
          key={url}
          className='photo-grid__item'
          src={url}
          mode='aspectFill'
          onClick={() => Taro.previewImage({ urls: full, current: url })}
          {...asImage(`照片${i + 1}，共${full.length}张，点击看大图`)}
        />
      ))}
    </View>
  )
}
