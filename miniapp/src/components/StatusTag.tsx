import { Tag } from '@nutui/nutui-react-taro'
import { TICKET_STATUS_LABELS, type TicketStatus } from '@linli/shared'

const TAG_TYPES: Record<TicketStatus, 'default' | 'primary' | 'info' | 'success' | 'danger' | 'warning'> = {
  submitted: 'warning',
  dispatched: 'primary',
  accepted: 'info',
  resolved: 'success',
  closed: 'default',
  rejected: 'danger',
  cancelled: 'default',
}

export function StatusTag({ status }: { status: TicketStatus }) {
  return (
    <Tag className='status-tag' type={TAG_TYPES[status]} round>
      {TICKET_STATUS_LABELS[status]}
    </Tag>
  )
}
