import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { TOPIC_PRIORITY_LABELS, TOPIC_STATUS_LABELS, type TopicStatus, type TopicSummary } from '@linli/shared'
import Taro from '@tarojs/taro'
import type { PagedList as PagedListState } from '../hooks/usePagedList'
import { asButton, asChoice, asChoiceGroup } from '../utils/a11y'
import { PagedList } from './PagedList'
import { formatDateTime } from '../utils/format'
import './TopicParts.scss'

const TAG_TYPES: Record<TopicStatus, 'default' | 'primary' | 'info' | 'success' | 'danger' | 'warning'> = {
  seconding: 'warning',
  lapsed: 'default',
  submitted: 'warning',
  declined: 'danger',
  discussion: 'primary',
  notice: 'info',
  voting: 'primary',
  implementing: 'info',
  done: 'success',
  withdrawn: 'default',
}

export function TopicStatusTag({ status }: { status: TopicStatus }) {
  return (
    <Tag className='status-tag' type={TAG_TYPES[status]} round>
      {TOPIC_STATUS_LABELS[status]}
    </Tag>
  )
}

/** 联署 3/5 户 · 截止 12月9日 18:00: where co-signing stands, in words a screen reader says as they are. */
export function cosignProgress(t: Pick<TopicSummary, 'cosigns' | 'threshold' | 'secondingEndsAt'>): string {
  const left = Math.max(0, t.threshold - t.cosigns)
  const deadline = t.secondingEndsAt ? `，${formatDateTime(t.secondingEndsAt)}截止` : ''
  return left > 0 ? `已联署${t.cosigns}户，还差${left}户达到${t.threshold}户${deadline}` : `已联署${t.cosigns}户，达到${t.threshold}户`
}

/** A topic in a list: title, stage, scope, priority, and co-signing while it collects. */
export function TopicCard({ topic, onClick }: { topic: TopicSummary; onClick: () => void }) {
  return (
    <View className='card topic-card' onClick={onClick} data-topic-id={topic.id} {...asButton()}>
      <View className='topic-card__head'>
        <TopicStatusTag status={topic.status} />
        {topic.priority && (
          <Tag className='status-tag' type={topic.priority === 'urgent' ? 'danger' : 'default'} round>
            {TOPIC_PRIORITY_LABELS[topic.priority]}
          </Tag>
        )}
      </View>
      <Text className='card__title topic-card__title'>{topic.title}</Text>
      <Text className='hint'>{topic.scope.label}</Text>
      {topic.status === 'seconding' && <Text className='hint topic-card__cosign'>{cosignProgress(topic)}</Text>}
      <Text className='hint'>提出于{formatDateTime(topic.createdAt)}</Text>
    </View>
  )
}

/** A stage filter of a topic list: its key, its chip's words and the statuses it holds. */
export interface TopicFilter {
  key: string
  label: string
  statuses: readonly TopicStatus[]
}

/** The topic lists (议事, the committee's agenda, 业委会议事): stage chips above the paged cards, each opening `topicPage`. */
export function TopicStageList({ filters, current, onChange, list, emptyText, topicPage }: { filters: readonly TopicFilter[]; current: TopicFilter; onChange: (f: TopicFilter) => void; list: PagedListState<TopicSummary>; emptyText: string; topicPage: string }) {
  return (
    <>
      <View className='chip-row' {...asChoiceGroup('议题阶段')}>
        {filters.map((f) => (
          <View key={f.key} className={`chip${f.key === current.key ? ' chip--active' : ''}`} onClick={() => onChange(f)} data-stage={f.key} {...asChoice(f.key === current.key)}>
            <Text>{f.label}</Text>
          </View>
        ))}
      </View>
      <PagedList list={list} emptyText={emptyText} renderItem={(t) => <TopicCard key={t.id} topic={t} onClick={() => Taro.navigateTo({ url: `${topicPage}?id=${t.id}` })} />} />
    </>
  )
}
