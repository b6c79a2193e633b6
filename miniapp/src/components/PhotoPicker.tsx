import { Image, Text, View } from '@tarojs/components'
import { Progress } from '@nutui/nutui-react-taro'
import type { usePhotoUploads } from '../hooks/usePhotoUploads'
import { asButton, asImage, decorative } from '../utils/a11y'

type Uploads = ReturnType<typeof usePhotoUploads>

/** Up to 9 photos: progress while each uploads; a failed one is retried by a tap, the form stays as it is. */
export function PhotoPicker({ uploads }: { uploads: Uploads }) {
  const { photos, choose, retry, remove, max } = uploads
  return (
    <View className='photo-picker'>
      {photos.map((p, i) => (
        <View key={p.key} className={`photo-picker__item photo-picker__item--${p.status}`} data-status={p.status}>
          <Image className='photo-picker__image' src={p.localPath} mode='aspectFill' {...asImage(`第${i + 1}张照片`)} />
          {p.status === 'uploading' && (
            <View className='photo-picker__overlay'>
              <Progress percent={p.progress} showText={false} strokeWidth='4' />
              <Text className='photo-picker__hint'>{p.progress}%</Text>
            </View>
          )}
          {p.status === 'failed' && (
            <View className='photo-picker__overlay photo-picker__overlay--failed' onClick={() => retry(p.key)} {...asButton(`第${i + 1}张照片上传失败，点击重试`)}>
              <Text className='photo-picker__hint'>上传失败</Text>
              <Text className='photo-picker__hint'>点击重试</Text>
            </View>
          )}
          <View className='photo-picker__remove' onClick={() => remove(p.key)} {...asButton(`删除第${i + 1}张照片`)}>
            ×
          </View>
        </View>
      ))}
      {photos.length < max && (
        <View className='photo-picker__add' onClick={choose} {...asButton()}>
          <Text className='photo-picker__plus' {...decorative}>
            ＋
          </Text>
          <Text className='photo-picker__count'>添加照片</Text>
          <Text className='photo-picker__count'>
            {photos.length}/{max}
          </Text>
        </View>
      )}
    </View>
  )
}
