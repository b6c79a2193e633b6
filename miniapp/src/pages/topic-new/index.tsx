import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { TOPIC_SCOPE_LABELS, TOPIC_TEXT_LIMITS, type CreateTopicRequest, type TopicScope } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { useMe } from '../../hooks/useMe'
import { createTopic } from '../../hooks/useTopics'
import { createSubmissionKeys } from '../../services/idempotency'
import { ApiRequestError } from '../../services/request'
import { asChoice, asChoiceGroup } from '../../utils/a11y'
import './index.scss'

interface ScopeChoice {
  scope: TopicScope
  label: string
  body: Pick<CreateTopicRequest, 'scope' | 'buildingIds' | 'gridId'>
}

/** The scopes a resident may propose for: those holding their own home (the server checks the same). */
export function scopeChoices(me: { building: { id: number; name: string } | null; grid: { id: number; name: string } | null; community: { name: string } | null } | null): ScopeChoice[] {
  if (!me) return []
  const choices: ScopeChoice[] = []
  if (me.building) choices.push({ scope: 'building', label: `${TOPIC_SCOPE_LABELS.building}（${me.building.name}）`, body: { scope: 'building', buildingIds: [me.building.id] } })
  if (me.grid) choices.push({ scope: 'grid', label: `${TOPIC_SCOPE_LABELS.grid}（${me.grid.name}）`, body: { scope: 'grid', gridId: me.grid.id } })
  if (me.community) choices.push({ scope: 'community', label: `${TOPIC_SCOPE_LABELS.community}（${me.community.name}）`, body: { scope: 'community' } })
  return choices
}

/** What is still missing before the proposal can go, in the words the page shows; null when complete. */
export function missingForProposal(title: string, description: string, scope: ScopeChoice | undefined): string | null {
  if (!scope) return '请选择议题涉及的范围'
  if (title.trim().length < TOPIC_TEXT_LIMITS.titleMin) return `标题至少${TOPIC_TEXT_LIMITS.titleMin}个字`
  if (description.trim().length < TOPIC_TEXT_LIMITS.descriptionMin) return `请把想商量的事说清楚，至少${TOPIC_TEXT_LIMITS.descriptionMin}个字`
  return null
}

/** 提议题: scope, title, description. A resident's household is the first co-sign; neighbours in scope co-sign next. */
export default function NewTopicPage() {
  const me = useMe()
  const choices = useMemo(() => scopeChoices(me.data), [me.data])
  const [scopeKey, setScopeKey] = useState<TopicScope | null>(null)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [keys] = useState(() => createSubmissionKeys())
  const scope = choices.find((c) => c.scope === (scopeKey ?? choices[0]?.scope))
  const missing = missingForProposal(title, description, scope)

  const submit = async () => {
    if (busy || missing || !scope) return
    const body: CreateTopicRequest = { ...scope.body, title: title.trim(), description: description.trim() }
    setBusy(true)
    setRefusal(null)
    try {
      const topic = await createTopic(body, keys.keyFor(body))
      keys.done()
      await Taro.redirectTo({ url: `/pages/topic/index?id=${topic.id}` })
    } catch (err) {
      // Content security, a scope not one's own, no household yet: the API says what to do; the form stays.
      setRefusal(err instanceof ApiRequestError ? err.message : '提交失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page className='topic-new'>
      <LoadState loading={me.loading && !me.data} error={me.data ? null : me.error} onRetry={me.reload}>
        <View className='card'>
          <Text className='card__title'>涉及范围</Text>
          {choices.length === 0 ? (
            <Text className='hint'>绑定住址后才能提议题：议题由同楼栋、同网格或同社区的邻居联署。</Text>
          ) : (
            <View className='chip-row topic-new__scopes' {...asChoiceGroup('涉及范围')}>
              {choices.map((c) => (
                <View key={c.scope} className={`chip${c.scope === scope?.scope ? ' chip--active' : ''}`} onClick={() => setScopeKey(c.scope)} data-scope={c.scope} {...asChoice(c.scope === scope?.scope)}>
                  <Text>{c.label}</Text>
                </View>
              ))}
            </View>
          )}
          <Text className='hint'>范围内的住户可以联署、发表意见，方案也由范围内的住户表决。</Text>
        </View>
        <View className='card'>
          <Text className='card__title'>议题标题</Text>
          <Input className='topic-new__title' value={title} onChange={setTitle} maxLength={TOPIC_TEXT_LIMITS.titleMax} placeholder='议题标题，例如：11栋楼下增设电动车充电桩' />
          <Text className='card__title'>想商量的事</Text>
          <TextArea
            className='topic-new__description'
            value={description}
            onChange={setDescription}
            maxLength={TOPIC_TEXT_LIMITS.descriptionMax}
            showCount
            rows={5}
            placeholder='说说遇到的问题、希望怎么解决'
          />
        </View>
        {refusal && (
          <View className='card text-danger' data-testid='topic-refusal'>
            <Text>{refusal}</Text>
          </View>
        )}
        <View className='actions'>
          {missing && <Text className='hint'>{missing}</Text>}
          <Button className='topic-new__submit' type='primary' size='large' block disabled={Boolean(missing) || busy} loading={busy} onClick={submit}>
            提交议题
          </Button>
          <Text className='hint'>提交后需要范围内一定数量的住户联署，达到后提交居委会受理。</Text>
        </View>
      </LoadState>
    </Page>
  )
}
