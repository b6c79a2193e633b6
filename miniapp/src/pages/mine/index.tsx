import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Badge, Button, Cell, Dialog, Switch } from '@nutui/nutui-react-taro'
import { ROLE_LABELS } from '@linli/shared'
import { LinkCell } from '../../components/LinkCell'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { deleteAccount, leaveHousehold, useLastBinding, type AccountView, type PastBinding } from '../../hooks/useAccount'
import { useVolunteerHours } from '../../hooks/useBookings'
import { useHeldTextCount } from '../../hooks/useContentHolds'
import { useMe } from '../../hooks/useMe'
import { useUnreadCount } from '../../hooks/useNotifications'
import { useElderMode, useSession } from '../../hooks/useSession'
import { IS_WEAPP, LOGIN_PAGE } from '../../services/config'
import { forgetConsent } from '../../services/privacy'
import { fileUrl, showError } from '../../services/request'
import { clearSession, communityIdOf, hasRole } from '../../services/session'
import { hoursText } from '../../utils/booking'
import { maskPhone } from '../../utils/format'
import { asButton, asImage } from '../../utils/a11y'
import './index.scss'

const BINDING_LABELS: Record<string, string> = { pending: '审核中', approved: '已认证', rejected: '未通过', ended: '已解除', withdrawn: '已撤回' }

/** What 我的 says about the home: the step that is missing, or where the request stands (with the reason of a refusal). */
export function homeStatus(me: Pick<AccountView, 'household'>, last: PastBinding | null = null): { text: string; action: 'bind' | 'rebind' | 'leave' | 'withdraw' | null } {
  const h = me.household
  if (h?.bindingStatus === 'pending') return { text: `${h.label}：审核中，居委会通过后会通知您`, action: 'withdraw' }
  if (h?.bindingStatus === 'approved') return { text: `${h.label}（已认证）`, action: 'leave' }
  const reason = last?.reason ? `，原因：${last.reason}` : ''
  if (last?.status === 'rejected') return { text: `${last.householdLabel}：未通过${reason}`, action: 'rebind' }
  if (last?.status === 'ended') return { text: `${last.householdLabel}：绑定已解除${reason}`, action: 'rebind' }
  return { text: '未绑定住址：选择社区、楼栋和房屋，居委会审核后即可', action: 'bind' }
}

type Confirm = 'leave' | 'delete1' | 'delete2' | null

export default function MinePage() {
  const session = useSession()
  const me = useMe()
  const [elder, setElder] = useElderMode()
  const unread = useUnreadCount()
  const reviewsTexts = hasRole(session?.user, 'committee_member')
  const held = useHeldTextCount(communityIdOf(session?.user), reviewsTexts)
  useDidShow(() => {
    if (!unread.loading) void unread.reload()
    if (!me.loading) void me.reload() // back from 绑定住址 or 个人资料
    if (reviewsTexts && !held.loading) void held.reload() // back from 内容审核
  })
  const user = me.data ?? session?.user ?? null
  const resident = hasRole(user, 'resident')
  const hours = useVolunteerHours(resident)
  const worker = hasRole(user, 'grid_worker') || hasRole(user, 'partner')
  const committee = hasRole(user, 'committee_member')

  const account = me.data as AccountView | null
  const [confirm, setConfirm] = useState<Confirm>(null)
  const [busy, setBusy] = useState(false)
  const go = (url: string) => () => void Taro.navigateTo({ url })

  const logout = () => {
    clearSession()
    void Taro.reLaunch({ url: LOGIN_PAGE })
  }

  const leave = async () => {
    setConfirm(null)
    try {
      await leaveHousehold()
      Taro.showToast({ title: '已解除住址绑定', icon: 'none' })
      await me.reload()
    } catch {
      // request() showed why
    }
  }

  /** 注销, after the second confirmation: the server removes the account's personal data; then logged out. */
  const removeAccount = async () => {
    setConfirm(null)
    setBusy(true)
    try {
      await deleteAccount(session?.user.id ?? null)
      forgetConsent()
      clearSession()
      Taro.showToast({ title: '账号已注销', icon: 'none' })
      void Taro.reLaunch({ url: LOGIN_PAGE })
    } catch (err) {
      showError(err) // e.g. STAFF_HAS_OPEN_TICKETS: hand the open matters over first
    } finally {
      setBusy(false)
    }
  }
  const last = useLastBinding(resident && !!account && !account.household)
  const home = account ? homeStatus(account, last.data) : null

  return (
    <Page className='mine'>
      <View className='mine__profile' onClick={go('/pages/profile/index')} {...asButton()}>
        {account?.avatarUrl && <Image className='mine__avatar' src={fileUrl(account.avatarUrl)} {...asImage('头像')} />}
        <Text className='mine__name'>{account?.nickname || user?.name || ''}</Text>
        <Text className='mine__roles'>
          {(user?.roles ?? []).map((r) => `${ROLE_LABELS[r.role]}${r.placeName ? `·${r.placeName}` : ''}`).join('  ')}
        </Text>
        <Text className='mine__profile-link'>个人资料 ›</Text>
      </View>

      <LoadState loading={me.loading && !user} error={me.error} onRetry={me.reload}>
        {me.data && (
          <Cell.Group title='我的住址'>
            <Cell title='社区' extra={me.data.community?.name ?? '未绑定'} />
            <Cell title='楼栋' extra={me.data.building?.name ?? '未绑定'} />
            <Cell title='住户' extra={me.data.household ? `${me.data.household.label}（${BINDING_LABELS[me.data.household.bindingStatus] ?? ''}）` : '未绑定'} />
            {me.data.grid && <Cell title='网格' extra={me.data.grid.name} />}
            {me.data.phone && <Cell title='手机' extra={maskPhone(me.data.phone)} />}
            {home && resident && <Cell className='mine__home-status' title='住址状态' description={home.text} />}
            {home?.action === 'bind' && resident && <LinkCell className='mine__bind' title='绑定住址' extra='去绑定 ›' onClick={go('/pages/bind/index')} />}
            {home?.action === 'rebind' && resident && <LinkCell className='mine__bind' title='重新申请绑定' extra='›' onClick={go('/pages/bind/index')} />}
            {home?.action === 'leave' && <LinkCell className='mine__leave' title='搬离（解除住址绑定）' extra='›' onClick={() => setConfirm('leave')} />}
            {home?.action === 'withdraw' && <LinkCell className='mine__leave' title='撤回绑定申请' extra='›' onClick={() => setConfirm('leave')} />}
          </Cell.Group>
        )}
      </LoadState>

      <Cell.Group title='服务'>
        <LinkCell
          className='mine__messages'
          title='我的消息'
          extra={unread.data ? <Badge value={unread.data} max={99} /> : '›'}
          extraLabel={unread.data ? `${unread.data}条未读` : undefined}
          onClick={() => Taro.navigateTo({ url: '/pages/messages/index' })}
        />
        {resident && <LinkCell title='我的报事' extra='查看进度 ›' onClick={() => Taro.navigateTo({ url: '/pages/tickets/index' })} />}
        {resident && <LinkCell className='mine__bookings' title='我的预约' description='签到码、取消、候补确认、评价' extra='›' onClick={go('/pages/bookings/index')} />}
        {resident && (hours.data?.entries.length ?? 0) > 0 && (
          <LinkCell className='mine__hours' title='志愿时长（爱心银行）' description='余额和明细' extra={`${hoursText(hours.data!.balanceMinutes)} ›`} onClick={go('/pages/bookings/index')} />
        )}
        <LinkCell title='公示栏' extra='›' onClick={() => Taro.navigateTo({ url: '/pages/board/index' })} />
        {hasRole(user, 'owners_committee') && <LinkCell className='mine__owners' title='业委会议事' description='以业委会身份发表意见、参加恳谈会、查看纪要' extra='›' onClick={go('/owners/topics/index')} />}
        {worker && <LinkCell title='网格工单' extra='›' onClick={() => Taro.navigateTo({ url: '/worker/inbox/index' })} />}
        {hasRole(user, 'grid_worker') && <LinkCell title='代办预约' description='居民请求代约、特殊人群' extra='›' onClick={go('/worker/book-for/index')} />}
        {(committee || hasRole(user, 'partner')) && <LinkCell title='预约管理' description='时段名单、签到、统计' extra='›' onClick={go('/provider/slots/index')} />}
        {committee && <LinkCell title='社区报事' extra='›' onClick={() => Taro.navigateTo({ url: '/committee/tickets/index' })} />}
        {committee && <LinkCell title='数据看板' extra='›' onClick={() => Taro.navigateTo({ url: '/committee/dashboard/index' })} />}
        {committee && <LinkCell title='住户审核' description='待审核的住址绑定申请' extra='›' onClick={go('/committee/bindings/index')} />}
        {committee && <LinkCell className='mine__ledger' title='住户台账' description='楼栋、住户和人员；台账导入与导出' extra='›' onClick={go('/committee/ledger/index')} />}
        {committee && <LinkCell title='身份确认' description='凭手机号认领的工作人员账号' extra='›' onClick={go('/committee/claims/index')} />}
        {committee && (
          <LinkCell
            className='mine__holds'
            title='内容审核'
            description='暂未公开的住户文字，核对后放行'
            extra={held.data ? <Badge value={held.data} max={99} /> : '›'}
            extraLabel={held.data ? `${held.data}条待核对` : undefined}
            onClick={go('/committee/holds/index')}
          />
        )}
      </Cell.Group>

      <Cell.Group title='账号与隐私'>
        <LinkCell title='个人资料' description='头像、昵称、手机号' extra='›' onClick={go('/pages/profile/index')} />
        <LinkCell title='我的数据' description='查看邻里保存的关于您的全部信息' extra='›' onClick={go('/pages/mydata/index')} />
        <LinkCell title='用户协议' extra='›' onClick={go('/pages/legal/index?doc=agreement')} />
        <LinkCell title='隐私政策' extra='›' onClick={go('/pages/legal/index?doc=policy')} />
        {account && <LinkCell className='mine__delete' title='注销账号' extra={busy ? '注销中…' : '›'} extraLabel={busy ? '注销中' : undefined} onClick={() => !busy && setConfirm('delete1')} />}
      </Cell.Group>

      <Cell.Group title='设置'>
        <Cell
          className='mine__elder'
          title='适老化模式'
          description='字更大、对比更强，按钮更大；微信字体调大时自动开启'
          extra={<Switch className='mine__elder-switch' checked={elder} onChange={setElder} ariaLabel='适老化模式' />}
        />
      </Cell.Group>

      <View className='actions'>
        <Button type='default' size='large' block onClick={logout}>
          {IS_WEAPP ? '退出登录' : '切换身份'}
        </Button>
      </View>

      <Dialog
        visible={confirm === 'leave'}
        title={account?.household?.bindingStatus === 'pending' ? '撤回绑定申请？' : '确认搬离？'}
        content={account?.household?.bindingStatus === 'pending' ? '撤回后可以重新选择房屋申请。' : `解除与 ${account?.household?.label ?? ''} 的绑定后，您不再是该户的住户，附议和本社区的公示需重新绑定后使用。您的报事记录不受影响。`}
        confirmText={account?.household?.bindingStatus === 'pending' ? '撤回申请' : '确认搬离'}
        cancelText='取消'
        onConfirm={leave}
        onCancel={() => setConfirm(null)}
      />
      <Dialog
        visible={confirm === 'delete1'}
        title='注销账号'
        content='注销后将立即删除您的姓名、手机号、头像、昵称、微信身份标识、住址绑定和消息订阅，且无法恢复。您的报事作为社区记录保留，但不再显示您的身份。再次登录将是一个新用户。'
        confirmText='继续注销'
        cancelText='不注销了'
        onConfirm={() => setConfirm('delete2')}
        onCancel={() => setConfirm(null)}
      />
      <Dialog
        visible={confirm === 'delete2'}
        title='再次确认'
        content='确定要注销账号吗？此操作不可撤销。'
        confirmText='确定注销'
        cancelText='取消'
        onConfirm={removeAccount}
        onCancel={() => setConfirm(null)}
      />
    </Page>
  )
}
