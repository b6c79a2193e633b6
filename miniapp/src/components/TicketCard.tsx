import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { matterText, type TicketSummary } from '@linli/shared'
import { categoryLine } from '../utils/categoryIcon'
import { dueInfo, formatDateTime } from '../utils/format'
import { StatusTag } from './StatusTag'
import { asButton } from '../utils/a11y'

interface TicketCardProps {
  ticket: TicketSummary
  onClick: () => void
  /** Grid workers and committees see who handles it and where; residents see their deadline. */
  showHandler?: boolean
}

export function TicketCard({ ticket, onClick, showHandler }: TicketCardProps) {
  const due = dueInfo(ticket)
  return (
    <View className={`ticket-card${ticket.overdue ? ' ticket-card--overdue' : ''}`} onClick={onClick} data-ticket-id={ticket.id} {...asButton()}>
      <View className='ticket-card__head'>
        <Text className='ticket-card__category'>
          {categoryLine(ticket.category)}
        </Text>
        <StatusTag status={ticket.status} />
      </View>
      <Text className='ticket-card__desc'>{matterText(ticket.description)}</Text>
      <View className='ticket-card__meta'>
        <Text>{ticket.code}</Text>
        <Text>{formatDateTime(ticket.createdAt)}</Text>
        {showHandler && ticket.gridName && <Text>{ticket.gridName}</Text>}
        {showHandler && <Text>{ticket.handler ? `经办：${ticket.handler.name}` : ticket.category ? '待派单' : '待设置类别'}</Text>}
        {ticket.followerCount > 0 && <Text>{ticket.followerCount}人附议</Text>}
      </View>
      {(due || ticket.reopenCount > 0) && (
        <View className='ticket-card__foot'>
          {due && <Text className={due.overdue ? 'due due--overdue' : 'due'}>{due.label}</Text>}
          {ticket.reopenCount > 0 && (
            <Tag type='danger' plain>
              重办{ticket.reopenCount}次
            </Tag>
          )}
        </View>
      )}
    </View>
  )
}
