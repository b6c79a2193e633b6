import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog, TextArea } from '@nutui/nutui-react-taro'
import { RATING_LABELS, TOPIC_PRIORITY_LABELS, TOPIC_TEXT_LIMITS, type MeetingView, type Rating, type TopicDetail } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { RateForm } from '../../components/RateForm'
import { Page } from '../../components/Page'
import { cosignProgress, TopicStatusTag } from '../../components/TopicCard'
import { MeetingInfo, ratingText, TaskInfo, TopicProgress, TopicTimeline, turnoutText, VoteResultText } from '../../components/TopicParts'
import { topicActions, useTopic } from '../../hooks/useTopics'
import { createSubmissionKeys } from '../../services/idempotency'
import { asButton } from '../../utils/a11y'
import { ownersCommitteeLabel, TOPIC_PARTY_LABELS } from '../../utils/deliberation'
import { useSession } from '../../hooks/useSession'
import { formatDateTime } from '../../utils/format'
import './index.scss'

const REGISTRATION_TEXT = { registered: '您已报名', waiting: '您在候补名单', cancelled: '您已取消报名', attended: '您已参会', absent: '您报名但未到会' } as const

function MeetingCard({ meeting, standing, onRegister, onCancel }: { meeting: MeetingView; standing: string | null; onRegister: () => void; onCancel: () => void }) {
  const mine = meeting.myRegistration
  const started = new Date(meeting.startsAt).getTime() <= Date.now()
  const active = mine && (mine.status === 'registered' || mine.status === 'waiting')
  const full = meeting.registered >= meeting.capacity
  return (
    <View className='card meeting-card' data-meeting-id={meeting.id}>
      <MeetingInfo meeting={meeting} />
      {standing && meeting.standingMembers.includes(standing) && <Text className='meeting-card__standing'>您作为{standing}常设成员参会</Text>}
      {mine && (
        <Text className='meeting-card__mine'>
          {REGISTRATION_TEXT[mine.status]}
          {mine.status === 'waiting' && mine.position ? `，排第${mine.position}位，有人取消时自动递补并通知您` : ''}
        </Text>
      )}
      {!started && !meeting.cancelledAt && (
        <View className='actions'>
          {active ? (
            <Button className='meeting-card__cancel' size='large' block onClick={onCancel}>
              取消报名
            </Button>
          ) : (
            <Button className='meeting-card__register' type='primary' size='large' block onClick={onRegister}>
              {full ? '加入候补' : '报名参会'}
            </Button>
          )}
        </View>
      )}
    </View>
  )
}

function CommentForm({ onSend, as }: { onSend: (body: string) => Promise<void>; as: string | null }) {
  const [body, setBody] = useState('')
  const [busy, setBusy] = useState(false)
  const short = body.trim().length < TOPIC_TEXT_LIMITS.commentMin
  const send = async () => {
    if (short || busy) return
    setBusy(true)
    try {
      await onSend(body.trim())
      setBody('')
    } catch {
      // shown by the request module; the text stays for a retry (the same key)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card topic-comment-form'>
      {as && <Text className='hint topic-comment-form__as'>您将以“{as}”身份发表意见</Text>}
      <TextArea value={body} onChange={setBody} maxLength={TOPIC_TEXT_LIMITS.commentMax} showCount rows={3} placeholder='发表您的意见或建议' />
      <View className='actions'>
        <Button className='topic-comment-form__send' type='primary' size='large' block disabled={short || busy} loading={busy} onClick={send}>
          发表意见
        </Button>
      </View>
    </View>
  )
}

function latestPlan(t: TopicDetail) {
  return t.plans.length ? t.plans[t.plans.length - 1] : null
}

/** 议题详情: where it stands, and what a resident may do at this stage. */
export default function TopicPage() {
  const { params } = useRouter()
  const id = params.id ? Number(params.id) : null
  const { topic, loading, error, reload, run } = useTopic(id)
  const [confirmWithdraw, setConfirmWithdraw] = useState(false)
  const [showOlderPlans, setShowOlderPlans] = useState(false)
  const [commentKeys] = useState(() => createSubmissionKeys())
  const session = useSession()
  const owners = topic ? ownersCommitteeLabel(session?.user.roles, topic.communityId) : null

  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })
  useDidShow(() => {
    // Back from the vote page: the turnout and the ballot have moved.
    if (topic) void reload()
  })

  const act = (action: () => Promise<unknown>) => run(action).catch(() => undefined)
  const sendComment = async (body: string) => {
    const key = commentKeys.keyFor({ body })
    await run(() => topicActions.comment(id as number, body, key))
    commentKeys.done()
  }
  const rate = async (rating: Rating, comment: string) => {
    await run(() => topicActions.rate(id as number, comment ? { rating, comment } : { rating }))
  }

  const t = topic
  const plan = t ? latestPlan(t) : null
  return (
    <Page className='topic-page'>
      <LoadState loading={loading && !t} error={t ? null : error} onRetry={reload}>
        {t && (
          <>
            <View className='card topic-header'>
              <View className='topic-card__head'>
                <TopicStatusTag status={t.status} />
                {t.priority && <Text className='hint'>{TOPIC_PRIORITY_LABELS[t.priority]}</Text>}
              </View>
              <Text className='card__title topic-header__title'>{t.title}</Text>
              <Text className='hint'>
                {t.scope.label} · {t.proposer}提出于{formatDateTime(t.createdAt)}
              </Text>
              <Text className='topic-header__desc'>{t.description}</Text>
              {t.declineReason && <Text className='text-danger'>不予受理的理由：{t.declineReason}</Text>}
              {t.tickets.length > 0 && <Text className='hint'>由{t.tickets.length}件报事汇集：{t.tickets.map((k) => k.description).join('；')}</Text>}
            </View>
            <TopicProgress status={t.status} />

            {t.status === 'seconding' && (
              <View className='card topic-cosign' data-testid='cosign'>
                <Text className='card__title'>征集联署</Text>
                <Text className='topic-cosign__progress'>{cosignProgress(t)}</Text>
                <Text className='hint'>范围内每户联署一次，达到户数后提交居委会受理；期满未达到，议题不成立。</Text>
                {t.myCosign ? (
                  <Text className='topic-cosign__done'>您家已联署</Text>
                ) : (
                  t.allowedActions.includes('cosign') && (
                    <View className='actions'>
                      <Button className='topic-cosign__button' type='primary' size='large' block onClick={() => act(() => topicActions.cosign(t.id))}>
                        我家联署
                      </Button>
                    </View>
                  )
                )}
              </View>
            )}

            {plan && (
              <>
                <Text className='section-title'>方案（第{plan.version}版）</Text>
                <View className='card topic-plan' data-plan-version={plan.version}>
                  <Text className='card__title'>{plan.title}</Text>
                  <Text>{plan.body}</Text>
                  <Text className='hint'>
                    {formatDateTime(plan.publishedAt)}公示，{t.status === 'notice' ? `公示至${formatDateTime(plan.noticeEndsAt)}，期间欢迎提出意见` : `公示期至${formatDateTime(plan.noticeEndsAt)}`}
                  </Text>
                  {t.plans.length > 1 && (
                    <View className='chip topic-plan__older' onClick={() => setShowOlderPlans(!showOlderPlans)} {...asButton(showOlderPlans ? '收起以前的版本' : `查看以前的${t.plans.length - 1}个版本`)}>
                      <Text>{showOlderPlans ? '收起以前的版本' : `查看以前的${t.plans.length - 1}个版本`}</Text>
                    </View>
                  )}
                  {showOlderPlans &&
                    t.plans.slice(0, -1).reverse().map((p) => (
                      <View key={p.version} className='topic-plan__old'>
                        <Text className='hint'>
                          第{p.version}版 · {formatDateTime(p.publishedAt)}公示 · {p.title}
                        </Text>
                        <Text className='hint'>{p.body}</Text>
                      </View>
                    ))}
                </View>
              </>
            )}

            {t.reviews.map((r) => (
              <View key={r.id} className='card'>
                <Text className='card__title'>审查意见 · {r.reviewer}</Text>
                <Text>{r.opinion}</Text>
                <Text className='hint'>
                  针对第{r.planVersion}版方案 · {formatDateTime(r.at)}
                </Text>
              </View>
            ))}

            {t.votes.length > 0 && <Text className='section-title'>居民表决</Text>}
            {[...t.votes].reverse().map((v) => (
              <View key={v.id} className='card topic-vote' data-vote-id={v.id} onClick={() => Taro.navigateTo({ url: `/pages/vote/index?id=${v.id}` })} {...asButton()}>
                <Text className='card__title'>
                  第{v.planVersion}版方案 · {v.status === 'open' ? '表决中' : '已结束'}
                  {v.secret ? ' · 不记名' : ''}
                </Text>
                <Text className='hint'>规则：{v.ruleText}</Text>
                <Text className='hint'>{turnoutText(v)}</Text>
                {v.status === 'open' ? <Text className='hint'>{formatDateTime(v.closesAt)}截止</Text> : <VoteResultText vote={v} />}
                <Text className='topic-vote__go'>{v.status === 'open' ? '去表决 ›' : '查看结果与回执 ›'}</Text>
              </View>
            ))}

            {t.meetings.length > 0 && <Text className='section-title'>恳谈会</Text>}
            {t.meetings.map((m) => (
              <MeetingCard key={m.id} meeting={m} standing={owners} onRegister={() => act(() => topicActions.register(m.id))} onCancel={() => act(() => topicActions.cancelRegistration(m.id))} />
            ))}

            {t.tasks.length > 0 && (
              <>
                <Text className='section-title'>落实进度</Text>
                <View className='card'>
                  {t.tasks.map((task) => (
                    <TaskInfo key={task.id} task={task} />
                  ))}
                </View>
              </>
            )}

            {(t.status === 'done' || t.ratings.satisfied + t.ratings.basically_satisfied + t.ratings.unsatisfied > 0) && (
              <View className='card topic-ratings'>
                <Text className='card__title'>居民评价</Text>
                <Text className='hint'>{ratingText(t.ratings)}</Text>
                {t.myRating && <Text>您家的评价：{RATING_LABELS[t.myRating]}</Text>}
              </View>
            )}
            {t.allowedActions.includes('rate') && !t.myRating && <RateForm title='您对落实结果满意吗？' placeholder='说说落实得怎么样（可不填）' onRate={rate} />}

            <Text className='section-title'>意见（{t.comments.length}）</Text>
            {t.comments.length === 0 && <Text className='hint topic-page__pad'>还没有意见</Text>}
            {t.comments.map((c) => (
              <View key={c.id} className={`card topic-comment${c.replyToId ? ' topic-comment--reply' : ''}`}>
                <Text className='topic-comment__author'>
                  {TOPIC_PARTY_LABELS[c.party]} {c.author}
                  {c.replyToId ? ' 回复' : ''}
                </Text>
                <Text>{c.body}</Text>
                <Text className='hint'>
                  {formatDateTime(c.createdAt)}
                  {c.planVersion ? ` · 针对第${c.planVersion}版方案` : ''}
                  {c.held ? ' · 审核中，仅您和居委会可见' : ''}
                </Text>
              </View>
            ))}
            {t.canComment && <CommentForm onSend={sendComment} as={owners} />}

            <Text className='section-title'>议事过程</Text>
            <View className='card'>
              <TopicTimeline topic={t} />
            </View>

            {t.allowedActions.includes('withdraw') && (
              <View className='actions'>
                <Button className='topic-page__withdraw' size='large' block onClick={() => setConfirmWithdraw(true)}>
                  撤回议题
                </Button>
              </View>
            )}
          </>
        )}
      </LoadState>
      <Dialog
        visible={confirmWithdraw}
        title='撤回议题'
        content='撤回后议题不再征集联署和办理，确定撤回吗？'
        onConfirm={() => {
          setConfirmWithdraw(false)
          if (t) void act(() => topicActions.withdraw(t.id))
        }}
        onCancel={() => setConfirmWithdraw(false)}
      />
    </Page>
  )
}
