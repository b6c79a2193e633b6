import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { MEMBER_RELATIONS, MEMBER_RELATION_LABELS, normalisePhone, parseBirthYear, SPECIAL_CARE_FLAGS, SPECIAL_CARE_LABELS, type LedgerMemberRequest, type LedgerMemberView, type MemberRelation, type SpecialCareFlag } from '@linli/shared'

/**
 * A person of a household, added or corrected. The phone of a person already in the ledger is shown masked, so the
 * field starts empty and a number is sent only when one is typed (empty: unchanged).
 */
export function MemberForm({ member, busy, error, onSubmit, onCancel }: { member: LedgerMemberView | null; busy: boolean; error: string | null; onSubmit: (body: LedgerMemberRequest) => void; onCancel: () => void }) {
  const [name, setName] = useState(member?.name ?? '')
  const [phone, setPhone] = useState('')
  const [relation, setRelation] = useState<MemberRelation>(member?.relation ?? 'family')
  const [birthYear, setBirthYear] = useState(member?.birthYear ? String(member.birthYear) : '')
  const [care, setCare] = useState<SpecialCareFlag[]>(member?.specialCare ?? [])
  const [problem, setProblem] = useState<string | null>(null)

  const submit = () => {
    const year = parseBirthYear(birthYear, new Date().getFullYear())
    const number = normalisePhone(phone)
    if (!name.trim()) return setProblem('请填写姓名')
    if (number === null) return setProblem('手机号应为11位数字，以1开头')
    if (year === null) return setProblem(`出生年份应为1900到${new Date().getFullYear()}之间的4位数字，如 1950`)
    setProblem(null)
    const body: LedgerMemberRequest = { name: name.trim(), relation, birthYear: year === '' ? null : year, specialCare: care }
    if (number) body.phone = number
    onSubmit(body)
  }
  const toggle = (flag: SpecialCareFlag) => setCare((c) => (c.includes(flag) ? c.filter((f) => f !== flag) : [...c, flag]))

  return (
    <View className='card ledger-member-form'>
      <Text className='card__title'>{member ? `更正 ${member.name}` : '添加人员'}</Text>
      <Text className='ledger-fix__label'>姓名</Text>
      <Input className='ledger-member-form__name' value={name} placeholder='姓名' onChange={setName} />
      <Text className='ledger-fix__label'>手机号</Text>
      <Input className='ledger-member-form__phone' type='number' maxLength={11} value={phone} placeholder={member?.phone ? `不修改请留空（现为 ${member.phone}）` : '11位手机号，可不填'} onChange={setPhone} />
      <Text className='ledger-fix__label'>身份</Text>
      <View className='chip-row'>
        {MEMBER_RELATIONS.map((r) => (
          <View key={r} className={`chip${relation === r ? ' chip--active' : ''}`} onClick={() => setRelation(r)} aria-label={`身份：${MEMBER_RELATION_LABELS[r]}`}>
            <Text>{MEMBER_RELATION_LABELS[r]}</Text>
          </View>
        ))}
      </View>
      <Text className='ledger-fix__label'>出生年份</Text>
      <Input className='ledger-member-form__year' type='number' maxLength={4} value={birthYear} placeholder='如 1950，可不填' onChange={setBirthYear} />
      <Text className='ledger-fix__label'>特殊人群（可多选）</Text>
      <View className='chip-row'>
        {SPECIAL_CARE_FLAGS.map((f) => (
          <View key={f} className={`chip${care.includes(f) ? ' chip--active' : ''}`} onClick={() => toggle(f)} aria-label={`特殊人群：${SPECIAL_CARE_LABELS[f]}`}>
            <Text>{SPECIAL_CARE_LABELS[f]}</Text>
          </View>
        ))}
      </View>
      {(problem ?? error) && (
        <View className='ledger-form__error' role='alert'>
          {problem ?? error}
        </View>
      )}
      <View className='ledger-actions'>
        <Button type='default' disabled={busy} onClick={onCancel}>
          取消
        </Button>
        <Button className='ledger-member-form__save' type='primary' loading={busy} disabled={busy} onClick={submit}>
          保存
        </Button>
      </View>
    </View>
  )
}
