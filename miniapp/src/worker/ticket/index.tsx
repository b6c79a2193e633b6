import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { TEXT_LIMITS, TICKET_ACTION_LABELS, requiredTextProblem } from '@linli/shared'
import { HandlerPicker, ReasonSheet } from '../../components/HandlerPicker'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { PhotoPicker } from '../../components/PhotoPicker'
import { PrivacySheet } from '../../components/PrivacySheet'
import { TicketHeader } from '../../components/TicketHeader'
import { TicketTimeline } from '../../components/TicketTimeline'
import { usePhotoUploads } from '../../hooks/usePhotoUploads'
import { useSession } from '../../hooks/useSession'
import { askForSubscriptions, useSubscriptionTemplates } from '../../hooks/useSubscriptions'
import { useTicket } from '../../hooks/useTickets'
import { IS_WEAPP } from '../../services/config'
import { showError } from '../../services/request'
import { ERROR_MESSAGES } from '../../services/messages'

/** 办结: what was done, with photos after. */
function ResolveForm({ onResolve }: { onResolve: (note: string, photoIds: number[]) => Promise<void> }) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const uploads = usePhotoUploads()
  const submit = async () => {
    if (busy) return
    const problem = requiredTextProblem(note, TEXT_LIMITS.resolveNoteMin, TEXT_LIMITS.resolveNoteMax, '办理情况')
    if (problem) return showError(new Error(problem))
    if (uploads.uploading) return showError(new Error(ERROR_MESSAGES.photosUploading))
    setBusy(true)
    try {
      await onResolve(note.trim(), uploads.fileIds)
      uploads.reset()
      setNote('')
    } catch {
      // request() showed why; the form stays as it was
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card resolve-form'>
      <Text className='card__title'>办结</Text>
      <TextArea className='resolve-form__note' value={note} onChange={setNote} maxLength={TEXT_LIMITS.resolveNoteMax} showCount rows={4} placeholder='写明怎么处理的，居民会看到' />
      <Text className='hint'>办结照片（可选）</Text>
      <PhotoPicker uploads={uploads} />
      <View className='actions'>
        <Button className='resolve-form__submit' type='primary' size='large' block loading={busy} disabled={busy || uploads.uploading} onClick={submit}>
          {TICKET_ACTION_LABELS.resolve}
        </Button>
      </View>
    </View>
  )
}

export default function WorkerTicketPage() {
  useSession()
  const { params } = useRouter()
  const id = params.id ? Number(params.id) : null
  const { ticket, loading, error, reload, act } = useTicket(id)
  const [sheet, setSheet] = useState<'return' | 'transfer' | null>(null)
  const [busy, setBusy] = useState(false)
  const templates = useSubscriptionTemplates('accept', ticket?.allowedActions.includes('accept') ?? false)

  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  const accept = async () => {
    // From this tap: ask to be told of new dispatches and reopened matters (WeChat shows its own sheet).
    const asked = askForSubscriptions(templates.data)
    setBusy(true)
    try {
      await act('accept')
      await asked
      Taro.showToast({ title: '已接单', icon: 'success' })
    } catch {
      // shown by request()
    } finally {
      setBusy(false)
    }
  }

  const allowed = ticket?.allowedActions ?? []
  return (
    <Page className='worker-ticket'>
      <PrivacySheet />
      <LoadState loading={loading && !ticket} error={ticket ? null : error} onRetry={reload}>
        {ticket && (
          <>
            <TicketHeader ticket={ticket} />
            {ticket.location && IS_WEAPP && (
              <View className='actions'>
                <Button type='default' block onClick={() => Taro.openLocation({ latitude: ticket.location!.lat, longitude: ticket.location!.lng, name: ticket.building?.name ?? '报事地点' })}>
                  在地图中查看位置
                </Button>
              </View>
            )}
            <View className='actions'>
              {allowed.includes('accept') && (
                <Button className='worker-ticket__accept' type='primary' size='large' block loading={busy} disabled={busy} onClick={accept}>
                  {TICKET_ACTION_LABELS.accept}
                </Button>
              )}
            </View>
            {allowed.includes('resolve') && (
              <ResolveForm
                onResolve={async (note, photoIds) => {
                  await act('resolve', { note, photoIds })
                  Taro.showToast({ title: '已办结，等待居民评价', icon: 'none' })
                }}
              />
            )}
            <View className='actions'>
              {allowed.includes('transfer') && (
                <Button type='default' size='large' block onClick={() => setSheet('transfer')}>
                  {TICKET_ACTION_LABELS.transfer}
                </Button>
              )}
              {allowed.includes('return') && (
                <Button type='default' size='large' block onClick={() => setSheet('return')}>
                  {TICKET_ACTION_LABELS.return}（不属于我处理）
                </Button>
              )}
            </View>
            <Text className='section-title'>办理进度</Text>
            <View className='card'>
              <TicketTimeline ticket={ticket} />
            </View>
            <HandlerPicker
              ticketId={ticket.id}
              visible={sheet === 'transfer'}
              title='转派'
              needsReason
              onClose={() => setSheet(null)}
              onPick={async (h, reason) => {
                await act('transfer', { toUserId: h.id, reason })
                setSheet(null)
              }}
            />
            <ReasonSheet
              visible={sheet === 'return'}
              title='退回'
              placeholder='退回原因（必填），社区会重新派单'
              onClose={() => setSheet(null)}
              onSubmit={async ({ text }) => {
                await act('return', { reason: text })
                setSheet(null)
              }}
            />
          </>
        )}
      </LoadState>
    </Page>
  )
}
