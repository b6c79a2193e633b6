import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PagedList } from '../../components/PagedList'
import { Page } from '../../components/Page'
import { useMe } from '../../hooks/useMe'
import { useSession } from '../../hooks/useSession'
import { useDeliberationBoard } from '../../hooks/useTopics'
import { communityIdOf } from '../../services/session'
import { asButton } from '../../utils/a11y'
import { BOARD_KIND_LABELS } from '../../utils/deliberation'
import { formatDateTime } from '../../utils/format'
import './index.scss'

/** 议事公示栏: the community's decisions, minutes, plans on notice, review opinions, progress and declines, each dated. */
export default function ResultsPage() {
  const session = useSession()
  const me = useMe()
  const communityId = me.data?.community?.id ?? communityIdOf(session?.user)
  const list = useDeliberationBoard(me.loading && communityId === null ? null : communityId)
  return (
    <Page fill>
      <Text className='hint results__intro'>议事的方案、纪要、表决结果和落实进度在此公示，接受居民监督。</Text>
      <PagedList
        list={list}
        emptyText='暂无议事公示'
        renderItem={(e) => (
          <View
            key={`${e.kind}-${e.topicId}-${e.at}`}
            className='card results__entry'
            data-kind={e.kind}
            onClick={() => Taro.navigateTo({ url: `/pages/topic/index?id=${e.topicId}` })}
            {...asButton()}
          >
            <Text className='results__kind'>
              {BOARD_KIND_LABELS[e.kind]} · {formatDateTime(e.at)}
            </Text>
            <Text className='card__title'>{e.title}</Text>
            <Text className='results__body'>{e.body}</Text>
            <Text className='hint'>议题：{e.topicTitle}</Text>
          </View>
        )}
      />
    </Page>
  )
}
