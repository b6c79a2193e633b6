import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog, Input, TextArea } from '@nutui/nutui-react-taro'
import { BOOKING_LIMITS, ELIGIBILITY_LABELS, ELIGIBILITY_RULES, SERVICE_FAMILIES, SERVICE_FAMILY_LABELS, type EligibilityRule, type ServiceFamily, type ServiceItemDetail, type ServiceItemRequest, type ServiceMode } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { manage, saveService, useManagedServices, useService } from '../../hooks/useBookings'
import { useSession } from '../../hooks/useSession'
import { communityIdOf, hasRole } from '../../services/session'
import { asChoice, asChoiceGroup } from '../../utils/a11y'
import { ERROR_MESSAGES } from '../../services/messages'
import '../provider.scss'

/** What the form holds: numbers as typed, checked when saving. */
export interface ServiceForm {
  family: ServiceFamily
  /** slots: time slots with places; units: plots claimed for a period (chosen when the item is made). */
  mode: ServiceMode
  name: string
  place: string
  description: string
  /** One material a line. */
  documents: string
  duration: string
  eligibility: EligibilityRule[]
  advanceDays: string
  cancelCutoffMinutes: string
  perPersonLimit: string
  perHouseholdLimit: string
  volunteerPlaces: string
  volunteerMinutes: string
  /** 爱心银行: a booking may be paid with volunteer hours, at this many minutes (the committee sets it). */
  acceptsHours: boolean
  hoursPrice: string
}

export function formOf(item: ServiceItemDetail | null): ServiceForm {
  return {
    family: item?.family ?? 'government',
    mode: item?.mode ?? 'slots',
    name: item?.name ?? '',
    place: item?.place ?? '',
    description: item?.description ?? '',
    documents: (item?.documents ?? []).join('\n'),
    duration: item?.duration ?? '',
    eligibility: item?.eligibility ?? ['residents'],
    advanceDays: String(item?.advanceDays ?? 7),
    cancelCutoffMinutes: String(item?.cancelCutoffMinutes ?? 60),
    perPersonLimit: String(item?.perPersonLimit ?? 1),
    perHouseholdLimit: String(item?.perHouseholdLimit ?? 2),
    volunteerPlaces: String(item?.volunteerPlaces ?? 0),
    volunteerMinutes: String(item?.volunteerMinutes ?? 0),
    acceptsHours: (item?.hoursPrice ?? null) !== null,
    hoursPrice: String(item?.hoursPrice ?? 60),
  }
}

const L = BOOKING_LIMITS

export const MODE_LABELS: Record<ServiceMode, string> = { slots: '按时段预约', units: '按期认领（如菜园地块）' }

/** A whole number in [min, max] from what was typed, or null. */
function wholeIn(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null
  const n = Number(text.trim())
  return n >= min && n <= max ? n : null
}

/**
 * The request body from the form, or the first problem in words saying what to type (the server's own bounds,
 * from shared/). The community and the provider are given: they are not the form's to change.
 */
export function serviceBody(form: ServiceForm, communityId: number, organisationId: number | null, mayPrice = false): { body: ServiceItemRequest } | { problem: string } {
  const name = form.name.trim()
  const place = form.place.trim()
  const documents = form.documents.split('\n').map((d) => d.trim()).filter(Boolean)
  if (name.length < L.nameMin || name.length > L.nameMax) return { problem: `服务名称请写${L.nameMin}到${L.nameMax}个字` }
  if (place.length < L.placeMin || place.length > L.placeMax) return { problem: `服务地点请写${L.placeMin}到${L.placeMax}个字，如 社区服务大厅2号窗口` }
  if (form.description.trim().length > L.descriptionMax) return { problem: `服务说明不能超过${L.descriptionMax}字，请删短一些` }
  if (documents.length > L.documentsMax) return { problem: `所需材料最多${L.documentsMax}项，请合并或删去几项` }
  if (documents.some((d) => d.length > L.documentMax)) return { problem: `每项材料不能超过${L.documentMax}字，请一行写一项` }
  if (form.duration.trim().length > L.durationMax) return { problem: `办理时长不能超过${L.durationMax}字，请写短一些，如 约30分钟` }
  const numbers = {
    advanceDays: [wholeIn(form.advanceDays, 0, L.advanceDaysMax), `提前开放天数请填0到${L.advanceDaysMax}的整数`],
    cancelCutoffMinutes: [wholeIn(form.cancelCutoffMinutes, 0, L.cutoffMinutesMax), `取消截止请填0到${L.cutoffMinutesMax}的整数（分钟）`],
    perPersonLimit: [wholeIn(form.perPersonLimit, 1, L.perLimitMax), `每人限约请填1到${L.perLimitMax}的整数`],
    perHouseholdLimit: [wholeIn(form.perHouseholdLimit, 1, L.perLimitMax), `每户限约请填1到${L.perLimitMax}的整数`],
    volunteerPlaces: [wholeIn(form.volunteerPlaces, 0, L.capacityMax), `每个时段的志愿者名额请填0到${L.capacityMax}的整数`],
    volunteerMinutes: [wholeIn(form.volunteerMinutes, 0, L.volunteerMinutesMax), `志愿时长请填0到${L.volunteerMinutesMax}的整数（分钟）`],
  } as const
  for (const [value, problem] of Object.values(numbers)) if (value === null) return { problem }
  // Only the committee sets the rate; a provider's form leaves it out, so the server keeps what the committee set.
  const price = mayPrice && form.acceptsHours ? wholeIn(form.hoursPrice, 1, L.hoursPriceMax) : null
  if (mayPrice && form.acceptsHours && price === null) return { problem: `兑换所需志愿时长请填1到${L.hoursPriceMax}的整数（分钟）` }
  const n = (k: keyof typeof numbers) => numbers[k][0] as number
  return {
    body: {
      communityId,
      organisationId,
      family: form.family,
      mode: form.mode,
      name,
      place,
      description: form.description.trim(),
      documents,
      duration: form.duration.trim() || null,
      eligibility: form.eligibility,
      advanceDays: n('advanceDays'),
      cancelCutoffMinutes: n('cancelCutoffMinutes'),
      perPersonLimit: n('perPersonLimit'),
      perHouseholdLimit: n('perHouseholdLimit'),
      volunteerPlaces: n('volunteerPlaces'),
      volunteerMinutes: n('volunteerMinutes'),
      ...(mayPrice ? { hoursPrice: price } : {}),
    },
  }
}

/**
 * 新建/编辑服务 (`?id=` edits). A committee member's new item is the community office's; a partner's is their
 * organisation's (the one giving the items they already manage), and the server refuses anything else in its words.
 */
export default function ServiceEditPage() {
  const session = useSession()
  const { params } = useRouter()
  const id = params.id ? Number(params.id) : null
  const existing = useService(id)
  const managed = useManagedServices()
  const [form, setForm] = useState<ServiceForm>(() => formOf(null))
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [askActive, setAskActive] = useState(false)
  const [activeMessage, setActiveMessage] = useState<string | null>(null)
  const item = existing.data ?? null

  useEffect(() => {
    if (item) setForm(formOf(item))
  }, [item])

  const user = session?.user ?? null
  const communityId = item?.communityId ?? communityIdOf(user)
  const organisationId = item ? item.provider.organisationId : hasRole(user, 'committee_member') ? null : (managed.data?.find((s) => s.provider.organisationId !== null)?.provider.organisationId ?? null)
  const mayPrice = communityId !== null && hasRole(user, 'committee_member')
  const set = <K extends keyof ServiceForm>(key: K) => (value: ServiceForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const toggleRule = (rule: EligibilityRule) => setForm((f) => ({ ...f, eligibility: f.eligibility.includes(rule) ? f.eligibility.filter((r) => r !== rule) : [...f.eligibility, rule] }))

  const submit = async () => {
    if (busy || communityId === null) return
    const made = serviceBody(form, communityId, organisationId, mayPrice)
    if ('problem' in made) return setProblem(made.problem)
    setProblem(null)
    setBusy(true)
    try {
      const saved = await saveService(id, made.body)
      Taro.showToast({ title: id ? '已保存' : '已新建', icon: 'success' })
      if (id) await existing.reload()
      else Taro.redirectTo({ url: `/provider/schedule/index?serviceId=${saved.id}` })
    } catch (err) {
      setProblem(err instanceof Error ? err.message : ERROR_MESSAGES.saveFailed)
    } finally {
      setBusy(false)
    }
  }

  const switchActive = async () => {
    setAskActive(false)
    if (!item || busy) return
    setBusy(true)
    try {
      const saved = await manage.setActive(item.id, !item.active)
      setActiveMessage(saved.active ? '已重新启用：居民可以在目录中看到并预约' : '已停用：居民看不到它，也不能新预约；已有的预约不受影响')
      await existing.reload()
    } catch (err) {
      setActiveMessage(err instanceof Error ? err.message : ERROR_MESSAGES.actionFailed)
    } finally {
      setBusy(false)
    }
  }

  const field = (label: string, key: keyof ServiceForm, placeholder: string, type: 'text' | 'number' = 'text') => (
    <>
      <Text className='provider-form__label'>{label}</Text>
      <Input className={`provider-form__${key}`} type={type} value={form[key] as string} placeholder={placeholder} onChange={set(key) as (v: string) => void} />
    </>
  )

  return (
    <Page className='provider'>
      <LoadState loading={id !== null && existing.loading && !item} error={id !== null && !item ? existing.error : null} onRetry={existing.reload}>
        <View className='card provider-form'>
          <Text className='card__title'>{id ? `编辑 ${item?.name ?? ''}` : '新建服务项目'}</Text>
          <Text className='provider-form__label'>服务类别</Text>
          <View className='chip-row' {...asChoiceGroup('服务类别')}>
            {SERVICE_FAMILIES.map((f) => (
              <View key={f} className={`chip${form.family === f ? ' chip--active' : ''}`} onClick={() => set('family')(f)} {...asChoice(form.family === f, `服务类别：${SERVICE_FAMILY_LABELS[f]}`)}>
                <Text>{SERVICE_FAMILY_LABELS[f]}</Text>
              </View>
            ))}
          </View>
          <Text className='provider-form__label'>预约方式</Text>
          {id === null ? (
            <View className='chip-row' {...asChoiceGroup('预约方式')}>
              {(['slots', 'units'] as const).map((m) => (
                <View key={m} className={`chip${form.mode === m ? ' chip--active' : ''}`} onClick={() => set('mode')(m)} {...asChoice(form.mode === m, `预约方式：${MODE_LABELS[m]}`)}>
                  <Text>{MODE_LABELS[m]}</Text>
                </View>
              ))}
            </View>
          ) : (
            <Text className='hint provider-form__mode'>{MODE_LABELS[form.mode]}（建好后不能更改）</Text>
          )}
          {field('服务名称', 'name', '如 老年人优待证办理')}
          {field('服务地点', 'place', '如 社区服务大厅2号窗口')}
          <Text className='provider-form__label'>服务说明</Text>
          <TextArea className='provider-form__description' value={form.description} maxLength={L.descriptionMax} rows={3} placeholder='面向谁、办什么、注意事项' onChange={set('description')} />
          <Text className='provider-form__label'>所需材料（一行一项）</Text>
          <TextArea className='provider-form__documents' value={form.documents} rows={3} placeholder='一行一项，如 本人身份证原件' onChange={set('documents')} />
          {field('办理时长', 'duration', '如 约30分钟，可不填')}
          <Text className='provider-form__label'>谁可以预约（都要满足；都不选为不限）</Text>
          <View className='chip-row' {...asChoiceGroup('谁可以预约')}>
            {ELIGIBILITY_RULES.map((r) => (
              <View key={r} className={`chip${form.eligibility.includes(r) ? ' chip--active' : ''}`} onClick={() => toggleRule(r)} {...asChoice(form.eligibility.includes(r), `谁可以预约：${ELIGIBILITY_LABELS[r]}`)}>
                <Text>{ELIGIBILITY_LABELS[r]}</Text>
              </View>
            ))}
          </View>
          {field('提前几天开放预约', 'advanceDays', `0到${L.advanceDaysMax}`, 'number')}
          {field('开始前多少分钟截止取消', 'cancelCutoffMinutes', `0到${L.cutoffMinutesMax}`, 'number')}
          {field('每人最多同时预约', 'perPersonLimit', `1到${L.perLimitMax}`, 'number')}
          {field('每户最多同时预约', 'perHouseholdLimit', `1到${L.perLimitMax}`, 'number')}
          {field('每个时段的志愿者名额', 'volunteerPlaces', '0 为不招志愿者', 'number')}
          {field('志愿者每次记志愿时长（分钟）', 'volunteerMinutes', `0到${L.volunteerMinutesMax}`, 'number')}
          <Text className='provider-form__label'>志愿时长兑换（爱心银行）</Text>
          {mayPrice ? (
            <>
              <View className='chip-row' {...asChoiceGroup('是否接受志愿时长兑换')}>
                {([false, true] as const).map((on) => (
                  <View key={String(on)} className={`chip${form.acceptsHours === on ? ' chip--active' : ''}`} onClick={() => set('acceptsHours')(on)} {...asChoice(form.acceptsHours === on, `志愿时长兑换：${on ? '接受' : '不接受'}`)}>
                    <Text>{on ? '接受兑换' : '不接受'}</Text>
                  </View>
                ))}
              </View>
              {form.acceptsHours && field('每次预约兑换所需志愿时长（分钟）', 'hoursPrice', `1到${L.hoursPriceMax}`, 'number')}
            </>
          ) : (
            <Text className='hint provider-form__hours-rule' data-testid='hours-rule'>
              {item?.hoursPrice ? `接受兑换，每次${item.hoursPrice}分钟志愿时长；` : '不接受兑换；'}由社区居委会设定
            </Text>
          )}
          {problem && (
            <View className='provider-form__error' role='alert'>
              {problem}
            </View>
          )}
          <View className='actions'>
            <Button className='provider-form__save' type='primary' block loading={busy} disabled={busy || communityId === null} onClick={submit}>
              {id ? '保存' : '新建'}
            </Button>
            {id !== null && (
              <Button type='default' block onClick={() => Taro.navigateTo({ url: `/provider/schedule/index?serviceId=${id}` })}>
                排班与时段
              </Button>
            )}
          </View>
        </View>
        {item && (
          <View className='card provider-form provider-form__active' data-testid='service-active'>
            <Text className='card__title'>{item.active ? '停用服务' : '服务已停用'}</Text>
            <Text className='hint'>{item.active ? '停用后居民在目录中看不到它，也不能新预约；已有的预约照常进行，可以随时重新启用。' : '居民在目录中看不到它，也不能新预约；已有的预约照常进行。重新启用后恢复。'}</Text>
            {activeMessage && (
              <Text className='hint provider-form__active-message' data-testid='active-message'>
                {activeMessage}
              </Text>
            )}
            <Button className='provider-form__toggle-active' type={item.active ? 'default' : 'primary'} block disabled={busy} onClick={() => setAskActive(true)}>
              {item.active ? '停用服务' : '重新启用'}
            </Button>
          </View>
        )}
      </LoadState>
      <Dialog
        visible={askActive}
        title={item?.active ? '确认停用服务' : '确认重新启用'}
        content={item?.active ? `停用「${item.name}」：居民在目录中看不到它，也不能新预约；已有的预约不受影响。` : `重新启用「${item?.name ?? ''}」：居民可以在目录中看到并预约。`}
        confirmText={item?.active ? '确认停用' : '确认启用'}
        onConfirm={() => void switchActive()}
        onCancel={() => setAskActive(false)}
      />
    </Page>
  )
}
