import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog, TextArea } from '@nutui/nutui-react-taro'
import { TOPIC_PRIORITY_LABELS, TOPIC_TEXT_LIMITS, type TopicCommentView, type TopicDetail, type VoteSummary } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { cosignProgress, TopicStatusTag } from '../../components/TopicCard'
import { MeetingInfo, ratingText, TaskInfo, TopicProgress, TopicTimeline, turnoutText, VoteResultText } from '../../components/TopicParts'
import { useServices } from '../../hooks/useBookings'
import { useResource } from '../../hooks/useResource'
import { useSession } from '../../hooks/useSession'
import { useTopic } from '../../hooks/useTopics'
import { createSubmissionKeys } from '../../services/idempotency'
import { api } from '../../services/request'
import { asButton } from '../../utils/a11y'
import { TOPIC_PARTY_LABELS } from '../../utils/deliberation'
import { formatDateTime } from '../../utils/format'
import { AcceptForm, MeetingForm, MeetingMoveForm, MeetingRecordForm, OpenVoteForm, PaperBallotForm, PlanForm, ReviewForm, TaskForm, TaskUpdateForm } from './forms'
import './index.scss'

/** Stages in which the committee may still call a meeting of the four parties. */
const MEETING_STAGES = ['submitted', 'discussion', 'notice', 'implementing']

function OpenVote({ vote, onChanged }: { vote: VoteSummary; onChanged: () => Promise<void> }) {
  const roll = useResource(() => api('GET /votes/{id}/roll', { params: { id: vote.id } }), [vote.id, vote.turnout.households])
  const [confirmClose, setConfirmClose] = useState(false)
  const close = async () => {
    setConfirmClose(false)
    await api('POST /votes/{id}/close', { params: { id: vote.id } }).catch(() => undefined)
    await onChanged()
  }
  return (
    <View className='card committee-topic__vote' data-vote-id={vote.id}>
      <Text className='card__title'>表决中{vote.secret ? ' · 不记名' : ' · 记名'}</Text>
      <Text className='hint'>规则：{vote.ruleText}</Text>
      <Text>{turnoutText(vote)}</Text>
      <Text className='hint'>{formatDateTime(vote.closesAt)}截止；截止后或全部住户投票后可以结束表决，结果按规则自动计算。</Text>
      <View className='actions'>
        <Button className='committee-topic__roll' size='large' block onClick={() => Taro.navigateTo({ url: `/committee/vote-roll/index?id=${vote.id}` })}>
          投票名册
        </Button>
        <Button className='committee-topic__close-vote' type='primary' size='large' block onClick={() => setConfirmClose(true)}>
          结束表决
        </Button>
      </View>
      {roll.data && (
        <PaperBallotForm
          roll={roll.data.entries}
          onRecord={async (body) => {
            await api('POST /votes/{id}/paper-ballots', { params: { id: vote.id }, body })
            Taro.showToast({ title: '已录入', icon: 'success' })
            await onChanged()
          }}
        />
      )}
      <Dialog visible={confirmClose} title='结束表决' content='结束后不能再投票或改票，结果按规则计算并公示。确定结束吗？' onConfirm={close} onCancel={() => setConfirmClose(false)} />
    </View>
  )
}

function CommentReply({ topic, replyTo, onClear, onSend }: { topic: TopicDetail; replyTo: TopicCommentView | null; onClear: () => void; onSend: (body: string) => Promise<void> }) {
  const [body, setBody] = useState('')
  const [busy, setBusy] = useState(false)
  if (!topic.canComment) return null
  const send = async () => {
    if (busy || body.trim().length < TOPIC_TEXT_LIMITS.commentMin) return
    setBusy(true)
    try {
      await onSend(body.trim())
      setBody('')
    } catch {
      // shown by the request module; the text stays
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card committee-topic__comment-form'>
      {replyTo && (
        <View className='chip committee-topic__replying' onClick={onClear} {...asButton()}>
          <Text>回复 {replyTo.author} ×</Text>
        </View>
      )}
      <TextArea value={body} onChange={setBody} rows={3} maxLength={TOPIC_TEXT_LIMITS.commentMax} placeholder={replyTo ? '回复居民的意见' : '以居委会名义发表意见'} />
      <Button className='committee-topic__send' type='primary' size='large' block disabled={busy || body.trim().length < TOPIC_TEXT_LIMITS.commentMin} loading={busy} onClick={send}>
        {replyTo ? '回复' : '发表意见'}
      </Button>
    </View>
  )
}

/** 议题办理 (committee): the agenda, meetings and minutes, plan versions, review, the vote, implementation. */
export default function CommitteeTopicPage() {
  useSession()
  const { params } = useRouter()
  const id = params.id ? Number(params.id) : null
  const { topic: t, loading, error, reload, run } = useTopic(id)
  const [replyTo, setReplyTo] = useState<TopicCommentView | null>(null)
  const [confirmComplete, setConfirmComplete] = useState(false)
  const [commentKeys] = useState(() => createSubmissionKeys())
  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })
  const tid = id as number
  const allowed = (a: TopicDetail['allowedActions'][number]) => t?.allowedActions.includes(a) ?? false
  const openVote = t?.votes.find((v) => v.status === 'open') ?? null
  const currentPlan = t && t.plans.length ? t.plans[t.plans.length - 1] : null
  // 预约's venues of the topic's community booked by time: a meeting there holds its time (venueId).
  const venues = useServices({ family: 'venue', communityId: t?.communityId }, Boolean(t))
  const venueChoices = (venues.data ?? []).filter((v) => v.active && v.mode === 'slots')

  return (
    <Page className='committee-topic'>
      <LoadState loading={loading && !t} error={t ? null : error} onRetry={reload}>
        {t && (
          <>
            <View className='card topic-header'>
              <View className='topic-card__head'>
                <TopicStatusTag status={t.status} />
                {t.priority && <Text className='hint'>{TOPIC_PRIORITY_LABELS[t.priority]}</Text>}
              </View>
              <Text className='card__title'>{t.title}</Text>
              <Text className='hint'>
                {t.scope.label}（{t.scope.households}户）· {t.proposer}提出于{formatDateTime(t.createdAt)}
              </Text>
              <Text>{t.description}</Text>
              {t.status === 'seconding' && <Text className='hint'>{cosignProgress(t)}</Text>}
              {t.declineReason && <Text className='text-danger'>不予受理的理由：{t.declineReason}</Text>}
              {t.tickets.map((k) => (
                <Text key={k.id} className='hint'>
                  关联报事 {k.code}：{k.description}
                </Text>
              ))}
            </View>
            <TopicProgress status={t.status} />

            {allowed('accept') && (
              <AcceptForm
                onAccept={(priority) => run(() => api('POST /topics/{id}/accept', { params: { id: tid }, body: { priority } }))}
                onDecline={(reason) => run(() => api('POST /topics/{id}/decline', { params: { id: tid }, body: { reason } }))}
              />
            )}

            {(t.meetings.length > 0 || MEETING_STAGES.includes(t.status)) && <Text className='section-title'>恳谈会</Text>}
            {t.meetings.map((m) => (
              <View key={m.id} className='card' data-meeting-id={m.id}>
                <MeetingInfo meeting={m} />
                {m.attendees && m.attendees.length > 0 && (
                  <Text className='hint'>
                    报名：{m.attendees.map((a) => `${a.name}${a.status === 'waiting' ? '（候补）' : a.status === 'attended' ? '（到会）' : a.status === 'absent' ? '（缺席）' : ''}`).join('、')}
                  </Text>
                )}
                {new Date(m.startsAt).getTime() <= Date.now() ? (
                  <MeetingRecordForm
                    meeting={m}
                    onAttendance={(ids) => run(() => api('POST /meetings/{id}/attendance', { params: { id: m.id }, body: { attendedUserIds: ids } }))}
                    onMinutes={(minutes) => run(() => api('POST /meetings/{id}/minutes', { params: { id: m.id }, body: { minutes } }))}
                  />
                ) : (
                  <>
                    <Text className='hint'>会议开始后可以签到和公布纪要。前一天会提醒报名的居民。</Text>
                    {!m.cancelledAt && <MeetingMoveForm onMove={(body) => run(() => api('POST /meetings/{id}/move', { params: { id: m.id }, body }))} />}
                  </>
                )}
              </View>
            ))}
            {MEETING_STAGES.includes(t.status) && <MeetingForm venues={venueChoices} onSchedule={(body) => run(() => api('POST /topics/{id}/meetings', { params: { id: tid }, body }))} />}

            {(t.plans.length > 0 || allowed('publish_plan')) && <Text className='section-title'>方案</Text>}
            {[...t.plans].reverse().map((p) => (
              <View key={p.version} className='card' data-plan-version={p.version}>
                <Text className='card__title'>
                  第{p.version}版 · {p.title}
                </Text>
                <Text>{p.body}</Text>
                <Text className='hint'>
                  {p.author} · {formatDateTime(p.publishedAt)}公示，公示期至{formatDateTime(p.noticeEndsAt)}
                </Text>
              </View>
            ))}
            {allowed('publish_plan') && <PlanForm nextVersion={t.planVersion + 1} onPublish={(title, body) => run(() => api('POST /topics/{id}/plans', { params: { id: tid }, body: { title, body } }))} />}
            {t.reviews.map((r) => (
              <View key={r.id} className='card'>
                <Text className='card__title'>审查意见 · {r.reviewer}</Text>
                <Text>{r.opinion}</Text>
                <Text className='hint'>
                  第{r.planVersion}版方案 · {formatDateTime(r.at)}
                </Text>
              </View>
            ))}
            {allowed('record_review') && <ReviewForm onRecord={(reviewer, opinion) => run(() => api('POST /topics/{id}/reviews', { params: { id: tid }, body: { reviewer, opinion } }))} />}

            {(t.votes.length > 0 || allowed('open_vote')) && <Text className='section-title'>表决</Text>}
            {allowed('open_vote') && (
              <OpenVoteForm noticeEndsAt={currentPlan ? formatDateTime(currentPlan.noticeEndsAt) : null} onOpen={(body) => run(() => api('POST /topics/{id}/votes', { params: { id: tid }, body }))} />
            )}
            {openVote && <OpenVote vote={openVote} onChanged={reload} />}
            {[...t.votes]
              .filter((v) => v.status === 'closed')
              .reverse()
              .map((v) => (
                <View key={v.id} className='card' data-vote-id={v.id}>
                  <Text className='card__title'>第{v.planVersion}版方案的表决</Text>
                  <Text className='hint'>规则：{v.ruleText}</Text>
                  <VoteResultText vote={v} />
                  <View className='chip' onClick={() => Taro.navigateTo({ url: `/committee/vote-roll/index?id=${v.id}` })} {...asButton('投票名册')}>
                    <Text>投票名册 ›</Text>
                  </View>
                </View>
              ))}

            {(t.tasks.length > 0 || t.status === 'implementing') && <Text className='section-title'>落实</Text>}
            {t.tasks.map((task) => (
              <View key={task.id} className='card'>
                <TaskInfo task={task} />
                {!task.doneAt && t.status === 'implementing' && (
                  <TaskUpdateForm progress={task.progress} onUpdate={(note, progress, done) => run(() => api('POST /topic-tasks/{id}/updates', { params: { id: task.id }, body: { note, progress, ...(done ? { done } : {}) } }))} />
                )}
              </View>
            ))}
            {t.status === 'implementing' && <TaskForm onAdd={(title, owner, dueOn) => run(() => api('POST /topics/{id}/tasks', { params: { id: tid }, body: { title, owner, dueOn } }))} />}
            {allowed('complete') && (
              <View className='actions'>
                <Button className='committee-topic__complete' type='primary' size='large' block onClick={() => setConfirmComplete(true)}>
                  办结议题
                </Button>
              </View>
            )}
            {t.status === 'done' && (
              <View className='card'>
                <Text className='card__title'>居民评价</Text>
                <Text className='hint'>{ratingText(t.ratings)}</Text>
              </View>
            )}

            <Text className='section-title'>意见（{t.comments.length}）</Text>
            {t.comments.map((c) => (
              <View key={c.id} className={`card topic-comment${c.replyToId ? ' topic-comment--reply' : ''}`}>
                <Text className='topic-comment__author'>
                  {TOPIC_PARTY_LABELS[c.party]} {c.author}
                </Text>
                <Text>{c.body}</Text>
                <Text className='hint'>
                  {formatDateTime(c.createdAt)}
                  {c.planVersion ? ` · 第${c.planVersion}版方案公示期间` : ''}
                  {c.held ? ' · 内容审核中，居民暂不可见' : ''}
                </Text>
                {t.canComment && !c.replyToId && (
                  <View className='chip committee-topic__reply' onClick={() => setReplyTo(c)} {...asButton(`回复${c.author}`)}>
                    <Text>回复</Text>
                  </View>
                )}
              </View>
            ))}
            <CommentReply
              topic={t}
              replyTo={replyTo}
              onClear={() => setReplyTo(null)}
              onSend={async (body) => {
                const payload = replyTo ? { body, replyToId: replyTo.id } : { body }
                const key = commentKeys.keyFor(payload)
                await run(() => api('POST /topics/{id}/comments', { params: { id: tid }, body: payload, idempotencyKey: key }))
                commentKeys.done()
                setReplyTo(null)
              }}
            />

            <Text className='section-title'>议事过程</Text>
            <View className='card'>
              <TopicTimeline topic={t} />
            </View>
          </>
        )}
      </LoadState>
      <Dialog
        visible={confirmComplete}
        title='办结议题'
        content='所有任务都已完成。办结后请范围内的住户评价结果，确定办结吗？'
        onConfirm={() => {
          setConfirmComplete(false)
          void run(() => api('POST /topics/{id}/complete', { params: { id: tid } })).catch(() => undefined)
        }}
        onCancel={() => setConfirmComplete(false)}
      />
    </Page>
  )
}
