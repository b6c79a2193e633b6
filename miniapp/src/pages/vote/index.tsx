import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog, Input } from '@nutui/nutui-react-taro'
import { BALLOT_CHOICE_LABELS, BALLOT_CHOICES_LIST, type BallotChoice, type MyBallotView, type VoteDetail, type VoteReceipts } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { turnoutText, VoteResultText } from '../../components/TopicParts'
import { useVote } from '../../hooks/useTopics'
import { api } from '../../services/request'
import { asChoice, asChoiceGroup } from '../../utils/a11y'
import { formatDateTime } from '../../utils/format'
import './index.scss'

const CHANNEL_LABELS = { app: '线上', paper: '纸质表决票', proxy: '委托书' } as const

/** What the receipts say about one code, in words: counted as cast, or not found. */
export function checkReceipt(receipts: VoteReceipts, code: string): string {
  const wanted = code.trim().toUpperCase()
  const found = receipts.receipts.find((r) => r.receipt.toUpperCase() === wanted)
  return found ? `回执 ${found.receipt} 已计入，计为“${BALLOT_CHOICE_LABELS[found.choice]}”` : `没有找到回执 ${wanted}，请核对后再查，或联系居委会`
}

function BallotCard({ vote, ballot, onCast }: { vote: VoteDetail; ballot: MyBallotView; onCast: (choice: BallotChoice) => void }) {
  const open = vote.status === 'open'
  return (
    <View className='card ballot-card' data-household-id={ballot.householdId}>
      <Text className='card__title'>{ballot.household}</Text>
      {ballot.choice ? (
        <Text className='ballot-card__mine'>
          您家已投“{BALLOT_CHOICE_LABELS[ballot.choice]}”
          {ballot.castAt ? `（${formatDateTime(ballot.castAt)}，${CHANNEL_LABELS[ballot.channel ?? 'app']}）` : ''}
        </Text>
      ) : (
        <Text className='hint'>{open ? '您家还没有投票' : '您家没有投票'}</Text>
      )}
      {ballot.receipt && (
        <Text className='ballot-card__receipt' data-testid='receipt'>
          回执码：{ballot.receipt}（请记下，表决结束后可核对您家的票已按所投计入）
        </Text>
      )}
      {open && (
        <>
          <View className='chip-row ballot-card__choices' {...asChoiceGroup(`${ballot.household}的表决`)}>
            {BALLOT_CHOICES_LIST.map((c) => (
              <View key={c} className={`chip ballot-chip${ballot.choice === c ? ' chip--active' : ''}`} onClick={() => onCast(c)} data-choice={c} {...asChoice(ballot.choice === c)}>
                <Text>{BALLOT_CHOICE_LABELS[c]}</Text>
              </View>
            ))}
          </View>
          <Text className='hint'>截止前可以改票，以最后一次为准。</Text>
        </>
      )}
    </View>
  )
}

/** 居民表决: the rule in plain words, the turnout (never a running result), the household's ballot and receipt. */
export default function VotePage() {
  const { params } = useRouter()
  const id = params.id ? Number(params.id) : null
  const vote = useVote(id)
  const [pending, setPending] = useState<{ ballot: MyBallotView; choice: BallotChoice } | null>(null)
  const [receiptCode, setReceiptCode] = useState('')
  const [receiptAnswer, setReceiptAnswer] = useState<string | null>(null)

  usePullDownRefresh(async () => {
    await vote.reload()
    Taro.stopPullDownRefresh()
  })

  const cast = async () => {
    if (!pending || !vote.data) return
    const { ballot, choice } = pending
    setPending(null)
    try {
      await api('PUT /votes/{id}/ballot', { params: { id: vote.data.id }, body: { choice, householdId: ballot.householdId } })
      await vote.reload()
      void Taro.showToast({ title: '已投票', icon: 'success' })
    } catch {
      // shown by the request module (closed, not on the roll); the page reloads what holds
      await vote.reload()
    }
  }

  const check = async (code: string) => {
    if (!vote.data) return
    try {
      const receipts = await api('GET /votes/{id}/receipts', { params: { id: vote.data.id } })
      setReceiptAnswer(checkReceipt(receipts, code))
    } catch {
      setReceiptAnswer(null)
    }
  }

  const v = vote.data
  const own = v?.myBallots.find((b) => b.receipt)?.receipt ?? ''
  return (
    <Page className='vote-page'>
      <LoadState loading={vote.loading && !v} error={v ? null : vote.error} onRetry={vote.reload}>
        {v && (
          <>
            <View className='card vote-rule'>
              <Text className='card__title'>
                {v.status === 'open' ? '表决中' : '表决已结束'}
                {v.secret ? ' · 不记名投票' : ' · 记名投票'}
              </Text>
              <Text className='vote-rule__text' data-testid='vote-rule'>
                通过规则：{v.ruleText}
                {v.rule === 'simple_majority' && v.quorum !== null ? `（参与表决的户数须达到${Math.round(v.quorum * 100)}%）` : ''}
              </Text>
              <Text className='hint'>
                {formatDateTime(v.openedAt)}开始，{formatDateTime(v.closesAt)}截止{v.closedAt ? `，${formatDateTime(v.closedAt)}结束` : ''}
              </Text>
              <Text className='hint vote-rule__roll'>{v.rollNote}</Text>
            </View>

            <View className='card vote-turnout' data-testid='turnout'>
              <Text className='card__title'>参与情况</Text>
              <Text>{turnoutText(v)}</Text>
              {v.status === 'open' ? (
                <Text className='hint'>{v.secret ? '不记名投票：结束前只公布投票户数，不公布票数，任何人（包括居委会）都看不到谁投了什么。' : '结束后公布结果。'}</Text>
              ) : (
                <VoteResultText vote={v} />
              )}
            </View>

            {v.myBallots.length === 0 ? (
              <Text className='hint vote-page__pad'>您家不在本次表决的名册上（名册在开始表决时确定；按《民法典》表决的只含业主）。</Text>
            ) : (
              v.myBallots.map((b) => <BallotCard key={b.householdId} vote={v} ballot={b} onCast={(choice) => setPending({ ballot: b, choice })} />)
            )}

            {v.status === 'closed' && (
              <View className='card vote-receipts'>
                <Text className='card__title'>核对回执</Text>
                <Text className='hint'>表决结束后公布每个回执码计入的选择，任何住户都可以核对。</Text>
                <Input className='vote-receipts__code' value={receiptCode} onChange={setReceiptCode} placeholder={own ? `回执码，例如您家的 ${own}` : '输入回执码'} maxLength={16} />
                <View className='actions'>
                  <Button className='vote-receipts__check' type='primary' size='large' block disabled={!(receiptCode.trim() || own)} onClick={() => check(receiptCode.trim() || own)}>
                    {receiptCode.trim() || !own ? '核对回执' : '核对我家的回执'}
                  </Button>
                </View>
                {receiptAnswer && (
                  <Text className='vote-receipts__answer' data-testid='receipt-answer'>
                    {receiptAnswer}
                  </Text>
                )}
              </View>
            )}
          </>
        )}
      </LoadState>
      <Dialog
        visible={pending !== null}
        title='确认投票'
        content={pending ? `${pending.ballot.household}投“${BALLOT_CHOICE_LABELS[pending.choice]}”。截止前可以改票，以最后一次为准。` : ''}
        onConfirm={cast}
        onCancel={() => setPending(null)}
      />
    </Page>
  )
}
