import { ReactNode, useState } from 'react'
import { View } from '@tarojs/components'
import { InfiniteLoading } from '@nutui/nutui-react-taro'
import type { PagedList as PagedListState } from '../hooks/usePagedList'
import { EmptyState, LoadState } from './LoadState'

interface PagedListProps<T> {
  list: PagedListState<T>
  renderItem: (item: T) => ReactNode
  emptyText: string
}

let listSeq = 0

/** Every list: pull down to refresh, scroll to the end for more, loading / empty / error states. */
export function PagedList<T>({ list, renderItem, emptyText }: PagedListProps<T>) {
  // NutUI finds its scroller by id; pages below in the stack stay mounted, so each list needs its own.
  const [id] = useState(() => `paged-list-${++listSeq}`)
  if (list.items.length === 0 && (list.loading || list.error)) {
    return <LoadState loading={list.loading} error={list.error} onRetry={list.refresh} />
  }
  return (
    <View className='paged-list' id={id}>
      <InfiniteLoading
        target={id}
        className='paged-list__scroller'
        pullRefresh
        hasMore={list.hasMore}
        onRefresh={list.refresh}
        onLoadMore={list.loadMore}
        pullingText='松开刷新'
        loadingText='加载中…'
        loadMoreText={list.items.length ? '没有更多了' : ''}
      >
        {list.items.length === 0 ? <EmptyState text={emptyText} /> : list.items.map(renderItem)}
      </InfiniteLoading>
    </View>
  )
}
