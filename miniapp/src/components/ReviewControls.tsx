import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ReasonSheet } from './HandlerPicker'

/** 拒绝 and the approving button of one request under review (住户审核, 身份确认). */
export function ReviewActions({ busy, approveLabel, onReject, onApprove }: { busy: boolean; approveLabel: string; onReject: () => void; onApprove: () => void }) {
  return (
    <View className='review__actions'>
      <Button className='review__reject' type='default' disabled={busy} onClick={onReject}>
        拒绝
      </Button>
      <Button className='review__approve' type='primary' loading={busy} disabled={busy} onClick={onApprove}>
        {approveLabel}
      </Button>
    </View>
  )
}

/** The reason a request is rejected with; on success the request leaves the list, on failure the sheet stays open with the reason typed. */
export function RejectSheet<T extends { id: number }>({
  item,
  placeholder,
  reject,
  onRejected,
  onClose,
}: {
  item: T | null
  placeholder: string
  reject: (id: number, reason: string) => Promise<unknown>
  onRejected: (id: number) => void
  onClose: () => void
}) {
  return (
    <ReasonSheet
      visible={item !== null}
      title='拒绝'
      placeholder={placeholder}
      onClose={onClose}
      onSubmit={async ({ text }) => {
        if (!item) return
        try {
          await reject(item.id, text)
          onRejected(item.id)
          onClose()
        } catch {
          // request() showed why
        }
      }}
    />
  )
}
