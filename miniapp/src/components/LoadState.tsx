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
    return <Empty className='load-state' description={emptyText} status='empty' />
  }
  return <>{children}</>
}
