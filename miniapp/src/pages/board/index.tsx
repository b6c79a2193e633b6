import { Text, View } from '@tarojs/components'
import { RATING_LABELS } from '@linli/shared'
import { PagedList } from '../../components/PagedList'
import { Page } from '../../components/Page'
import { useMe } from '../../hooks/useMe'
import { usePublicBoard } from '../../hooks/usePublicBoard'
import { useSession } from '../../hooks/useSession'
import { communityIdOf } from '../../services/session'
import { formatDateTime } from '../../utils/format'
import './index.scss'

/** 公示栏: what the community solved, and how residents rated it (成效全评价). */
export default function BoardPage() {
  const session = useSession()
  const me = useMe()
  const communityId = me.data?.community?.id ?? communityIdOf(session?.user)
  const list = usePublicBoard(me.loading && communityId === null ? null : communityId)
  return (
    <Page fill>
      <Text className='hint board__intro'>社区已办结的事项在此公示，接受居民监督。</Text>
      <PagedList
        list={list}
        emptyText='暂无公示'
        renderItem={(p) => (
          <View key={p.id} className='card'>
            <Text className='card__title'>
              {p.category} · {p.gridName ?? '社区'}
            </Text>
            <Text>{p.description}</Text>
            {p.resolutionNote && <Text className='hint'>办理结果：{p.resolutionNote}</Text>}
            <Text className='hint'>
              {p.code} · 报事于{formatDateTime(p.createdAt)}
              {p.closedAt ? ` · ${formatDateTime(p.closedAt)}办结` : ''}
            </Text>
            {p.rating && <Text className='hint'>居民评价：{RATING_LABELS[p.rating]}</Text>}
          </View>
        )}
      />
    </Page>
  )
}
