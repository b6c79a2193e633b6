import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { OPEN_TOPIC_STATUSES } from '@linli/shared'
import { Page } from '../../components/Page'
import { TopicStageList, type TopicFilter } from '../../components/TopicCard'
import { useSession } from '../../hooks/useSession'
import { useTopicList } from '../../hooks/useTopics'
import { hasRole } from '../../services/session'
import { asButton } from '../../utils/a11y'
import './index.scss'

/** The stages as the tab groups them: what is still moving first, then each step, then the finished ones. */
export const TOPIC_STAGE_FILTERS: TopicFilter[] = [
  { key: 'open', label: '进行中', statuses: OPEN_TOPIC_STATUSES },
  { key: 'seconding', label: '征集联署', statuses: ['seconding'] },
  { key: 'discussion', label: '恳谈', statuses: ['submitted', 'discussion'] },
  { key: 'notice', label: '公示', statuses: ['notice'] },
  { key: 'voting', label: '表决', statuses: ['voting'] },
  { key: 'implementing', label: '落实', statuses: ['implementing'] },
  { key: 'done', label: '已办结', statuses: ['done'] },
  { key: 'closed', label: '未成议题', statuses: ['lapsed', 'declined', 'withdrawn'] },
]

/** 议事 (tab): the community's topics by stage; 提议题 for residents, 议事公示 for everyone. */
export default function DeliberationPage() {
  const session = useSession()
  const [stage, setStage] = useState(TOPIC_STAGE_FILTERS[0])
  const list = useTopicList(stage.statuses, session !== null)
  useDidShow(() => {
    if (!list.loading) void list.refresh()
  })
  const canPropose = hasRole(session?.user, 'resident') || hasRole(session?.user, 'committee_member') || hasRole(session?.user, 'grid_worker')
  return (
    <Page fill className='deliberation'>
      <View className='deliberation__actions'>
        {canPropose && (
          <Button className='deliberation__propose' type='primary' onClick={() => Taro.navigateTo({ url: '/pages/topic-new/index' })}>
            提议题
          </Button>
        )}
        <View className='chip deliberation__results' onClick={() => Taro.navigateTo({ url: '/pages/results/index' })} {...asButton('议事公示栏')}>
          <Text>议事公示栏 ›</Text>
        </View>
      </View>
      <TopicStageList
        filters={TOPIC_STAGE_FILTERS}
        current={stage}
        onChange={setStage}
        list={list}
        emptyText={stage.key === 'open' ? '本社区暂时没有进行中的议题，有想商量的事可以点“提议题”' : `没有“${stage.label}”的议题`}
        topicPage='/pages/topic/index'
      />
    </Page>
  )
}
