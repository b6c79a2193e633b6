import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Popup, TextArea } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, TEXT_LIMITS, requiredTextProblem, type CategoryView, type HandlerCandidate } from '@linli/shared'
import { useResource } from '../hooks/useResource'
import { useCategories } from '../hooks/usePlaces'
import { fetchHandlers } from '../hooks/useTickets'
import { categoryIcon } from '../utils/categoryIcon'
import { LoadState } from './LoadState'
import { asChoice, asChoiceGroup, decorative } from '../utils/a11y'

interface HandlerPickerProps {
  ticketId: number
  visible: boolean
  title: string
  /** 转派 needs a reason; 派单 does not. */
  needsReason: boolean
  onClose: () => void
  onPick: (handler: HandlerCandidate, reason: string) => Promise<void>
}

/** Choose who handles a matter (派单 / 转派), with how many open matters each already has. */
export function HandlerPicker({ ticketId, visible, title, needsReason, onClose, onPick }: HandlerPickerProps) {
  const handlers = useResource(() => fetchHandlers(ticketId), [ticketId, visible], visible)
  const [picked, setPicked] = useState<HandlerCandidate | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const ready = picked && (!needsReason || requiredTextProblem(reason, TEXT_LIMITS.reasonMin, TEXT_LIMITS.reasonMax, '原因') === null)
  const confirm = async () => {
    if (!picked || busy) return
    setBusy(true)
    try {
      await onPick(picked, reason.trim())
      setPicked(null)
      setReason('')
    } finally {
      setBusy(false)
    }
  }
  return (
    <Popup visible={visible} position='bottom' round closeable title={title} onClose={onClose}>
      <View className='sheet'>
        <LoadState loading={handlers.loading} error={handlers.error} onRetry={handlers.reload} empty={handlers.data?.length === 0} emptyText='没有可选的经办人'>
          <View className='sheet__options' {...asChoiceGroup('经办人')}>
            {(handlers.data ?? []).map((h) => (
              <View key={h.id} className={`sheet__option${picked?.id === h.id ? ' sheet__option--active' : ''}`} onClick={() => setPicked(h)} data-handler={h.name} {...asChoice(picked?.id === h.id)}>
                <Text className='sheet__option-title'>{h.name}</Text>
                <Text className='hint'>
                  {ROLE_LABELS[h.role]}
                  {h.gridName ? ` · ${h.gridName}` : ''} · 在办{h.openCount}件
                </Text>
              </View>
            ))}
          </View>
        </LoadState>
        {needsReason && <TextArea value={reason} onChange={setReason} maxLength={TEXT_LIMITS.reasonMax} rows={2} placeholder='转派原因（必填）' />}
        <Button className='sheet__confirm' type='primary' size='large' block disabled={!ready || busy} loading={busy} onClick={confirm}>
          确定{title}
        </Button>
      </View>
    </Popup>
  )
}

interface ReasonSheetProps {
  visible: boolean
  title: string
  placeholder: string
  /** Preset reasons (不予受理); the note is then optional. */
  options?: { value: string; label: string }[]
  onClose: () => void
  onSubmit: (reason: { option?: string; text: string }) => Promise<void>
}

/** A reason, chosen or written: 退回, 不予受理. */
export function ReasonSheet({ visible, title, placeholder, options, onClose, onSubmit }: ReasonSheetProps) {
  const [option, setOption] = useState<string | undefined>(undefined)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  // A preset reason (不予受理) makes the note optional; a written one (退回) must say something.
  const ready = options ? !!option : requiredTextProblem(text, TEXT_LIMITS.reasonMin, TEXT_LIMITS.reasonMax, '原因') === null
  const submit = async () => {
    if (!ready || busy) return
    setBusy(true)
    try {
      await onSubmit({ option, text: text.trim() })
      setOption(undefined)
      setText('')
    } finally {
      setBusy(false)
    }
  }
  return (
    <Popup visible={visible} position='bottom' round closeable title={title} onClose={onClose}>
      <View className='sheet'>
        {options && (
          <View className='sheet__options'>
            {options.map((o) => (
              <View key={o.value} className={`sheet__option${option === o.value ? ' sheet__option--active' : ''}`} onClick={() => setOption(o.value)} {...asChoice(option === o.value)}>
                <Text className='sheet__option-title'>{o.label}</Text>
              </View>
            ))}
          </View>
        )}
        <TextArea value={text} onChange={setText} maxLength={options ? TEXT_LIMITS.rejectNoteMax : TEXT_LIMITS.reasonMax} rows={3} placeholder={placeholder} />
        <Button className='sheet__confirm' type='primary' size='large' block disabled={!ready || busy} loading={busy} onClick={submit}>
          确定{title}
        </Button>
      </View>
    </Popup>
  )
}

interface CategoryPickerProps {
  visible: boolean
  onClose: () => void
  onPick: (category: CategoryView) => Promise<void>
}

/** 设置类别 of a matter reported without one (随手拍): the category's routing then dispatches it. */
export function CategoryPicker({ visible, onClose, onPick }: CategoryPickerProps) {
  const categories = useCategories()
  const [picked, setPicked] = useState<CategoryView | null>(null)
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    if (!picked || busy) return
    setBusy(true)
    try {
      await onPick(picked)
      setPicked(null)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Popup visible={visible} position='bottom' round closeable title='设置类别' onClose={onClose}>
      <View className='sheet sheet--long'>
        <Text className='hint'>设置后按类别自动派单，时限从居民提交时算起。</Text>
        <LoadState loading={categories.loading} error={categories.error} onRetry={categories.reload} empty={categories.data?.length === 0} emptyText='暂无可选的类别'>
          <View className='sheet__options' {...asChoiceGroup('报事类别')}>
            {(categories.data ?? []).map((c) => (
              <View key={c.id} className={`sheet__option${picked?.id === c.id ? ' sheet__option--active' : ''}`} onClick={() => setPicked(c)} data-category={c.name} {...asChoice(picked?.id === c.id, c.name)}>
                <Text className='sheet__option-title'>
                  <Text {...decorative}>{categoryIcon(c.icon, c.code)} </Text>
                  {c.name}
                </Text>
              </View>
            ))}
          </View>
        </LoadState>
        <Button className='sheet__confirm' type='primary' size='large' block disabled={!picked || busy} loading={busy} onClick={confirm}>
          确定设置类别
        </Button>
      </View>
    </Popup>
  )
}
