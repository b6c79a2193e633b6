import { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Empty, Loading } from '@nutui/nutui-react-taro'
import { ApiRequestError } from '../services/request'
import { ERROR_MESSAGES } from '../services/messages'

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

/** What a page that failed to load says: the server's own refusal, or (no answer) to check the network and retry. */
export function loadErrorText(error: Error, canRetry: boolean): string {
  if (error instanceof ApiRequestError && error.isNetworkError && canRetry) {
    return error.message === ERROR_MESSAGES.timeout ? ERROR_MESSAGES.loadTimeout : ERROR_MESSAGES.loadNetwork
  }
  return error.message || ERROR_MESSAGES.loadFailed
}

/** Loading, error (what to do next, with a 重试 button), empty; else the content. */
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
        <Text className='load-state__message'>{loadErrorText(error, !!onRetry)}</Text>
        {onRetry && (
          <Button className='load-state__retry' type='primary' fill='outline' onClick={onRetry}>
            重试
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
