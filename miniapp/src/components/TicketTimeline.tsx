import { Text, View } from '@tarojs/components'
import { Step, Steps } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, TICKET_EVENT_LABELS, type TicketDetail, type TicketStatus } from '@linli/shared'
import { formatDateTime } from '../utils/format'
import { PhotoGrid } from './PhotoGrid'

/** 受理 → 派单 → 处理 → 办结 → 评价: how far along the loop a matter is. */
const STAGES = ['受理', '派单', '处理', '办结', '评价']
const STAGE_OF: Partial<Record<TicketStatus, number>> = { submitted: 1, dispatched: 2, accepted: 3, resolved: 4, closed: 5 }

export function stageOf(status: TicketStatus): number | null {
  return STAGE_OF[status] ?? null
}

export function TicketProgress({ status }: { status: TicketStatus }) {
  const stage = stageOf(status)
  if (stage === null) return null
  // The steps show progress by colour: a screen reader hears it in words.
  return (
    <View ariaRole='img' ariaLabel={`办理进度：已到“${STAGES[stage - 1]}”，第${stage}步，共${STAGES.length}步`}>
      <Steps className='ticket-progress' status='dynamic' value={stage}>
        {STAGES.map((title, i) => (
          <Step key={title} value={i + 1} title={title} />
        ))}
      </Steps>
    </View>
  )
}

/** Every step the matter went through, newest last, as the resident sees it. */
export function TicketTimeline({ ticket }: { ticket: TicketDetail }) {
  const events = ticket.timeline
  return (
    <Steps className='ticket-timeline' status='dynamic' direction='vertical' value={events.length} type='dot'>
      {events.map((e, i) => (
        <Step
          key={e.id}
          value={i + 1}
          title={TICKET_EVENT_LABELS[e.type] ?? e.type}
          description={
            <View className='ticket-timeline__body' data-event={e.type}>
              <Text className='ticket-timeline__time'>
                {formatDateTime(e.at)}
                {e.actor ? ` · ${e.actor.role === 'system' ? '系统' : `${ROLE_LABELS[e.actor.role]} ${e.actor.name}`}` : ''}
              </Text>
              {e.note && <Text className='ticket-timeline__note'>{e.note}</Text>}
              <PhotoGrid urls={e.photoUrls} />
            </View>
          }
        />
      ))}
    </Steps>
  )
}
