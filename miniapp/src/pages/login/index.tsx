import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, type DevUser, type LoginResult } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { useResource } from '../../hooks/useResource'
import { IS_WEAPP } from '../../services/config'
import { api } from '../../services/request'
import { saveSession } from '../../services/session'
import './index.scss'

function enter(login: LoginResult) {
  saveSession(login)
  void Taro.reLaunch({ url: '/pages/index/index' })
}

/** On WeChat: Taro.login → our server swaps the code for a session. */
function WechatLogin() {
  const [busy, setBusy] = useState(false)
  const login = async () => {
    setBusy(true)
    try {
      const { code } = await Taro.login()
      enter(await api('POST /auth/wechat-login', { body: { code }, anonymous: true }))
    } catch {
      // request() has already shown the API's message
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='login'>
      <Text className='login__title'>邻里</Text>
      <Text className='login__subtitle'>有困难，上邻里报事：受理、处理、办结全程可见</Text>
      <View className='actions'>
        <Button type='primary' size='large' block loading={busy} disabled={busy} onClick={login}>
          微信一键登录
        </Button>
      </View>
    </View>
  )
}

/** In the H5 build (demo, development, tests): pick one of the seeded users. */
function DevLogin() {
  const users = useResource(() => api('GET /auth/dev-users', { anonymous: true, quiet: true }), [])
  const [busyId, setBusyId] = useState<number | null>(null)
  const pick = async (user: DevUser) => {
    setBusyId(user.id)
    try {
      enter(await api('POST /auth/dev-login', { body: { userId: user.id }, anonymous: true }))
    } catch {
      setBusyId(null)
    }
  }
  const notAvailable = users.error && 'statusCode' in users.error && (users.error as { statusCode: number }).statusCode === 404
  return (
    <View className='login'>
      <Text className='login__title'>邻里 · 演示登录</Text>
      <Text className='login__subtitle'>选择一位演示用户，以他的身份体验报事、派单、办结、评价</Text>
      <LoadState
        loading={users.loading}
        error={notAvailable ? new Error('演示登录未开放，请在微信中打开邻里小程序') : users.error}
        empty={users.data?.length === 0}
        emptyText='没有演示用户'
        onRetry={users.reload}
      >
        <Cell.Group>
          {users.data?.map((u) => (
            <Cell
              key={u.id}
              className='login__user'
              clickable
              title={`${u.name}${busyId === u.id ? '（登录中…）' : ''}`}
              description={u.summary}
              extra={Array.from(new Set(u.roles.map((r) => ROLE_LABELS[r.role]))).join('、')}
              onClick={() => busyId === null && pick(u)}
            />
          ))}
        </Cell.Group>
      </LoadState>
    </View>
  )
}

export default function LoginPage() {
  return <Page className='login-page'>{IS_WEAPP ? <WechatLogin /> : <DevLogin />}</Page>
}
