import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { Checkbox, Popup } from '@nutui/nutui-react-taro'
import { IS_WEAPP } from '../services/config'
import { agreePrivacy, declinePrivacy, onPrivacyRequest, PRIVACY_AGREE_BUTTON_ID } from '../services/privacy'
import { asButton } from '../utils/a11y'
import { ERROR_MESSAGES } from '../services/messages'

export const LEGAL_PAGE = '/pages/legal/index'

/**
 * The one consent sheet: before the first login and whenever WeChat asks for privacy consent
 * (see services/privacy.ts). Agreeing needs the box ticked; it starts unticked every time.
 */
export function PrivacySheet() {
  const [open, setOpen] = useState(false)
  const [ticked, setTicked] = useState(false)
  useEffect(
    () =>
      onPrivacyRequest((next) => {
        setOpen(next)
        if (next) setTicked(false)
      }),
    [],
  )
  const read = (doc: 'agreement' | 'policy') => void Taro.navigateTo({ url: `${LEGAL_PAGE}?doc=${doc}` })
  return (
    <Popup visible={open} position='bottom' round closeable={false} onClose={declinePrivacy}>
      <View className='privacy-sheet'>
        <Text className='privacy-sheet__title'>邻里隐私保护提示</Text>
        <Text className='privacy-sheet__text'>为了办好您反映的事，我们需要以下信息，只用于处理您的报事和核对住户身份：</Text>
        <Text className='privacy-sheet__item'>· 微信身份标识：识别您的账号，向您发送您订阅的办理进度提醒。</Text>
        <Text className='privacy-sheet__item'>· 手机号（您授权时）：与社区登记的住户、工作人员信息核对；界面上只显示部分号码。</Text>
        <Text className='privacy-sheet__item'>· 住址绑定：确认您是本社区居民，由居委会审核。</Text>
        <Text className='privacy-sheet__item'>· 位置（您在地图上选的点）：确定事发地点和所属网格，派给负责的网格员。</Text>
        <Text className='privacy-sheet__item'>· 照片（您从相册或相机选的）：让处理人员看清现场，并核对办结情况。</Text>
        <Text className='privacy-sheet__text'>选择匿名时，公示栏不显示您的姓名。您可以随时在“我的”中查看自己的数据或注销账号。拒绝位置和照片后仍可选择楼栋报事。</Text>
        <View className='privacy-sheet__links'>
          <Text className='privacy-sheet__link' onClick={() => read('agreement')} {...asButton()}>
            《用户协议》
          </Text>
          <Text className='privacy-sheet__link' onClick={() => read('policy')} {...asButton()}>
            《隐私政策》
          </Text>
          {IS_WEAPP && (
            <Text className='privacy-sheet__link' onClick={() => Taro.openPrivacyContract?.({})} {...asButton()}>
              《小程序隐私保护指引》
            </Text>
          )}
        </View>
        <Checkbox className='privacy-sheet__consent' checked={ticked} onChange={setTicked} label='我已阅读并同意《用户协议》和《隐私政策》' />
        <View className='privacy-sheet__actions'>
          <Button className='btn btn--plain' onClick={declinePrivacy}>
            拒绝
          </Button>
          <Button
            className={`btn btn--primary${ticked ? '' : ' btn--disabled'}`}
            id={PRIVACY_AGREE_BUTTON_ID}
            aria-disabled={!ticked}
            openType={ticked ? 'agreePrivacyAuthorization' : undefined}
            onAgreePrivacyAuthorization={agreePrivacy}
            onClick={() => {
              if (!ticked) return void Taro.showToast({ title: ERROR_MESSAGES.privacyNotTicked, icon: 'none' })
              // WeChat answers the tap through onAgreePrivacyAuthorization; H5 has no such event.
              if (!IS_WEAPP) agreePrivacy()
            }}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </Popup>
  )
}
