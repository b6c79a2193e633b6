import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { TOPIC_PRIORITY_LABELS, TOPIC_STATUS_LABELS, type TopicStatus, type TopicSummary } from '@linli/shared'
import { asButton } from '../utils/a11y'
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
