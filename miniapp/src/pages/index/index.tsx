import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Badge, Button } from '@nutui/nutui-react-taro'
import { isOpen, PHOTOS_MAX, RATING_LABELS } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { TicketCard } from '../../components/TicketCard'
import { useMe } from '../../hooks/useMe'
import { handPhotosToReport, pickPhotos } from '../../hooks/usePhotoUploads'
import { useUnreadCount } from '../../hooks/useNotifications'
import { usePublicBoard } from '../../hooks/usePublicBoard'
import { useSession } from '../../hooks/useSession'
import { useTicketList } from '../../hooks/useTickets'
import { useDeliberationBoard } from '../../hooks/useTopics'
import { BOARD_KIND_LABELS } from '../../utils/deliberation'
import { communityIdOf, hasRole } from '../../services/session'
import { formatDateTime } from '../../utils/format'
import { asButton, decorative } from '../../utils/a11y'
import './index.scss'

interface Entry {
  key: string
  icon: string
  text: string
  badge?: number
  open: () => void
}

const go = (url: string) => () => void Taro.navigateTo({ url })

/** Service entries: only what works today (议事 is a tab of its own). */
export function serviceEntries(roles: { resident: boolean; worker: boolean; committee: boolean; gridWorker?: boolean; provider?: boolean; owners?: boolean }, workerOpenCount = 0, unreadCount = 0): Entry[] {
  const entries: Entry[] = []
  if (roles.resident) {
    entries.push(
      { key: 'report', icon: '📝', text: '我要报事', open: () => void Taro.switchTab({ url: '/pages/report/index' }) },
      { key: 'mine', icon: '📋', text: '我的报事', open: go('/pages/tickets/index') },
      { key: 'services', icon: '📅', text: '预约服务', open: go('/pages/services/index') },
      { key: 'bookings', icon: '🎫', text: '我的预约', open: go('/pages/bookings/index') },
    )
  }
  entries.push({ key: 'board', icon: '📢', text: '公示栏', open: go('/pages/board/index') })
  entries.push({ key: 'messages', icon: '🔔', text: '我的消息', badge: unreadCount, open: go('/pages/messages/index') })
  if (roles.worker) entries.push({ key: 'inbox', icon: '🧰', text: '网格工单', badge: workerOpenCount, open: go('/worker/inbox/index') })
  if (roles.gridWorker) entries.push({ key: 'book-for', icon: '🤝', text: '代办预约', open: go('/worker/book-for/index') })
  if (roles.committee) {
    entries.push(
      { key: 'community', icon: '🏘️', text: '社区报事', open: go('/committee/tickets/index') },
      { key: 'dashboard', icon: '📊', text: '数据看板', open: go('/committee/dashboard/index') },
      { key: 'agenda', icon: '🗳️', text: '议事议程', open: go('/committee/topics/index') },
    )
  }
  if (roles.owners) entries.push({ key: 'owners', icon: '🏛️', text: '业委会议事', open: go('/owners/topics/index') })
  if (roles.provider) entries.push({ key: 'provider', icon: '🗓️', text: '预约管理', open: go('/provider/slots/index') })
  return entries
}

/** The step a resident still has to take before the community's services are theirs; null when bound. */
export function missingStep(me: { household: { bindingStatus: string; label: string } | null } | null, resident: boolean): { title: string; text: string; action: string } | null {
  if (!resident || !me) return null
  const status = me.household?.bindingStatus
  if (status === 'approved') return null
  if (status === 'pending')
    return { title: '住址审核中', text: `${me.household!.label}：居委会审核通过后会通知您。现在也可以报事。`, action: '查看状态' }
  return { title: '第一步：绑定住址', text: '选择您住的社区、楼栋和房屋，居委会审核后即可查看本社区公示、附议邻居的报事。现在也可以报事。', action: '去绑定' }
}

/** 随手拍: the camera straight from 首页; the photos go on to 报事, where the building is already filled in. */
async function snapAndReport() {
  const photos = await pickPhotos(PHOTOS_MAX, true)
  if (!photos?.length) return
  handPhotosToReport(photos)
  void Taro.switchTab({ url: '/pages/report/index' })
}

export default function HomePage() {
  const session = useSession()
  const user = session?.user
  const resident = hasRole(user, 'resident')
  const worker = hasRole(user, 'grid_worker') || hasRole(user, 'partner')
  const committee = hasRole(user, 'committee_member')
  const gridWorker = hasRole(user, 'grid_worker')
  const provider = hasRole(user, 'partner') || committee
  const me = useMe()
  const communityId = me.data?.community?.id ?? communityIdOf(user)
  const mine = useTicketList('mine', {}, resident)
  const inbox = useTicketList('assigned', { status: 'dispatched' }, worker)
  const board = usePublicBoard(communityId, 3)
  // 议事公示栏: the latest entry of the community's deliberation board.
  const results = useDeliberationBoard(communityId, 1)
  const unread = useUnreadCount()

  const refreshAll = async () => {
    await Promise.all([me.reload(), mine.refresh(), inbox.refresh(), board.refresh(), results.refresh(), unread.reload()])
    Taro.stopPullDownRefresh()
  }
  usePullDownRefresh(refreshAll)
  useDidShow(() => {
    // Back from 绑定住址 (or a decision meanwhile): the missing step follows the binding.
    if (!me.loading) void me.reload()
    if (!mine.loading) void mine.refresh()
    if (!inbox.loading) void inbox.refresh()
    if (!unread.loading) void unread.reload()
  })

  const step = missingStep(me.data, resident)
  const open = mine.items.filter((t) => isOpen(t.status) || t.status === 'resolved').slice(0, 3)
  const entries = serviceEntries({ resident, worker, committee, gridWorker, provider, owners: hasRole(user, 'owners_committee') }, worker ? inbox.total : 0, unread.data ?? 0)

  return (
    <Page className='home'>
      <View className='home__banner'>
        <Text className='home__hello'>{user ? `${user.name}，您好` : '您好'}</Text>
        <Text className='home__place'>{me.data?.community ? `${me.data.community.name}${me.data.building ? ' · ' + me.data.building.name : ''}` : '邻里 · 社区报事'}</Text>
      </View>

      {step && (
        <View className='card home__step'>
          <Text className='card__title'>{step.title}</Text>
          <Text className='hint'>{step.text}</Text>
          <Button
            size='small'
            type='primary'
            onClick={() => (me.data?.household ? Taro.switchTab({ url: '/pages/mine/index' }) : Taro.navigateTo({ url: '/pages/bind/index' }))}
          >
            {step.action}
          </Button>
        </View>
      )}

      <View className='card home__entries'>
        {entries.map((e) => (
          <View key={e.key} className={`home__entry home__entry--${e.key}`} onClick={e.open} {...asButton()}>
            {e.badge ? (
              <Badge value={e.badge} max={99}>
                <Text className='home__entry-icon' {...decorative}>
                  {e.icon}
                </Text>
              </Badge>
            ) : (
              <Text className='home__entry-icon' {...decorative}>
                {e.icon}
              </Text>
            )}
            <Text className='home__entry-text'>{e.text}</Text>
          </View>
        ))}
      </View>

      {resident && (
        <View className='home__snap' onClick={snapAndReport} {...asButton()}>
          <Text className='home__snap-icon' {...decorative}>
            📷
          </Text>
          <View className='home__snap-words'>
            <Text className='home__snap-title'>随手拍</Text>
            <Text className='home__snap-hint'>拍下问题，点提交就能报事</Text>
          </View>
        </View>
      )}

      {resident && (me.data?.gridWorkers ?? []).length > 0 && (
        <View className='card home__workers'>
          <Text className='card__title'>我的网格员{me.data?.grid ? ` · ${me.data.grid.name}` : ''}</Text>
          {me.data!.gridWorkers.map((w) => (
            <View key={w.id} className='home__worker'>
              <Text className='home__worker-name'>{w.name}</Text>
              {w.phone && (
                <View className='home__call' onClick={() => void Taro.makePhoneCall({ phoneNumber: w.phone! }).catch(() => undefined)} {...asButton(`给网格员${w.name}打电话`)}>
                  <Text className='home__call-icon' {...decorative}>
                    📞
                  </Text>
                  <Text>打电话</Text>
                </View>
              )}
            </View>
          ))}
        </View>
      )}

      {resident && (
        <>
          <Text className='section-title'>我的待办报事</Text>
          <LoadState loading={mine.loading} error={mine.error} empty={open.length === 0} emptyText='没有进行中的报事' onRetry={mine.refresh}>
            {open.map((t) => (
              <TicketCard key={t.id} ticket={t} onClick={go(`/pages/ticket/index?id=${t.id}`)} />
            ))}
          </LoadState>
        </>
      )}

      {communityId !== null && (
        <>
          <Text className='section-title'>议事公示</Text>
          <LoadState loading={results.loading} error={results.error} empty={results.items.length === 0} emptyText='暂无议事公示' onRetry={results.refresh}>
            {results.items.map((e) => (
              <View key={`${e.kind}-${e.topicId}-${e.at}`} className='card home__public home__results' onClick={go('/pages/results/index')} {...asButton()}>
                <Text className='home__public-title'>
                  {BOARD_KIND_LABELS[e.kind]} · {e.title}
                </Text>
                <Text className='home__public-desc'>{e.body}</Text>
                <Text className='hint'>
                  {formatDateTime(e.at)} · 议题：{e.topicTitle} · 查看议事公示栏 ›
                </Text>
              </View>
            ))}
          </LoadState>
        </>
      )}

      <Text className='section-title'>最新公示</Text>
      <LoadState
        loading={board.loading}
        error={board.error}
        empty={board.items.length === 0}
        emptyText={communityId === null ? '绑定住址后可以看到本社区的公示' : '暂无公示的办结结果'}
        onRetry={board.refresh}
      >
        {board.items.map((p) => (
          <View key={p.id} className='card home__public' onClick={go('/pages/board/index')}>
            <Text className='home__public-title'>
              {p.category} · {p.gridName ?? '社区'}
            </Text>
            <Text className='home__public-desc'>{p.description}</Text>
            {p.resolutionNote && <Text className='hint'>办理结果：{p.resolutionNote}</Text>}
            <Text className='hint'>
              {p.closedAt ? `${formatDateTime(p.closedAt)}办结` : ''}
              {p.rating ? ` · 居民评价：${RATING_LABELS[p.rating]}` : ''}
            </Text>
          </View>
        ))}
      </LoadState>
    </Page>
  )
}
