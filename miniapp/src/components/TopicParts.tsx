/** The pieces of a topic both the resident's page and the committee's page show. */
import { Text, View } from '@tarojs/components'
import { Progress, Step, Steps } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, TOPIC_ACTION_LABELS, type MeetingView, type TopicDetail, type TopicEventType, type TopicRatingSummary, type TopicStatus, type TopicTaskView, type VoteSummary } from '@linli/shared'
import { formatDateTime, formatRate } from '../utils/format'
import './TopicParts.scss'

const EVENT_LABELS: Record<TopicEventType, string> = {
  ...TOPIC_ACTION_LABELS,
  proposed: '提出议题',
  task_added: '新增落实任务',
  task_done: '任务完成',
  meeting: '安排恳谈会',
  minutes: '公布会议纪要',
}

/** 六步议事 as the resident follows it: 提议 → 联署 → 受理 → 恳谈 → 公示 → 表决 → 落实 → 评价. */
const STAGES = ['提议', '联署', '受理', '恳谈', '公示', '表决', '落实', '评价']
const STAGE_OF: Partial<Record<TopicStatus, number>> = { seconding: 2, submitted: 3, discussion: 4, notice: 5, voting: 6, implementing: 7, done: 8 }

export function TopicProgress({ status }: { status: TopicStatus }) {
  const stage = STAGE_OF[status]
  if (!stage) return null
  return (
    <View ariaRole='img' ariaLabel={`议事进度：已到“${STAGES[stage - 1]}”，第${stage}步，共${STAGES.length}步`}>
      <Steps className='topic-progress' status='dynamic' value={stage}>
        {STAGES.map((title, i) => (
          <Step key={title} value={i + 1} title={title} />
        ))}
      </Steps>
    </View>
  )
}

export function TopicTimeline({ topic }: { topic: TopicDetail }) {
  return (
    <Steps className='ticket-timeline' status='dynamic' direction='vertical' value={topic.timeline.length} type='dot'>
      {topic.timeline.map((e, i) => (
        <Step
          key={e.id}
          value={i + 1}
          title={EVENT_LABELS[e.type] ?? e.type}
          description={
            <View className='ticket-timeline__body' data-event={e.type}>
              <Text className='ticket-timeline__time'>
                {formatDateTime(e.at)}
                {e.actor ? ` · ${e.actor.role === 'system' ? '系统' : `${ROLE_LABELS[e.actor.role]} ${e.actor.name}`}` : ''}
              </Text>
              {e.note && <Text className='ticket-timeline__note'>{e.note}</Text>}
            </View>
          }
        />
      ))}
    </Steps>
  )
}

/** 参与 12 户（共 24 户）· 面积 1100.5 / 2301.6 m²: how many took part, never how they voted. */
export function turnoutText(v: Pick<VoteSummary, 'turnout' | 'roll' | 'rule'>): string {
  const civil = v.rule === 'civil_code_ordinary' || v.rule === 'civil_code_major'
  const area = civil ? `，专有面积${v.turnout.area}㎡（共${v.roll.area}㎡）` : ''
  return `已投票${v.turnout.households}户（共${v.roll.households}户）${area}`
}

export function VoteResultText({ vote }: { vote: VoteSummary }) {
  const r = vote.result
  if (!r) return null
  const civil = vote.rule === 'civil_code_ordinary' || vote.rule === 'civil_code_major'
  const line = (label: string, c: { households: number; area: number }) => `${label}${c.households}户${civil ? `、${c.area}㎡` : ''}`
  return (
    <View className='vote-result' data-passed={String(r.passed)}>
      <Text className={`vote-result__verdict${r.passed ? '' : ' text-danger'}`}>{r.passed ? '表决通过' : r.quorumMet ? '表决未通过' : '参与人数不足，表决未通过'}</Text>
      <Text className='hint'>
        {line('同意', r.yes)}；{line('反对', r.no)}；{line('弃权', r.abstain)}；{line('参与', r.cast)}
      </Text>
    </View>
  )
}

export function MeetingInfo({ meeting }: { meeting: MeetingView }) {
  return (
    <>
      <Text className='card__title'>{meeting.title}</Text>
      {meeting.cancelledAt && <Text className='text-danger meeting-cancelled'>已取消：{meeting.cancelReason}</Text>}
      <Text className='hint'>
        {formatDateTime(meeting.startsAt)} 至 {formatDateTime(meeting.endsAt)} · {meeting.place}
        {meeting.venue ? '（已预约场地）' : ''}
      </Text>
      <Text className='hint'>
        名额{meeting.capacity}人，已报名{meeting.registered}人{meeting.waiting ? `，候补${meeting.waiting}人` : ''}
        {meeting.attendance !== null ? `，实到${meeting.attendance}人` : ''}
      </Text>
      {meeting.standingMembers.length > 0 && <Text className='hint'>列席：{meeting.standingMembers.join('、')}</Text>}
      {meeting.minutes && (
        <View className='meeting-minutes' data-testid='minutes'>
          <Text className='meeting-minutes__title'>会议纪要（{formatDateTime(meeting.minutesPublishedAt)}公布）</Text>
          <Text>{meeting.minutes}</Text>
        </View>
      )}
    </>
  )
}

export function TaskInfo({ task }: { task: TopicTaskView }) {
  return (
    <View className='topic-task' data-task-id={task.id}>
      <Text className='card__title'>{task.title}</Text>
      <Text className={`hint${task.overdue ? ' text-danger' : ''}`}>
        责任方：{task.owner} · {task.dueOn}前完成{task.doneAt ? ` · ${formatDateTime(task.doneAt)}已完成` : task.overdue ? ' · 已超期' : ''}
      </Text>
      <View ariaRole='img' ariaLabel={`进度${task.progress}%`}>
        <Progress percent={task.progress} showText />
      </View>
      {task.updates.map((u) => (
        <Text key={u.id} className='hint'>
          {formatDateTime(u.at)} {u.author}：{u.note}（{u.progress}%）
        </Text>
      ))}
    </View>
  )
}

export function ratingText(r: TopicRatingSummary): string {
  const total = r.satisfied + r.basically_satisfied + r.unsatisfied
  if (total === 0) return '还没有住户评价'
  return `满意${r.satisfied}户、基本满意${r.basically_satisfied}户、不满意${r.unsatisfied}户，满意率${formatRate(r.satisfactionRate)}`
}
