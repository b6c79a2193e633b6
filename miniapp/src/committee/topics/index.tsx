import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { TopicStatus } from '@linli/shared'
import { PagedList } from '../../components/PagedList'
import { Page } from '../../components/Page'
import { TopicCard } from '../../components/TopicCard'
import { useSession } from '../../hooks/useSession'
import { useTopicList } from '../../hooks/useTopics'
import { asChoice, asChoiceGroup } from '../../utils/a11y'

/** The committee's view of the stages: what waits for it first (待受理), then each step it runs. */
export const AGENDA_FILTERS: { key: string; label: string; statuses: readonly TopicStatus[] }[] = [
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
      <View className='chip-row' {...asChoiceGroup('议题阶段')}>
        {AGENDA_FILTERS.map((f) => (
          <View key={f.key} className={`chip${f.key === filter.key ? ' chip--active' : ''}`} onClick={() => setFilter(f)} data-stage={f.key} {...asChoice(f.key === filter.key)}>
            <Text>{f.label}</Text>
          </View>
        ))}
      </View>
      <PagedList
        list={list}
        emptyText={`没有“${filter.label}”的议题`}
        renderItem={(t) => <TopicCard key={t.id} topic={t} onClick={() => Taro.navigateTo({ url: `/committee/topic/index?id=${t.id}` })} />}
      />
    </Page>
  )
}
