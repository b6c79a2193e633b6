import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button as WechatButton, Image, Input, Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { PrivacySheet } from '../../components/PrivacySheet'
import { updateProfile, verifyPhone, type AccountView } from '../../hooks/useAccount'
import { useMe } from '../../hooks/useMe'
import { useSession } from '../../hooks/useSession'
import { IS_WEAPP, WECHAT_TEST_MODE } from '../../services/config'
import { fileUrl, showError, uploadFile } from '../../services/request'
import { testPhoneCode } from '../../services/wechat'
import { maskPhone } from '../../utils/format'
import { asImage } from '../../utils/a11y'
import { ERROR_MESSAGES } from '../../services/messages'
import './index.scss'

/** What the phone button's event says: the code to send, or why there is none. */
export function phoneCodeFrom(detail: { code?: string; errMsg?: string } | undefined): { code: string } | { problem: string } {
  if (detail?.code) return { code: detail.code }
  if (/deny|cancel/i.test(detail?.errMsg ?? '')) return { problem: '您没有授权手机号。授权后才能与社区登记的信息核对，需要时请再点“授权手机号”。' }
  return { problem: ERROR_MESSAGES.phoneNotGiven }
}

export const NICKNAME_MAX = 20

/** 个人资料: avatar and nickname (WeChat's own pickers), and the phone proven through WeChat. */
export default function ProfilePage() {
  useSession()
  const me = useMe()
  const account = me.data as AccountView | null
  const [nickname, setNickname] = useState('')
  const [saving, setSaving] = useState(false)
  const [testPhone, setTestPhone] = useState('')
  useEffect(() => {
    if (account) setNickname(account.nickname ?? '')
  }, [account?.nickname])

  const apply = async (change: Promise<AccountView>, done: string) => {
    setSaving(true)
    try {
      me.setData(await change)
      Taro.showToast({ title: done, icon: 'none' })
    } catch (err) {
      showError(err) // e.g. CONTENT_RISKY names the nickname
    } finally {
      setSaving(false)
    }
  }

  const chooseAvatar = async (e: { detail: { avatarUrl?: string } }) => {
    const path = e.detail?.avatarUrl
    if (!path) return
    setSaving(true)
    try {
      const file = await uploadFile({ path })
      await apply(updateProfile({ avatarFileId: file.id }), '头像已更新')
    } catch (err) {
      showError(err)
      setSaving(false)
    }
  }

  const saveNickname = () => {
    const value = nickname.trim()
    if (!value) return showError(new Error(ERROR_MESSAGES.nicknameMissing))
    if (value.length > NICKNAME_MAX) return showError(new Error(ERROR_MESSAGES.nicknameTooLong(NICKNAME_MAX)))
    void apply(updateProfile({ nickname: value }), '昵称已保存')
  }

  const phoneGiven = (e: { detail?: { code?: string; errMsg?: string } }) => {
    const answer = phoneCodeFrom(e.detail)
    if ('problem' in answer) return showError(new Error(answer.problem))
    void apply(verifyPhone(answer.code), '手机号已验证')
  }

  return (
    <Page className='profile'>
      <PrivacySheet />
      <LoadState loading={me.loading && !account} error={me.error} onRetry={me.reload}>
        <Cell.Group title='头像和昵称'>
          <View className='profile__avatar-row'>
            {account?.avatarUrl ? <Image className='profile__avatar' src={fileUrl(account.avatarUrl)} {...asImage('头像')} /> : <View className='profile__avatar profile__avatar--empty'>{(account?.name ?? '邻').slice(0, 1)}</View>}
            {IS_WEAPP ? (
              <WechatButton className='btn btn--plain' openType='chooseAvatar' onChooseAvatar={chooseAvatar} disabled={saving} aria-label='选择头像'>
                选择头像
              </WechatButton>
            ) : (
              <Text className='hint'>头像请在微信中设置</Text>
            )}
          </View>
          <View className='profile__nickname'>
            <Text className='profile__label' id='nickname-label'>
              昵称
            </Text>
            <Input
              className='profile__input'
              type='nickname'
              aria-labelledby='nickname-label'
              aria-label='昵称'
              placeholder='点击填写或使用微信昵称'
              maxlength={NICKNAME_MAX}
              value={nickname}
              onInput={(e) => setNickname(e.detail.value)}
              onBlur={(e) => setNickname(e.detail.value)}
            />
            <Button className='profile__save' size='small' type='primary' loading={saving} disabled={saving} onClick={saveNickname}>
              保存
            </Button>
          </View>
        </Cell.Group>

        <Cell.Group title='手机号'>
          <Cell title='手机号' extra={account?.phone ? `${maskPhone(account.phone)}${account.phoneVerified ? '（已验证）' : ''}` : '未授权'} />
          {account?.claim && <Cell title='工作人员身份' description='您的手机号与社区登记的工作人员一致，待居委会确认后生效' extra='待确认' />}
          <View className='profile__phone'>
            <Text className='hint'>授权后与社区登记的住户、工作人员信息核对；只显示部分号码。</Text>
            {IS_WEAPP && (
              <WechatButton className='btn btn--primary' openType='getPhoneNumber' onGetPhoneNumber={phoneGiven} disabled={saving} aria-label='授权手机号'>
                {account?.phone ? '更换手机号' : '授权手机号'}
              </WechatButton>
            )}
            {WECHAT_TEST_MODE && (
              <View className='profile__test-phone'>
                <Input className='profile__input' type='number' aria-label='测试手机号' placeholder='测试手机号（由测试用的微信提供）' value={testPhone} onInput={(e) => setTestPhone(e.detail.value)} />
                <Button size='small' type='primary' disabled={saving} onClick={() => phoneGiven({ detail: { code: testPhoneCode(testPhone) } })}>
                  授权手机号
                </Button>
              </View>
            )}
            {!IS_WEAPP && !WECHAT_TEST_MODE && <Text className='hint'>请在微信中打开邻里授权手机号。</Text>}
          </View>
        </Cell.Group>
      </LoadState>
    </Page>
  )
}
