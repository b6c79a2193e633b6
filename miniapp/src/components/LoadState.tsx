import { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Empty, Loading } from '@nutui/nutui-react-taro'

interface LoadStateProps {
  loading?: boolean
  error?: Error | null
  empty?: boolean
  emptyText?: string
  onRetry?: () => void
}

/** Nothing to show: our own picture (NutUI's Empty fetches one from a CDN). */
export function EmptyState({ text }: { text: string }) {
  return (
    <Empty className='load-state' image={<Text className='load-state__icon'>📭</Text>} imageSize={64} description={text} />
  )
}

/** Loading, error (the API's own message, with a retry), empty; else the content. */
export function LoadState({ loading, error, empty, emptyText = '暂无内容', onRetry, children }: PropsWithChildren<LoadStateProps>) {
  if (loading) {
    return (
      <View className='load-state' data-testid='loading'>
        <Loading type='spinner'>加载中…</Loading>
      </View>
    )
  }
  if (error) {
    return (
      <View className='load-state load-state--error' data-testid='error'>
        <Text className='load-state__message'>{error.message || '加载失败'}</Text>
        {onRetry && (
          <Button className='load-state__retry' type='primary' fill='outline' onClick={onRetry}>
            重新加载
          </Button>
        )}
      </View>
    )
  }
  if (empty) {
    return <EmptyState text={emptyText} />
  }
  return <>{children}</>
}
