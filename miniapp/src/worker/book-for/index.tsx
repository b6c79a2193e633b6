import { useMemo, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog, SearchBar } from '@nutui/nutui-react-taro'
import { SPECIAL_CARE_LABELS, type LedgerHouseholdDetail, type SlotView } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { BookingCard, DateStrip, ServiceChips } from '../../components/BookingParts'
import { createBooking, markHelpDone, useBookingHelp, useBookingList, useServices, useSlots } from '../../hooks/useBookings'
import { useResource } from '../../hooks/useResource'
import { useSession } from '../../hooks/useSession'
import { createSubmissionKeys } from '../../services/idempotency'
import { api, ApiRequestError, showError } from '../../services/request'
import { communityIdOf } from '../../services/session'
import { dateStrip, localTime, placesText, slotWhen } from '../../utils/booking'
import { formatDateTime } from '../../utils/format'
import { asButton, decorative } from '../../utils/a11y'
import { ERROR_MESSAGES } from '../../services/messages'
import './index.scss'

/** The resident booked for: from a help request (closed as done once booked) or from the grid's special-care list. */
interface Person {
  userId: number
  name: string
  household: string | null
  helpId: number | null
  serviceId: number | null
}

/** 代办在网格: the grid's help requests and special-care residents; pick one, an item, a slot, and book for them. */
/**
 * Anyone of the grid, by door number or name, from the ledger (people who never logged in included): the households
 * found, and a household's people once opened.
 */
function FindResident({ communityId, onPick }: { communityId: number | null; onPick: (p: Person) => void }) {
  const [q, setQ] = useState('')
  const [household, setHousehold] = useState<LedgerHouseholdDetail | null>(null)
  const term = q.trim()
  const found = useResource(
    () => api('GET /ledger/households', { query: { communityId: communityId as number, q: term, page: 1, pageSize: 10 } }),
    [communityId, term],
    communityId !== null && term.length > 0,
  )
  const openHousehold = async (id: number) => {
    try {
      setHousehold(await api('GET /ledger/households/{id}', { params: { id } }))
    } catch {
      // the request module showed why
    }
  }
  return (
    <View className='card book-for__find'>
      <Text className='card__title'>查找居民</Text>
      <SearchBar className='book-for__search' value={q} onChange={(v: string) => {
          setQ(v)
          setHousehold(null)
        }} placeholder='门牌号或姓名' />
      {household ? (
        <>
          <Text className='hint'>
            {household.building}
            {household.label}
          </Text>
          {household.members.map((m) => (
            <View key={m.memberId} className='book-for__member' data-person={m.personId}>
              <View className='book-for__who'>
                <Text className='book-for__name'>{m.name}</Text>
                <Text className='hint'>
                  {m.phone ?? '无手机号'}
                  {m.claimed ? '' : ' · 未用过小程序'}
                </Text>
              </View>
              <Button
                className='book-for__pick'
                type='primary'
                fill='outline'
                onClick={() => onPick({ userId: m.personId, name: m.name, household: `${household.building}${household.label}`, helpId: null, serviceId: null })}
              >
                代约
              </Button>
            </View>
          ))}
          {household.members.length === 0 && <Text className='hint'>台账中这一户还没有人员</Text>}
        </>
      ) : (
        term.length > 0 &&
        (found.data?.items ?? []).map((h) => (
          <View key={h.id} className='book-for__household' onClick={() => openHousehold(h.id)} {...asButton()}>
            <Text>
              {h.building}
              {h.label}（{h.members}人）
            </Text>
            <Text className='book-for__go' {...decorative}>
              ›
            </Text>
          </View>
        ))
      )}
      {!household && term.length > 0 && found.data?.items.length === 0 && <Text className='hint'>没有找到，换个门牌号或姓名试试</Text>}
    </View>
  )
}

export default function BookForPage() {
  const session = useSession()
  const help = useBookingHelp('grid')
  const mine = useBookingList('booked_for_others', 'upcoming')
  const [person, setPerson] = useState<Person | null>(null)
  const [done, setDone] = useState<string | null>(null)

  usePullDownRefresh(async () => {
    await Promise.all([help.reload(), mine.refresh()])
    Taro.stopPullDownRefresh()
  })

  if (person) {
    return (
      <Page className='book-for'>
        <BookingForPerson
          person={person}
          onBack={() => setPerson(null)}
          onBooked={(text) => {
            setDone(text)
            setPerson(null)
            void help.reload()
            void mine.refresh()
          }}
        />
      </Page>
    )
  }

  const requests = help.data?.requests ?? []
  const care = help.data?.specialCare ?? []
  return (
    <Page className='book-for'>
      {done && (
        <View className='card notice' data-testid='book-for-done'>
          <Text>{done}</Text>
        </View>
      )}
      <LoadState loading={help.loading && !help.data} error={help.data ? null : help.error} onRetry={help.reload}>
        <Text className='section-title'>居民请求代约（{requests.length}）</Text>
        {requests.length === 0 && <Text className='hint book-for__empty'>暂时没有居民请求代约</Text>}
        {requests.map((r) => (
          <View key={r.id} className='card book-for__person' data-help={r.id}>
            <View className='book-for__who'>
              <Text className='book-for__name'>{r.resident.name}</Text>
              <Text className='hint'>
                {r.resident.household ?? ''} {r.resident.phone ?? ''}
              </Text>
              <Text className='hint'>
                {formatDateTime(r.createdAt)}请求{r.service ? `：${r.service.name}` : ''}
                {r.note ? `（${r.note}）` : ''}
              </Text>
            </View>
            <Button
              className='book-for__pick'
              type='primary'
              onClick={() => setPerson({ userId: r.resident.id, name: r.resident.name, household: r.resident.household, helpId: r.id, serviceId: r.service?.id ?? null })}
            >
              代约
            </Button>
          </View>
        ))}

        <FindResident communityId={communityIdOf(session?.user)} onPick={setPerson} />

        <Text className='section-title'>网格内特殊人群（{care.length}）</Text>
        <Text className='hint book-for__note'>来自社区台账，每次查看都会记录；没有微信的居民也可以代约。</Text>
        {care.map((c) => (
          <View key={c.personId} className='card book-for__person' data-person={c.personId}>
            <View className='book-for__who'>
              <Text className='book-for__name'>{c.name}</Text>
              <Text className='hint'>
                {c.household} {c.phone ?? ''}
              </Text>
              <Text className='hint'>{c.specialCare.map((f) => SPECIAL_CARE_LABELS[f]).join('、')}</Text>
            </View>
            <Button className='book-for__pick' type='primary' fill='outline' onClick={() => setPerson({ userId: c.personId, name: c.name, household: c.household, helpId: null, serviceId: null })}>
              代约
            </Button>
          </View>
        ))}
      </LoadState>

      {mine.items.length > 0 && (
        <>
          <Text className='section-title'>我代约的（即将到来）</Text>
          {mine.items.map((b) => (
            <BookingCard key={b.id} booking={b} showHolder onClick={() => Taro.navigateTo({ url: `/pages/booking/index?id=${b.id}` })} />
          ))}
        </>
      )}
    </Page>
  )
}

function BookingForPerson({ person, onBack, onBooked }: { person: Person; onBack: () => void; onBooked: (text: string) => void }) {
  const services = useServices({})
  const items = services.data ?? []
  const [chosen, setChosen] = useState<number | null>(person.serviceId)
  const serviceId = chosen ?? items[0]?.id ?? null
  const item = items.find((s) => s.id === serviceId) ?? null
  const days = useMemo(() => dateStrip(8), [])
  const [day, setDay] = useState(days[0].date)
  const slots = useSlots(serviceId, { from: day, to: day })
  const [ask, setAsk] = useState<{ slot: SlotView; waitlist: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const keys = useRef(createSubmissionKeys()).current

  const book = async (slot: SlotView, waitlist: boolean) => {
    if (busy) return
    setBusy(true)
    setRefusal(null)
    const request = { slotId: slot.id, forUserId: person.userId, ...(waitlist ? { join: 'waitlist' as const } : {}) }
    try {
      const booking = await createBooking(request, keys.keyFor(request))
      keys.done()
      setAsk(null)
      if (person.helpId) await markHelpDone(person.helpId, booking.id).catch(() => undefined)
      onBooked(
        `已为${person.name}${booking.status === 'waiting' ? '加入候补' : '预约'}：${item?.name ?? ''} ${slotWhen(slot, undefined, item?.mode)}，${item?.place ?? ''}。` +
          (booking.checkInCode ? `签到码 ${booking.checkInCode}，` : '') +
          `请告诉${person.name}时间、地点${booking.checkInCode ? '和签到码' : ''}；用过小程序的居民也会收到通知，并能在“我的预约”里看到。`,
      )
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'SLOT_FULL' && !waitlist) {
        keys.done()
        setAsk({ slot, waitlist: true })
      } else if (err instanceof ApiRequestError && err.isNetworkError) {
        showError(new Error(ERROR_MESSAGES.bookingNotConfirmed))
      } else {
        keys.done()
        setAsk(null)
        setRefusal(err instanceof Error ? err.message : ERROR_MESSAGES.bookingFailed)
      }
      void slots.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <View className='card book-for__for'>
        <Text className='card__title'>为{person.name}预约</Text>
        {person.household && <Text className='hint'>{person.household}</Text>}
        <View className='book-for__back' onClick={onBack} {...asButton()}>
          <Text>‹ 换一位居民</Text>
        </View>
      </View>
      {refusal && (
        <View className='card notice notice--blocked' data-testid='book-for-refusal'>
          <Text>{refusal}</Text>
        </View>
      )}
      <LoadState loading={services.loading && !services.data} error={services.data ? null : services.error} empty={items.length === 0} emptyText='本社区还没有可预约的服务' onRetry={services.reload}>
        <ServiceChips items={items} value={serviceId} onChange={setChosen} className='book-for__items' />
        <DateStrip days={days} value={day} onChange={setDay} />
        <LoadState loading={slots.loading && !slots.data} error={slots.data ? null : slots.error} empty={(slots.data ?? []).length === 0} emptyText='这一天没有时段' onRetry={slots.reload}>
          {(slots.data ?? []).map((slot) => (
            <View key={slot.id} className='card book-for__slot' data-slot={slot.id}>
              <View className='book-for__who'>
                <Text className='book-for__name'>
                  {localTime(slot.startsAt)}–{localTime(slot.endsAt)}
                </Text>
                <Text className='hint'>{placesText(slot, item?.mode)}</Text>
              </View>
              {slot.open && (
                <Button className='book-for__book' type='primary' onClick={() => setAsk({ slot, waitlist: slot.placesLeft <= 0 })}>
                  {slot.placesLeft > 0 ? '代约' : '代为候补'}
                </Button>
              )}
            </View>
          ))}
        </LoadState>
      </LoadState>
      <Dialog
        visible={ask !== null}
        title={ask?.waitlist ? '代为加入候补' : '确认代约'}
        content={ask && item ? `为${person.name}${ask.waitlist ? '加入候补' : '预约'}：${item.name}，${slotWhen(ask.slot, undefined, item.mode)}，${item.place}。` : ''}
        confirmText={ask?.waitlist ? '加入候补' : '确认代约'}
        onConfirm={() => {
          if (ask) void book(ask.slot, ask.waitlist)
        }}
        onCancel={() => setAsk(null)}
      />
    </>
  )
}
