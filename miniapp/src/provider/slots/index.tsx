import { useMemo, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { SlotView } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { DateStrip, ServiceChips } from '../../components/BookingParts'
import { useManagedServices, useSlots } from '../../hooks/useBookings'
import { useSession } from '../../hooks/useSession'
import { dateStrip, localTime } from '../../utils/booking'
import { asButton, decorative } from '../../utils/a11y'
import { download } from '../../services/request'
import '../provider.scss'

/** A slot's line on the provider's list: booked of capacity, waiting, closed. */
export function slotCounts(slot: Pick<SlotView, 'capacity' | 'placesLeft' | 'waitingCount' | 'closed' | 'closedReason'>): string {
  if (slot.closed) return `已停止${slot.closedReason ? `：${slot.closedReason}` : ''}`
  const taken = slot.capacity - slot.placesLeft
  return `已约${taken}/${slot.capacity}${slot.waitingCount ? `，候补${slot.waitingCount}人` : ''}`
}

/** The items the caller manages (a partner's organisation's, or the community's for its committee), a day's slots, each opening its roster. */
export default function ProviderSlotsPage() {
  useSession()
  const services = useManagedServices()
  const items = services.data ?? []
  const [chosen, setChosen] = useState<number | null>(null)
  const serviceId = chosen ?? items[0]?.id ?? null
  const days = useMemo(() => dateStrip(14), [])
  const [day, setDay] = useState(days[0].date)
  const slots = useSlots(serviceId, { from: day, to: day })

  const item = items.find((i) => i.id === serviceId) ?? null
  /** 导出当天名单: every slot of the chosen local day, the slot's time before each line (logged by the server). */
  const exportDay = async (kind: 'xlsx' | 'csv') => {
    if (serviceId === null || !item) return
    const name = `${item.name}-${day}-当天名单.${kind}`
    const query = { serviceId, date: day }
    await (kind === 'xlsx' ? download('GET /exports/day-roster.xlsx', query, name) : download('GET /exports/day-roster.csv', query, name)).catch(() => undefined)
  }

  usePullDownRefresh(async () => {
    await Promise.all([services.reload(), slots.reload()])
    Taro.stopPullDownRefresh()
  })
  useDidShow(() => {
    if (!slots.loading && slots.data) void slots.reload()
  })

  return (
    <Page className='provider'>
      <LoadState loading={services.loading && !services.data} error={services.data ? null : services.error} empty={items.length === 0} emptyText='您还没有管理的服务项目' onRetry={services.reload}>
        <ServiceChips items={items} value={serviceId} onChange={setChosen} className='provider__items' />
        {item && !item.active && (
          <Text className='hint provider__inactive' data-testid='service-inactive'>
            该服务已停用：居民看不到它，也不能新预约；已有的预约照常。可在「编辑服务项目」中重新启用。
          </Text>
        )}
        <DateStrip days={days} value={day} onChange={setDay} />
        <LoadState loading={slots.loading && !slots.data} error={slots.data ? null : slots.error} empty={(slots.data ?? []).length === 0} emptyText='这一天没有时段' onRetry={slots.reload}>
          {(slots.data ?? []).map((slot) => (
            <View key={slot.id} className='card provider__slot' data-slot={slot.id} onClick={() => Taro.navigateTo({ url: `/provider/roster/index?slotId=${slot.id}` })} {...asButton()}>
              <Text className='provider__slot-time'>
                {localTime(slot.startsAt)}–{localTime(slot.endsAt)}
              </Text>
              <Text className={slot.closed ? 'hint' : 'provider__slot-counts'}>{slotCounts(slot)}</Text>
              <Text className='provider__slot-go' {...decorative}>
                名单 ›
              </Text>
            </View>
          ))}
        </LoadState>
        {(slots.data ?? []).length > 0 && (
          <View className='actions provider__day-export'>
            <Button className='provider__export-day' type='default' block onClick={() => exportDay('xlsx')}>
              导出当天名单（Excel）
            </Button>
            <Button className='provider__export-day-csv' type='default' fill='outline' block onClick={() => exportDay('csv')}>
              导出当天名单（CSV）
            </Button>
          </View>
        )}
        <View className='actions'>
          {serviceId !== null && (
            <Button className='provider__schedule' type='primary' block onClick={() => Taro.navigateTo({ url: `/provider/schedule/index?serviceId=${serviceId}` })}>
              排班与时段
            </Button>
          )}
          {serviceId !== null && (
            <Button className='provider__edit' type='default' block onClick={() => Taro.navigateTo({ url: `/provider/service/index?id=${serviceId}` })}>
              编辑服务项目
            </Button>
          )}
          <Button className='provider__figures' type='default' block onClick={() => Taro.navigateTo({ url: '/provider/figures/index' })}>
            预约统计
          </Button>
        </View>
      </LoadState>
      {!services.loading && (
        <View className='actions'>
          <Button className='provider__new' type='default' block onClick={() => Taro.navigateTo({ url: '/provider/service/index' })}>
            新建服务项目
          </Button>
        </View>
      )}
    </Page>
  )
}
