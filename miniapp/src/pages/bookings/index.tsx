import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PagedList } from '../../components/PagedList'
import { Page } from '../../components/Page'
import { BookingCard } from '../../components/BookingParts'
import { askForBookingHelp, useBookingHelp, useBookingList, useVolunteerHours, withdrawHelp } from '../../hooks/useBookings'
import { useSession } from '../../hooks/useSession'
import { hasRole } from '../../services/session'
import { hoursText } from '../../utils/booking'
import { formatDateTime } from '../../utils/format'
import { asButton, asChoice, asChoiceGroup } from '../../utils/a11y'
import './index.scss'

const WHEN = [
  { key: 'upcoming', label: '即将到来' },
  { key: 'past', label: '已结束' },
] as const

/** 请网格员帮我预约: one tap; an open request says so and can be withdrawn. */
function HelpCard() {
  const help = useBookingHelp('mine')
  const open = help.data?.requests.find((r) => r.status === 'open') ?? null
  const [busy, setBusy] = useState(false)
  const run = async (step: () => Promise<unknown>) => {
    if (busy) return
    setBusy(true)
    try {
      await step()
      await help.reload()
    } catch {
      // the request module showed why
    } finally {
      setBusy(false)
    }
  }
  if (help.loading && !help.data) return null
  return (
    <View className='card bookings__help'>
      {open ? (
        <>
          <Text className='card__title'>已请网格员帮您预约</Text>
          <Text className='hint'>
            {formatDateTime(open.createdAt)}提出{open.service ? `（${open.service.name}）` : ''}，网格员会联系您。
          </Text>
          <Button className='bookings__help-withdraw' type='default' block disabled={busy} onClick={() => run(() => withdrawHelp(open.id))}>
            不需要了，撤回
          </Button>
        </>
      ) : (
        <>
          <Text className='hint'>不会在手机上预约？点一下，网格员来帮您约。</Text>
          <Button className='bookings__help-ask' type='primary' fill='outline' size='large' block disabled={busy} onClick={() => run(() => askForBookingHelp())}>
            请网格员帮我预约
          </Button>
        </>
      )}
    </View>
  )
}

/** 爱心银行: the balance, and its history on a tap. Shown once there is any. */
function VolunteerHours() {
  const hours = useVolunteerHours()
  const [open, setOpen] = useState(false)
  const data = hours.data
  if (!data || data.entries.length === 0) return null
  return (
    <View className='card bookings__hours'>
      <View className='bookings__hours-head' onClick={() => setOpen(!open)} {...asButton(`志愿时长余额${hoursText(data.balanceMinutes)}，${open ? '收起' : '查看'}明细`)}>
        <Text className='card__title'>志愿时长（爱心银行）</Text>
        <Text className='bookings__hours-balance'>{hoursText(data.balanceMinutes)}</Text>
      </View>
      {open &&
        data.entries.map((e) => (
          <View key={e.id} className='bookings__hours-entry'>
            <Text>{e.reason}</Text>
            <Text className={e.minutes < 0 ? 'text-danger' : ''}>
              {e.minutes > 0 ? '+' : ''}
              {hoursText(e.minutes)}
            </Text>
            <Text className='hint'>
              {formatDateTime(e.at)}
              {e.confirmedBy ? ` · ${e.confirmedBy.name}确认` : ''}
            </Text>
          </View>
        ))}
    </View>
  )
}

/** 我的预约: upcoming (soonest first) and past; a card opens the booking with its check-in code. */
export default function MyBookingsPage() {
  const session = useSession()
  const resident = hasRole(session?.user, 'resident')
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming')
  const list = useBookingList('mine', when)
  useDidShow(() => {
    if (!list.loading) void list.refresh()
  })
  return (
    <Page fill className='bookings'>
      <View className='chip-row' {...asChoiceGroup('预约时间')}>
        {WHEN.map((w) => (
          <View key={w.key} className={`chip${w.key === when ? ' chip--active' : ''}`} onClick={() => setWhen(w.key)} {...asChoice(w.key === when)}>
            <Text>{w.label}</Text>
          </View>
        ))}
        <View className='chip bookings__new' onClick={() => Taro.navigateTo({ url: '/pages/services/index' })} {...asButton()}>
          <Text>＋ 预约服务</Text>
        </View>
      </View>
      {resident && when === 'upcoming' && <HelpCard />}
      <VolunteerHours />
      <PagedList
        list={list}
        emptyText={when === 'upcoming' ? '没有即将到来的预约，点“预约服务”看看社区有什么服务' : '还没有已结束的预约'}
        renderItem={(b) => <BookingCard key={b.id} booking={b} onClick={() => Taro.navigateTo({ url: `/pages/booking/index?id=${b.id}` })} />}
      />
    </Page>
  )
}
