import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { formatArea, MEMBER_RELATION_LABELS, parseAreaHundredths, type LedgerHouseholdDetail, type LedgerMemberRequest, type LedgerMemberView } from '@linli/shared'
import { ReasonSheet } from '../../components/HandlerPicker'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { ApiRequestError } from '../../services/request'
import { addMember, areaText, correctMember, endMember, revealPhone, saveHouseholdArea, SPECIAL_CARE_LOGGED, specialCareText, useLedgerHousehold } from '../ledger'
import { MemberForm } from './MemberForm'
import { asButton } from '../../utils/a11y'
import '../ledger.scss'

export const LEDGER_CONFLICT_NOTICE = '刚才有人修改了这条记录，下面已是最新内容：请核对后再改。'

type Editing = { kind: 'area' } | { kind: 'add' } | { kind: 'member'; member: LedgerMemberView } | null

/** A household of the ledger: its area and people (phones masked; birth years and special-care flags, logged), corrected in place. */
export default function LedgerHouseholdPage() {
  const { params } = useRouter()
  const id = Number(params.id)
  const household = useLedgerHousehold(id)
  const [editing, setEditing] = useState<Editing>(null)
  const [area, setArea] = useState('')
  const [busy, setBusy] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [ending, setEnding] = useState<LedgerMemberView | null>(null)
  const [phones, setPhones] = useState<Record<number, string>>({})
  usePullDownRefresh(async () => {
    await household.reload()
    Taro.stopPullDownRefresh()
  })

  const h = household.data
  const open = (next: Editing) => {
    setEditing(next)
    setFormError(null)
    setNotice(null)
    if (next?.kind === 'area') setArea(h?.areaHundredths ? formatArea(h.areaHundredths) : '')
  }

  /** One save: the answer is the household as it now is; someone else's save first → reload and say so. */
  const save = async (write: () => Promise<LedgerHouseholdDetail>, done: string) => {
    setBusy(true)
    setFormError(null)
    try {
      household.setData(await write())
      setEditing(null)
      Taro.showToast({ title: done, icon: 'none' })
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'LEDGER_CONFLICT') {
        setEditing(null)
        setNotice(LEDGER_CONFLICT_NOTICE)
        await household.reload()
      } else {
        setFormError((err as Error).message)
      }
    } finally {
      setBusy(false)
    }
  }

  const saveArea = () => {
    if (!h) return
    const hundredths = parseAreaHundredths(area)
    if (hundredths === null) return setFormError('面积应为正数，最多两位小数，不超过10000㎡，如 89.50')
    void save(() => saveHouseholdArea(h, hundredths === '' ? null : hundredths), '面积已更正')
  }

  const saveMember = (body: LedgerMemberRequest) => {
    if (!h || !editing || editing.kind === 'area') return
    if (editing.kind === 'add') void save(() => addMember(h.id, body), '已添加')
    else {
      const { memberId, version } = editing.member
      void save(() => correctMember(memberId, { ...body, version }), '已更正')
    }
  }

  const reveal = async (m: LedgerMemberView) => {
    try {
      const phone = await revealPhone(m.personId)
      setPhones((p) => ({ ...p, [m.personId]: phone }))
    } catch {
      // request() showed why
    }
  }

  return (
    <Page className='ledger ledger-household-page'>
      <Text className='hint ledger__intro ledger__sensitive'>{SPECIAL_CARE_LOGGED}</Text>
      {notice && (
        <View className='card ledger-import__notice' role='status'>
          <Text>{notice}</Text>
        </View>
      )}
      <LoadState loading={household.loading} error={household.error} onRetry={household.reload}>
        {h && (
          <View>
            <View className='card'>
              <Text className='card__title'>
                {h.building} {h.label}
              </Text>
              <Text className='hint'>专有部分面积：{areaText(h.areaHundredths) || '未登记'}</Text>
              {editing?.kind === 'area' ? (
                <View className='ledger-area-form'>
                  <Input className='ledger-area-form__input' type='digit' value={area} placeholder='面积（㎡），如 89.50' onChange={setArea} />
                  {formError && (
                    <View className='ledger-form__error' role='alert'>
                      {formError}
                    </View>
                  )}
                  <View className='ledger-actions'>
                    <Button type='default' disabled={busy} onClick={() => open(null)}>
                      取消
                    </Button>
                    <Button className='ledger-area-form__save' type='primary' loading={busy} disabled={busy} onClick={saveArea}>
                      保存面积
                    </Button>
                  </View>
                </View>
              ) : (
                <Button className='ledger-household__edit-area' type='default' size='small' onClick={() => open({ kind: 'area' })}>
                  更正面积
                </Button>
              )}
            </View>

            {h.members.length === 0 && <Text className='hint ledger__intro'>这一户还没有登记人员。</Text>}
            {h.members.map((m) =>
              editing?.kind === 'member' && editing.member.memberId === m.memberId ? (
                <MemberForm key={m.memberId} member={m} busy={busy} error={formError} onSubmit={saveMember} onCancel={() => open(null)} />
              ) : (
                <View key={m.memberId} className='card ledger-member' data-member={m.memberId}>
                  <Text className='card__title'>
                    {m.name}（{MEMBER_RELATION_LABELS[m.relation]}）{m.claimed ? '' : ' · 未登录小程序'}
                  </Text>
                  <View className='ledger-member__phone'>
                    <Text>手机：{phones[m.personId] ?? m.phone ?? '未登记'}</Text>
                    {m.phone && !phones[m.personId] && (
                      <Text className='ledger-member__reveal' onClick={() => void reveal(m)} {...asButton(`查看${m.name}的完整号码（会被记录）`)}>
                        查看号码
                      </Text>
                    )}
                  </View>
                  <Text className='hint'>出生年份：{m.birthYear ?? '未登记'}</Text>
                  <Text className='hint'>特殊人群：{m.specialCare.length ? specialCareText(m.specialCare) : '无'}</Text>
                  <View className='ledger-actions'>
                    <Button className='ledger-member__end' type='default' size='small' onClick={() => setEnding(m)}>
                      已迁出
                    </Button>
                    <Button className='ledger-member__edit' type='primary' fill='outline' size='small' onClick={() => open({ kind: 'member', member: m })}>
                      更正
                    </Button>
                  </View>
                </View>
              ),
            )}

            {editing?.kind === 'add' ? (
              <MemberForm member={null} busy={busy} error={formError} onSubmit={saveMember} onCancel={() => open(null)} />
            ) : (
              <View className='ledger-actions'>
                <Button className='ledger-household__add' type='primary' fill='outline' block onClick={() => open({ kind: 'add' })}>
                  添加人员
                </Button>
              </View>
            )}
          </View>
        )}
      </LoadState>
      <ReasonSheet
        visible={ending !== null}
        title='记为已迁出'
        placeholder='原因，如：已于11月搬走，房屋出售'
        onClose={() => setEnding(null)}
        onSubmit={async ({ text }) => {
          if (!ending) return
          try {
            household.setData(await endMember(ending.memberId, text))
            setEnding(null)
            Taro.showToast({ title: '已记为迁出', icon: 'none' })
          } catch {
            // request() showed why; the sheet keeps the reason
          }
        }}
      />
    </Page>
  )
}
