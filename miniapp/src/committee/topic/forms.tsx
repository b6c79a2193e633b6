/** The committee's forms on a topic: each keeps what was typed when the API refuses it (the request module says why). */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import {
  addLocalDays,
  BALLOT_CHOICE_LABELS,
  BALLOT_CHOICES_LIST,
  localDate,
  TOPIC_PRIORITIES,
  TOPIC_PRIORITY_LABELS,
  TOPIC_TEXT_LIMITS,
  VOTE_RULE_KINDS,
  VOTE_RULE_LABELS,
  type BallotChoice,
  type MeetingMoveRequest,
  type MeetingRequest,
  type MeetingView,
  type OpenVoteRequest,
  type PaperBallotRequest,
  type TopicPriority,
  type VoteRollEntry,
  type VoteRuleKind,
} from '@linli/shared'
import { PhotoPicker } from '../../components/PhotoPicker'
import { usePhotoUploads } from '../../hooks/usePhotoUploads'
import { asChoice, asChoiceGroup } from '../../utils/a11y'
import { ApiRequestError } from '../../services/request'
import { ERROR_MESSAGES } from '../../services/messages'
import { communityUtcOffset, localTimeToIso } from '../../utils/format'
import { MEETING_DURATIONS, meetingDays, meetingTimes, startTimesOn } from '../../utils/deliberation'

/** The short names of the rules for the chips; the full rule in plain Chinese is shown under them. */
export const VOTE_RULE_SHORT: Record<VoteRuleKind, string> = {
  simple_majority: '过半数',
  two_thirds_of_all: '全体三分之二',
  unanimity: '全体一致',
  civil_code_ordinary: '民法典一般事项',
  civil_code_major: '民法典重大事项',
}

function Choices<T extends string>({ name, options, value, onChange, labels, className = '' }: { name: string; options: readonly T[]; value: T | null; onChange: (v: T) => void; labels: Record<T, string>; className?: string }) {
  return (
    <View className={`chip-row committee-topic__choices ${className}`} {...asChoiceGroup(name)}>
      {options.map((o) => (
        <View key={o} className={`chip${value === o ? ' chip--active' : ''}`} onClick={() => onChange(o)} data-choice={o} {...asChoice(value === o)}>
          <Text>{labels[o]}</Text>
        </View>
      ))}
    </View>
  )
}

/** Runs a submit once at a time; a refusal leaves the form as it is. */
function useSubmit(action: () => Promise<unknown>, after?: () => void) {
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (busy) return
    setBusy(true)
    try {
      await action()
      after?.()
    } catch {
      // the request module showed why
    } finally {
      setBusy(false)
    }
  }
  return { busy, submit }
}

export function AcceptForm({ onAccept, onDecline }: { onAccept: (priority: TopicPriority) => Promise<unknown>; onDecline: (reason: string) => Promise<unknown> }) {
  const [priority, setPriority] = useState<TopicPriority | null>(null)
  const [reason, setReason] = useState('')
  const accept = useSubmit(() => onAccept(priority as TopicPriority))
  const decline = useSubmit(() => onDecline(reason.trim()))
  return (
    <View className='card committee-topic__agenda'>
      <Text className='card__title'>受理议题</Text>
      <Choices name='优先级' options={TOPIC_PRIORITIES} value={priority} onChange={setPriority} labels={TOPIC_PRIORITY_LABELS} />
      <Button className='committee-topic__accept' type='primary' size='large' block disabled={!priority || accept.busy} loading={accept.busy} onClick={accept.submit}>
        受理，列入议程
      </Button>
      <Text className='card__title committee-topic__gap'>不予受理</Text>
      <TextArea value={reason} onChange={setReason} rows={3} maxLength={TOPIC_TEXT_LIMITS.commentMax} placeholder='不予受理的理由（会公示给居民）' />
      <Button className='committee-topic__decline' size='large' block disabled={reason.trim().length < 2 || decline.busy} loading={decline.busy} onClick={decline.submit}>
        不予受理
      </Button>
    </View>
  )
}

/** A meeting's time, picked: a day of the next two weeks, a start every half hour in daytime, a length. Chips, so both builds work alike. */
export interface MeetingWhen {
  day: string
  start: string | null
  minutes: number
}

export function WhenPicker({ value, onChange, now = new Date() }: { value: MeetingWhen; onChange: (v: MeetingWhen) => void; now?: Date }) {
  const offset = communityUtcOffset()
  const days = meetingDays(now, offset)
  const starts = startTimesOn(value.day, now, offset)
  const dayLabels = Object.fromEntries(days.map((d) => [d.day, d.label]))
  const durationLabels = Object.fromEntries(MEETING_DURATIONS.map((d) => [String(d.minutes), d.label]))
  return (
    <View className='when-picker'>
      <Text className='when-picker__label'>日期</Text>
      <Choices name='会议日期' className='when-picker__days' options={days.map((d) => d.day)} value={value.day} onChange={(day) => onChange({ ...value, day, start: value.start && startTimesOn(day, now, offset).includes(value.start) ? value.start : null })} labels={dayLabels} />
      <Text className='when-picker__label'>开始时间</Text>
      <Choices name='开始时间' className='when-picker__starts' options={starts} value={value.start} onChange={(start) => onChange({ ...value, start })} labels={Object.fromEntries(starts.map((t) => [t, t]))} />
      <Text className='when-picker__label'>时长</Text>
      <Choices name='会议时长' className='when-picker__durations' options={MEETING_DURATIONS.map((d) => String(d.minutes))} value={String(value.minutes)} onChange={(m) => onChange({ ...value, minutes: Number(m) })} labels={durationLabels} />
    </View>
  )
}

/** The chosen time as the API takes it, or null while no start is picked. */
export function whenTimes(when: MeetingWhen): { startsAt: string; endsAt: string } | null {
  return when.start ? meetingTimes(when.day, when.start, when.minutes, communityUtcOffset()) : null
}

/** What a refusal said, kept on the form (a venue taken or closed says which time and what to do). */
function useRefusal() {
  const [refusal, setRefusal] = useState<string | null>(null)
  const guard = async (action: () => Promise<unknown>) => {
    setRefusal(null)
    try {
      return await action()
    } catch (err) {
      setRefusal(err instanceof ApiRequestError ? err.message : ERROR_MESSAGES.submitFailed)
      throw err
    }
  }
  return { refusal, guard }
}

const OTHER_PLACE = 'other'

export function MeetingForm({ venues, onSchedule }: { venues: { id: number; name: string; place: string }[]; onSchedule: (body: MeetingRequest) => Promise<unknown> }) {
  const [title, setTitle] = useState('多方恳谈会')
  const [when, setWhen] = useState<MeetingWhen>(() => ({ day: addLocalDays(localDate(new Date(), communityUtcOffset()), 1), start: '19:00', minutes: 120 }))
  const [where, setWhere] = useState<string | null>(null)
  const [place, setPlace] = useState('')
  const [capacity, setCapacity] = useState('30')
  const [members, setMembers] = useState('居委会、业委会、物业公司、社会组织')
  const { refusal, guard } = useRefusal()
  const times = whenTimes(when)
  const cap = Number(capacity)
  const venueId = where && where !== OTHER_PLACE ? Number(where) : null
  const problem = !times ? '请选择开始时间' : !where ? '请选择场地' : where === OTHER_PLACE && !place.trim() ? '请填写地点' : !(Number.isInteger(cap) && cap > 0) ? '名额是正整数' : null
  const schedule = useSubmit(() =>
    guard(() =>
      onSchedule({
        title: title.trim(),
        ...(times as { startsAt: string; endsAt: string }),
        ...(venueId !== null ? { venueId } : { place: place.trim() }),
        capacity: cap,
        standingMembers: members.split(/[、,，\s]+/).filter(Boolean),
      }),
    ),
  )
  const placeLabels: Record<string, string> = { ...Object.fromEntries(venues.map((v) => [String(v.id), `${v.name}（${v.place}）`])), [OTHER_PLACE]: '其他地点' }
  return (
    <View className='card committee-topic__meeting-form'>
      <Text className='card__title'>安排恳谈会</Text>
      <Input className='meeting-form__title' value={title} onChange={setTitle} placeholder='会议名称' />
      <WhenPicker value={when} onChange={setWhen} />
      <Text className='when-picker__label'>场地</Text>
      <Choices name='会议场地' className='meeting-form__venues' options={[...venues.map((v) => String(v.id)), OTHER_PLACE]} value={where} onChange={setWhere} labels={placeLabels} />
      {venueId !== null && <Text className='hint'>选预约场地，会议时间在预约里为会议保留，居民不能再约；已被预约时会提示另选。</Text>}
      {where === OTHER_PLACE && <Input className='meeting-form__place' value={place} onChange={setPlace} placeholder='地点，如 11栋楼下空地' />}
      <Input className='meeting-form__capacity' type='number' value={capacity} onChange={setCapacity} placeholder='居民名额' />
      <Input className='meeting-form__members' value={members} onChange={setMembers} placeholder='列席的四方，用顿号分隔' />
      {refusal && <Text className='text-danger meeting-form__refusal'>{refusal}</Text>}
      {problem && <Text className='hint'>{problem}</Text>}
      <Button className='meeting-form__submit' type='primary' size='large' block disabled={Boolean(problem) || schedule.busy} loading={schedule.busy} onClick={schedule.submit}>
        安排会议并通知居民
      </Button>
    </View>
  )
}

/** 改期: a new time by the same chips, and why; the venue's hold moves with it. */
export function MeetingMoveForm({ onMove }: { onMove: (body: MeetingMoveRequest) => Promise<unknown> }) {
  const [when, setWhen] = useState<MeetingWhen>(() => ({ day: addLocalDays(localDate(new Date(), communityUtcOffset()), 1), start: null, minutes: 120 }))
  const [reason, setReason] = useState('')
  const { refusal, guard } = useRefusal()
  const times = whenTimes(when)
  const move = useSubmit(() => guard(() => onMove({ ...(times as { startsAt: string; endsAt: string }), reason: reason.trim() })))
  return (
    <View className='committee-topic__move-form'>
      <Text className='card__title committee-topic__gap'>改期</Text>
      <WhenPicker value={when} onChange={setWhen} />
      <Input className='meeting-move__reason' value={reason} onChange={setReason} maxLength={TOPIC_TEXT_LIMITS.commentMax} placeholder='改期原因（会通知报名的居民）' />
      {refusal && <Text className='text-danger meeting-move__refusal'>{refusal}</Text>}
      <Button className='meeting-move__submit' size='large' block disabled={!times || reason.trim().length < 2 || move.busy} loading={move.busy} onClick={move.submit}>
        改到这个时间
      </Button>
    </View>
  )
}

/** After the meeting has started: who came (the others registered are marked absent), and the minutes. */
export function MeetingRecordForm({ meeting, onAttendance, onMinutes }: { meeting: MeetingView; onAttendance: (ids: number[]) => Promise<unknown>; onMinutes: (text: string) => Promise<unknown> }) {
  const people = (meeting.attendees ?? []).filter((a) => a.status !== 'waiting')
  const [came, setCame] = useState<number[]>(() => people.filter((a) => a.status === 'attended').map((a) => a.userId))
  const [minutes, setMinutes] = useState(meeting.minutes ?? '')
  const attendance = useSubmit(() => onAttendance(came))
  const publish = useSubmit(() => onMinutes(minutes.trim()))
  const toggle = (id: number) => setCame(came.includes(id) ? came.filter((x) => x !== id) : [...came, id])
  return (
    <View className='committee-topic__record'>
      {people.length > 0 && (
        <>
          <Text className='card__title'>签到</Text>
          <View className='chip-row committee-topic__wrap' {...asChoiceGroup('到会的居民')}>
            {people.map((a) => (
              <View key={a.userId} className={`chip${came.includes(a.userId) ? ' chip--active' : ''}`} onClick={() => toggle(a.userId)} {...asChoice(came.includes(a.userId))}>
                <Text>{a.name}</Text>
              </View>
            ))}
          </View>
          <Button className='meeting-record__attendance' size='large' block loading={attendance.busy} onClick={attendance.submit}>
            记录签到（{came.length}人到会）
          </Button>
        </>
      )}
      <Text className='card__title committee-topic__gap'>会议纪要</Text>
      <TextArea className='meeting-record__minutes' value={minutes} onChange={setMinutes} rows={5} maxLength={TOPIC_TEXT_LIMITS.planBodyMax} placeholder='会议讨论了什么、形成了哪些意见（公布后在公示栏公示）' />
      <Button className='meeting-record__publish' type='primary' size='large' block disabled={minutes.trim().length < 2 || publish.busy} loading={publish.busy} onClick={publish.submit}>
        {meeting.minutes ? '更新纪要' : '公布纪要'}
      </Button>
    </View>
  )
}

export function PlanForm({ nextVersion, onPublish }: { nextVersion: number; onPublish: (title: string, body: string) => Promise<unknown> }) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const publish = useSubmit(
    () => onPublish(title.trim(), body.trim()),
    () => {
      setTitle('')
      setBody('')
    },
  )
  const ready = title.trim().length >= TOPIC_TEXT_LIMITS.titleMin && body.trim().length >= TOPIC_TEXT_LIMITS.planBodyMin
  return (
    <View className='card committee-topic__plan-form'>
      <Text className='card__title'>公示方案（第{nextVersion}版）</Text>
      <Input className='plan-form__title' value={title} onChange={setTitle} maxLength={TOPIC_TEXT_LIMITS.titleMax} placeholder='方案标题' />
      <TextArea className='plan-form__body' value={body} onChange={setBody} rows={6} maxLength={TOPIC_TEXT_LIMITS.planBodyMax} showCount placeholder='方案内容：做什么、谁来做、费用怎么出、何时完成' />
      <Text className='hint'>公示后，公示期满才能开始表决；再公示新版本，公示期重新计算。以前的版本都会保留。</Text>
      <Button className='plan-form__submit' type='primary' size='large' block disabled={!ready || publish.busy} loading={publish.busy} onClick={publish.submit}>
        公示方案
      </Button>
    </View>
  )
}

export function ReviewForm({ onRecord }: { onRecord: (reviewer: string, opinion: string) => Promise<unknown> }) {
  const [reviewer, setReviewer] = useState('')
  const [opinion, setOpinion] = useState('')
  const record = useSubmit(
    () => onRecord(reviewer.trim(), opinion.trim()),
    () => setOpinion(''),
  )
  return (
    <View className='card committee-topic__review-form'>
      <Text className='card__title'>专家审查意见（可选）</Text>
      <Input className='review-form__reviewer' value={reviewer} onChange={setReviewer} maxLength={TOPIC_TEXT_LIMITS.reviewerMax} placeholder='审查方，如 街道办、律师' />
      <TextArea className='review-form__opinion' value={opinion} onChange={setOpinion} rows={3} maxLength={TOPIC_TEXT_LIMITS.opinionMax} placeholder='审查意见' />
      <Button className='review-form__submit' size='large' block disabled={!reviewer.trim() || opinion.trim().length < TOPIC_TEXT_LIMITS.opinionMin || record.busy} loading={record.busy} onClick={record.submit}>
        记录审查意见
      </Button>
    </View>
  )
}

export function OpenVoteForm({ noticeEndsAt, onOpen }: { noticeEndsAt: string | null; onOpen: (body: OpenVoteRequest) => Promise<unknown> }) {
  const [rule, setRule] = useState<VoteRuleKind | null>(null)
  const [quorum, setQuorum] = useState('50')
  const [secret, setSecret] = useState<'secret' | 'open'>('secret')
  const [days, setDays] = useState('7')
  const [at, setAt] = useState('20:00')
  const closeDay = addLocalDays(localDate(new Date(), communityUtcOffset()), Number(days) || 0)
  const closesAt = Number.isInteger(Number(days)) && Number(days) >= 1 ? localTimeToIso(closeDay, at) : null
  const q = Number(quorum)
  const problem = !rule ? '请选择表决规则' : !closesAt ? '截止写作几天后（至少1天）的几点，如 7 天后 20:00' : rule === 'simple_majority' && !(q > 0 && q <= 100) ? '参与比例在 1 到 100 之间' : null
  const open = useSubmit(() =>
    onOpen({ rule: rule as VoteRuleKind, secret: secret === 'secret', closesAt: closesAt as string, ...(rule === 'simple_majority' ? { quorum: q / 100 } : {}) }),
  )
  return (
    <View className='card committee-topic__vote-form'>
      <Text className='card__title'>开始表决</Text>
      {noticeEndsAt && <Text className='hint'>公示期至 {noticeEndsAt}，期满后才能开始表决。</Text>}
      <Choices name='表决规则' options={VOTE_RULE_KINDS} value={rule} onChange={setRule} labels={VOTE_RULE_SHORT} />
      {rule && <Text className='vote-form__rule'>通过规则：{VOTE_RULE_LABELS[rule]}</Text>}
      {rule === 'simple_majority' && <Input className='vote-form__quorum' type='number' value={quorum} onChange={setQuorum} placeholder='参与表决的户数至少占百分之几' />}
      <Choices name='投票方式' options={['secret', 'open'] as const} value={secret} onChange={setSecret} labels={{ secret: '不记名', open: '记名' }} />
      <View className='committee-topic__row'>
        <Input className='vote-form__days' type='number' value={days} onChange={setDays} placeholder='几天后截止' />
        <Input className='vote-form__at' value={at} onChange={setAt} placeholder='截止时间，如 20:00' />
      </View>
      <Text className='hint'>开始时确定表决名册（范围内的住户；按民法典表决时只含业主及其专有面积），之后迁入迁出不改变名册。</Text>
      {problem && <Text className='hint'>{problem}</Text>}
      <Button className='vote-form__submit' type='primary' size='large' block disabled={Boolean(problem) || open.busy} loading={open.busy} onClick={open.submit}>
        开始表决
      </Button>
    </View>
  )
}

/** 纸质表决票 / 委托书: a household of the roll that has not voted in the app, its choice, and a photo of the signed paper. */
export function PaperBallotForm({ roll, onRecord }: { roll: VoteRollEntry[]; onRecord: (body: PaperBallotRequest) => Promise<unknown> }) {
  const [householdId, setHouseholdId] = useState<number | null>(null)
  const [choice, setChoice] = useState<BallotChoice | null>(null)
  const [channel, setChannel] = useState<'paper' | 'proxy'>('paper')
  const [proxyName, setProxyName] = useState('')
  const [filter, setFilter] = useState('')
  const uploads = usePhotoUploads(1)
  const photo = uploads.photos.find((p) => p.status === 'done')
  const candidates = roll.filter((e) => !e.voted && (!filter.trim() || `${e.building}${e.household}${e.owner ?? ''}`.includes(filter.trim())))
  const problem = !householdId ? '请选择住户' : !choice ? '请选择表决意见' : !photo?.fileId ? '请拍下签字的表决票或委托书' : channel === 'proxy' && !proxyName.trim() ? '请填写受托人姓名' : null
  const record = useSubmit(
    () => onRecord({ householdId: householdId as number, choice: choice as BallotChoice, channel, photoId: photo!.fileId as number, ...(channel === 'proxy' ? { proxyName: proxyName.trim() } : {}) }),
    () => {
      setHouseholdId(null)
      setChoice(null)
      setProxyName('')
      uploads.photos.forEach((p) => uploads.remove(p.key))
    },
  )
  return (
    <View className='card committee-topic__paper-form'>
      <Text className='card__title'>录入纸质票或委托书</Text>
      <Input className='paper-form__filter' value={filter} onChange={setFilter} placeholder='按房号或业主姓名查找' />
      <View className='chip-row committee-topic__wrap' {...asChoiceGroup('住户')}>
        {candidates.slice(0, 30).map((e) => (
          <View key={e.householdId} className={`chip${householdId === e.householdId ? ' chip--active' : ''}`} onClick={() => setHouseholdId(e.householdId)} data-household-id={e.householdId} {...asChoice(householdId === e.householdId)}>
            <Text>
              {e.household}
              {e.owner ? ` ${e.owner}` : ''}
            </Text>
          </View>
        ))}
      </View>
      {candidates.length === 0 && <Text className='hint'>名册上没有未投票的住户</Text>}
      <Choices name='表决意见' options={BALLOT_CHOICES_LIST} value={choice} onChange={setChoice} labels={BALLOT_CHOICE_LABELS} />
      <Choices name='票据' options={['paper', 'proxy'] as const} value={channel} onChange={setChannel} labels={{ paper: '纸质表决票', proxy: '委托书' }} />
      {channel === 'proxy' && <Input className='paper-form__proxy' value={proxyName} onChange={setProxyName} maxLength={TOPIC_TEXT_LIMITS.proxyNameMax} placeholder='受托人姓名' />}
      <PhotoPicker uploads={uploads} />
      {problem && <Text className='hint'>{problem}</Text>}
      <Button className='paper-form__submit' type='primary' size='large' block disabled={Boolean(problem) || record.busy} loading={record.busy} onClick={record.submit}>
        录入
      </Button>
    </View>
  )
}

export function TaskForm({ onAdd }: { onAdd: (title: string, owner: string, dueOn: string) => Promise<unknown> }) {
  const [title, setTitle] = useState('')
  const [owner, setOwner] = useState('')
  const [dueOn, setDueOn] = useState(addLocalDays(localDate(new Date(), communityUtcOffset()), 30))
  const add = useSubmit(
    () => onAdd(title.trim(), owner.trim(), dueOn.trim()),
    () => {
      setTitle('')
      setOwner('')
    },
  )
  const ready = title.trim().length >= TOPIC_TEXT_LIMITS.taskTitleMin && owner.trim().length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(dueOn.trim())
  return (
    <View className='card committee-topic__task-form'>
      <Text className='card__title'>新增落实任务</Text>
      <Input className='task-form__title' value={title} onChange={setTitle} maxLength={TOPIC_TEXT_LIMITS.taskTitleMax} placeholder='任务，如 安装充电桩' />
      <Input className='task-form__owner' value={owner} onChange={setOwner} maxLength={TOPIC_TEXT_LIMITS.taskOwnerMax} placeholder='责任方，如 钢花物业' />
      <Input className='task-form__due' value={dueOn} onChange={setDueOn} placeholder='完成日期，如 2026-12-31' />
      <Button className='task-form__submit' size='large' block disabled={!ready || add.busy} loading={add.busy} onClick={add.submit}>
        新增任务
      </Button>
    </View>
  )
}

export function TaskUpdateForm({ progress, onUpdate }: { progress: number; onUpdate: (note: string, progress: number, done: boolean) => Promise<unknown> }) {
  const [note, setNote] = useState('')
  const [value, setValue] = useState(String(Math.min(100, progress + 10)))
  const n = Number(value)
  const ready = note.trim().length >= TOPIC_TEXT_LIMITS.progressNoteMin && Number.isInteger(n) && n >= 0 && n <= 100
  const update = useSubmit(
    () => onUpdate(note.trim(), n, n === 100),
    () => setNote(''),
  )
  return (
    <View className='committee-topic__task-update'>
      <Input className='task-update__note' value={note} onChange={setNote} maxLength={TOPIC_TEXT_LIMITS.progressNoteMax} placeholder='进展说明（会公示）' />
      <Input className='task-update__progress' type='number' value={value} onChange={setValue} placeholder='进度（0–100），100 为完成' />
      <Button className='task-update__submit' size='large' block disabled={!ready || update.busy} loading={update.busy} onClick={update.submit}>
        {n === 100 ? '更新进度并标记完成' : '更新进度'}
      </Button>
    </View>
  )
}
