import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import { agreePrivacy, declinePrivacy, onPrivacyRequest, PRIVACY_AGREE_BUTTON_ID } from '../services/privacy'

/** Our own privacy agreement sheet, shown when WeChat asks for consent (see services/privacy.ts). */
export function PrivacySheet() {
  const [open, setOpen] = useState(false)
  useEffect(() => onPrivacyRequest(setOpen), [])
  return (
    <Popup visible={open} position='bottom' round closeable={false} onClose={declinePrivacy}>
      <View className='privacy-sheet'>
        <Text className='privacy-sheet__title'>邻里隐私保护提示</Text>
        <Text className='privacy-sheet__text'>为了办好您反映的事，我们需要以下信息，只用于处理您的报事：</Text>
        <Text className='privacy-sheet__item'>· 位置（您在地图上选的点）：确定事发地点和所属网格，派给负责的网格员。</Text>
        <Text className='privacy-sheet__item'>· 照片（您从相册或相机选的）：让处理人员看清现场，并核对办结情况。</Text>
        <Text className='privacy-sheet__item'>· 微信身份标识：识别您的账号，向您发送办理进度提醒。</Text>
        <Text className='privacy-sheet__text'>选择匿名时，公示栏不显示您的姓名。您可以随时拒绝，拒绝后仍可选择楼栋报事。</Text>
        <Text className='privacy-sheet__link' onClick={() => Taro.openPrivacyContract?.({})}>
          查看《邻里小程序隐私保护指引》
        </Text>
        <View className='privacy-sheet__actions'>
          <Button className='btn btn--plain' onClick={declinePrivacy}>
            拒绝
          </Button>
          <Button className='btn btn--primary' id={PRIVACY_AGREE_BUTTON_ID} openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={agreePrivacy}>
            同意并继续
          </Button>
        </View>
      </View>
    </Popup>
  )
}
