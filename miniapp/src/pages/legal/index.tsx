import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PERSONAL_DATA, PRIVACY_POLICY, USER_AGREEMENT, type LegalDocument } from '@linli/shared'
import { Page } from '../../components/Page'
import './index.scss'

export type LegalDoc = 'agreement' | 'policy'

export function legalDocument(doc: string | undefined): LegalDocument {
  return doc === 'agreement' ? USER_AGREEMENT : PRIVACY_POLICY
}

/** The personal-data list sits in the policy right after the section that announces it. */
const DATA_TABLE_AFTER = '我们收集哪些信息、为什么、保存多久'

/** 用户协议 / 隐私政策, readable before logging in (no session needed). */
export default function LegalPage() {
  const { params } = useRouter()
  const legal = legalDocument(params.doc)
  useEffect(() => {
    void Taro.setNavigationBarTitle?.({ title: legal.title })
  }, [legal.title])
  return (
    <Page className='legal'>
      <Text className='legal__title'>{legal.title}</Text>
      <Text className='hint legal__version'>{legal.version}</Text>
      {legal.sections.map((s) => (
        <View key={s.heading} className='card legal__section'>
          <Text className='card__title'>{s.heading}</Text>
          {s.paragraphs.map((p) => (
            <Text key={p} className='legal__paragraph'>
              {p}
            </Text>
          ))}
          {legal === PRIVACY_POLICY && s.heading === DATA_TABLE_AFTER && (
            <View className='legal__data' aria-label='个人信息清单'>
              {PERSONAL_DATA.map((item) => (
                <View key={item.data} className='legal__data-item'>
                  <Text className='legal__data-name'>{item.data}</Text>
                  <Text className='legal__paragraph'>用途：{item.purpose}</Text>
                  <Text className='legal__paragraph'>保存期限：{item.retention}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      ))}
    </Page>
  )
}
