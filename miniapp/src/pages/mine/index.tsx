import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Badge, Button, Cell, Switch } from '@nutui/nutui-react-taro'
import { ROLE_LABELS } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { useMe } from '../../hooks/useMe'
import { useUnreadCount } from '../../hooks/useNotifications'
import { useElderMode, useSession } from '../../hooks/useSession'
import { IS_WEAPP, LOGIN_PAGE } from '../../services/config'
import { clearSession, hasRole } from '../../services/session'
import './index.scss'

const BINDING_LABELS = { pending: '审核中', approved: '已认证', rejected: '未通过' } as const

export default function MinePage() {
  const session = useSession()
  const me = useMe()
  const [elder, setElder] = useElderMode()
  const unread = useUnreadCount()
  useDidShow(() => {
    if (!unread.loading) void unread.reload()
  })
  const user = me.data ?? session?.user ?? null
  const resident = hasRole(user, 'resident')
  const worker = hasRole(user, 'grid_worker') || hasRole(user, 'partner')
  const committee = hasRole(user, 'committee_member')

  const logout = () => {
    clearSession()
    void Taro.reLaunch({ url: LOGIN_PAGE })
  }

  return (
    <Page className='mine'>
      <View className='mine__profile'>
        <Text className='mine__name'>{user?.name ?? ''}</Text>
        <Text className='mine__roles'>
          {(user?.roles ?? []).map((r) => `${ROLE_LABELS[r.role]}${r.placeName ? `·${r.placeName}` : ''}`).join('  ')}
        </Text>
      </View>

      <LoadState loading={me.loading && !user} error={me.error} onRetry={me.reload}>
        {me.data && (
          <Cell.Group title='我的住址'>
            <Cell title='社区' extra={me.data.community?.name ?? '未绑定'} />
            <Cell title='楼栋' extra={me.data.building?.name ?? '未绑定'} />
            <Cell title='住户' extra={me.data.household ? `${me.data.household.label}（${BINDING_LABELS[me.data.household.bindingStatus]}）` : '未绑定'} />
            {me.data.grid && <Cell title='网格' extra={me.data.grid.name} />}
            {me.data.phone && <Cell title='手机' extra={me.data.phone} />}
          </Cell.Group>
        )}
      </LoadState>

      <Cell.Group title='服务'>
        <Cell
          className='mine__messages'
          title='我的消息'
          clickable
          extra={unread.data ? <Badge value={unread.data} max={99} /> : '›'}
          onClick={() => Taro.navigateTo({ url: '/pages/messages/index' })}
        />
        {resident && <Cell title='我的报事' clickable extra='查看进度 ›' onClick={() => Taro.navigateTo({ url: '/pages/tickets/index' })} />}
        <Cell title='公示栏' clickable extra='›' onClick={() => Taro.navigateTo({ url: '/pages/board/index' })} />
        {worker && <Cell title='网格工单' clickable extra='›' onClick={() => Taro.navigateTo({ url: '/worker/inbox/index' })} />}
        {committee && <Cell title='社区报事' clickable extra='›' onClick={() => Taro.navigateTo({ url: '/committee/tickets/index' })} />}
        {committee && <Cell title='数据看板' clickable extra='›' onClick={() => Taro.navigateTo({ url: '/committee/dashboard/index' })} />}
      </Cell.Group>

      <Cell.Group title='设置'>
        <Cell
          className='mine__elder'
          title='适老化模式'
          description='字更大、对比更强，按钮更好点'
          extra={<Switch className='mine__elder-switch' checked={elder} onChange={setElder} />}
        />
      </Cell.Group>

      <View className='actions'>
        <Button type='default' size='large' block onClick={logout}>
          {IS_WEAPP ? '退出登录' : '切换身份'}
        </Button>
      </View>
    </Page>
  )
}
