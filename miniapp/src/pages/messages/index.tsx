import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { NotificationView } from '@linli/shared'
import { PagedList } from '../../components/PagedList'
import { Page } from '../../components/Page'
import { markRead, notificationPage, useNotifications } from '../../hooks/useNotifications'
import { useSession } from '../../hooks/useSession'
import { formatDateTime } from '../../utils/format'
import { asButton } from '../../utils/a11y'
import './index.scss'

export default function MessagesPage() {
  const session = useSession()
  const list = useNotifications()
  const [read, setRead] = useState<Set<number>>(new Set())
  useDidShow(() => {
    if (!list.loading) void list.refresh()
  })

  const open = async (n: NotificationView) => {
    if (!n.readAt && !read.has(n.id)) {
      setRead((prev) => new Set(prev).add(n.id))
      await markRead(n.id).catch(() => undefined)
    }
    const page = notificationPage(session?.user, n)
    if (page) void Taro.navigateTo({ url: page })
  }

  return (
    <Page fill>
      <PagedList
        list={list}
        emptyText='还没有消息。报事有进展、预约有变化时会通知您'
        renderItem={(n) => (
          <View key={n.id} className={`card message${n.readAt || read.has(n.id) ? '' : ' message--unread'}`} onClick={() => open(n)} {...asButton()}>
            <Text className='message__title'>{n.title}</Text>
            <Text>{n.body}</Text>
            <Text className='hint'>{formatDateTime(n.createdAt)}</Text>
          </View>
        )}
      />
    </Page>
  )
}
