import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Page } from '../../components/Page'
import { TopicStageList, type TopicFilter } from '../../components/TopicCard'
import { useSession } from '../../hooks/useSession'
import { useTopicList } from '../../hooks/useTopics'

/** The committee's view of the stages: what waits for it first (待受理), then each step it runs. */
export const AGENDA_FILTERS: TopicFilter[] = [
  { key: 'submitted', label: '待受理', statuses: ['submitted'] },
  { key: 'discussion', label: '恳谈', statuses: ['discussion'] },
  { key: 'notice', label: '公示', statuses: ['notice'] },
  { key: 'voting', label: '表决', statuses: ['voting'] },
  { key: 'implementing', label: '落实', statuses: ['implementing'] },
  { key: 'seconding', label: '联署中', statuses: ['seconding'] },
  { key: 'all', label: '全部', statuses: [] },
]

/** 议事议程: topics to accept (急办 / 一般) or decline, and the ones the committee is running. */
export default function CommitteeTopicsPage() {
  useSession()
  const [filter, setFilter] = useState(AGENDA_FILTERS[0])
  const list = useTopicList(filter.statuses)
  useDidShow(() => {
    if (!list.loading) void list.refresh()
  })
  return (
    <Page fill className='committee-topics'>
      <TopicStageList filters={AGENDA_FILTERS} current={filter} onChange={setFilter} list={list} emptyText={`没有“${filter.label}”的议题`} topicPage='/committee/topic/index' />
    </Page>
  )
}
