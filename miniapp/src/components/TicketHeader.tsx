import { Text, View } from '@tarojs/components'
import { ESCALATION_LEVEL_LABELS, RATING_LABELS, REJECT_REASON_LABELS, matterText, type TicketDetail } from '@linli/shared'
import { categoryLine } from '../utils/categoryIcon'
import { dueInfo, formatDateTime } from '../utils/format'
import { PhotoGrid } from './PhotoGrid'
import { StatusTag } from './StatusTag'
import { TicketProgress } from './TicketTimeline'

/** What a matter is, where, its photos before and after, and the handler's note: shared by every role's detail page. */
export function TicketHeader({ ticket }: { ticket: TicketDetail }) {
  const due = dueInfo(ticket)
  return (
    <View className='ticket-header'>
      <View className='card'>
        <View className='ticket-header__top'>
          <Text className='ticket-header__category'>
            {categoryLine(ticket.category)}
          </Text>
          <StatusTag status={ticket.status} />
        </View>
        <Text className='ticket-header__desc'>{matterText(ticket.description)}</Text>
        <View className='ticket-header__meta'>
          <Text>编号 {ticket.code}</Text>
          <Text>报事时间 {formatDateTime(ticket.createdAt)}</Text>
          {ticket.building && <Text>位置 {ticket.building.name}</Text>}
          {ticket.location && !ticket.building && (
            <Text>
              位置 {ticket.location.lat.toFixed(5)}, {ticket.location.lng.toFixed(5)}
            </Text>
          )}
          {ticket.gridName && <Text>所属网格 {ticket.gridName}</Text>}
          <Text>经办人 {ticket.handler ? ticket.handler.name : ticket.category ? '待派单' : '社区分类后派单'}</Text>
          {ticket.reporter && <Text>报事人 {ticket.anonymous ? `${ticket.reporter.name}（对外匿名）` : ticket.reporter.name}</Text>}
          {ticket.followerCount > 0 && <Text>{ticket.followerCount}位居民附议</Text>}
          {ticket.escalationLevel !== 'grid' && <Text className='text-danger'>已升级至{ESCALATION_LEVEL_LABELS[ticket.escalationLevel]}督办</Text>}
          {ticket.reopenCount > 0 && <Text className='text-danger'>居民不满意，已重办{ticket.reopenCount}次</Text>}
        </View>
        {due && <Text className={due.overdue ? 'due due--overdue' : 'due'}>{due.label}</Text>}
        <TicketProgress status={ticket.status} />
      </View>
      {ticket.photoUrls.length > 0 && (
        <View className='card'>
          <Text className='card__title'>现场照片</Text>
          <PhotoGrid urls={ticket.photoUrls} />
        </View>
      )}
      {(ticket.resolutionNote || ticket.resolutionPhotoUrls.length > 0) && (
        <View className='card'>
          <Text className='card__title'>办理结果</Text>
          {ticket.resolutionNote && <Text className='ticket-header__note'>{ticket.resolutionNote}</Text>}
          <PhotoGrid urls={ticket.resolutionPhotoUrls} />
        </View>
      )}
      {ticket.rating && (
        <View className='card'>
          <Text className='card__title'>居民评价</Text>
          <Text>
            {RATING_LABELS[ticket.rating]}
            {ticket.ratingComment ? `：${ticket.ratingComment}` : ''}
          </Text>
        </View>
      )}
      {ticket.rejectReason && (
        <View className='card'>
          <Text className='card__title'>不予受理</Text>
          <Text>{REJECT_REASON_LABELS[ticket.rejectReason]}</Text>
        </View>
      )}
    </View>
  )
}
