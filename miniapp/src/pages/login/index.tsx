import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, type DevUser, type LoginResult } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { useResource } from '../../hooks/useResource'
import { LEGAL_PAGE, PrivacySheet } from '../../components/PrivacySheet'
import { wechatLogin } from '../../hooks/useAccount'
import { IS_WEAPP, WECHAT_TEST_MODE } from '../../services/config'
import { forgetConsent, requestConsent } from '../../services/privacy'
import { ApiRequestError, api } from '../../services/request'
import { wechatLoginCode } from '../../services/wechat'
import { saveSession } from '../../services/session'
import { asButton } from '../../utils/a11y'
import { ERROR_MESSAGES } from '../../services/messages'
import { LinkCell } from '../../components/LinkCell'
import './index.scss'

function enter(login: LoginResult) {
  saveSession(login)
  void Taro.reLaunch({ url: '/pages/index/index' })
}

/**
 * On WeChat (and in the H5 test build): consent first (the privacy sheet, box unticked), then a wx.login code,
 * which our server swaps for a session together with the version of the policy agreed to.
 */
export function WechatLogin() {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const login = async () => {
    if (busy) return
    setFailure(null)
    if (!(await requestConsent())) return setFailure(ERROR_MESSAGES.loginConsentNeeded)
    setBusy(true)
    try {
      enter(await wechatLogin(await wechatLoginCode()))
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'CONSENT_REQUIRED') forgetConsent() // the policy changed: ask again on the next tap
      setFailure(err instanceof Error && err.message ? err.message : ERROR_MESSAGES.loginFailed)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='login'>
      <PrivacySheet />
      <Text className='login__title'>邻里</Text>
      <Text className='login__subtitle'>有困难，上邻里报事：受理、处理、办结全程可见</Text>
      {failure && (
        <View className='card login__failure' role='alert'>
          <Text>{failure}</Text>
        </View>
      )}
      <View className='actions'>
        <Button type='primary' size='large' block loading={busy} disabled={busy} onClick={login}>
          {failure ? '重试' : '微信一键登录'}
        </Button>
      </View>
      <View className='login__legal'>
        <Text className='hint'>登录前请阅读</Text>
        <Text className='login__link' onClick={() => Taro.navigateTo({ url: `${LEGAL_PAGE}?doc=agreement` })} {...asButton()}>
          《用户协议》
        </Text>
        <Text className='login__link' onClick={() => Taro.navigateTo({ url: `${LEGAL_PAGE}?doc=policy` })} {...asButton()}>
          《隐私政策》
        </Text>
      </View>
    </View>
  )
}

/** In the H5 build (demo, development, tests): pick one of the seeded users. */
/** A demo person's roles, in words (市民、网格员). */
function rolesOf(u: DevUser): string {
  return Array.from(new Set(u.roles.map((r) => ROLE_LABELS[r.role]))).join('、')
}

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
        error={notAvailable ? new Error(ERROR_MESSAGES.demoLoginUnavailable) : users.error}
        empty={users.data?.length === 0}
        emptyText='没有演示用户'
        onRetry={users.reload}
      >
        <Cell.Group>
          {users.data?.map((u) => (
            <LinkCell
              key={u.id}
              className='login__user'
              title={`${u.name}${busyId === u.id ? '（登录中…）' : ''}`}
              description={u.summary}
              extra={rolesOf(u)}
              label={busyId === u.id ? `${u.name}，登录中` : `以${u.name}（${rolesOf(u)}）的身份登录`}
              onClick={() => busyId === null && pick(u)}
            />
          ))}
        </Cell.Group>
      </LoadState>
    </View>
  )
}

export default function LoginPage() {
  return <Page className='login-page'>{IS_WEAPP || WECHAT_TEST_MODE ? <WechatLogin /> : <DevLogin />}</Page>
}
