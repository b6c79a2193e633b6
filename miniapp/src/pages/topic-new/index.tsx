import { useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { TOPIC_SCOPE_LABELS, TOPIC_TEXT_LIMITS, type CreateTopicRequest, type TopicScope } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { useMe } from '../../hooks/useMe'
import { useBuildings } from '../../hooks/usePlaces'
import { useResource } from '../../hooks/useResource'
import { createTopic } from '../../hooks/useTopics'
import { createSubmissionKeys } from '../../services/idempotency'
import { api, ApiRequestError } from '../../services/request'
import { ERROR_MESSAGES } from '../../services/messages'
import { asCheckbox, asCheckGroup, asChoice, asChoiceGroup } from '../../utils/a11y'
import './index.scss'

interface ScopeChoice {
  scope: TopicScope
  label: string
  body: Pick<CreateTopicRequest, 'scope' | 'buildingIds' | 'gridId'>
}

type ProposerMe = { building: { id: number; name: string } | null; grid: { id: number; name: string } | null; community: { id?: number; name: string } | null; roles?: readonly { role: string; communityId: number | null }[] }

/** A committee member of the community proposes for any of its buildings or the whole of it (turning recurring tickets into a topic). */
export function isCommitteeOf(me: ProposerMe | null): boolean {
  return Boolean(me?.community && me.roles?.some((r) => r.role === 'committee_member' && r.communityId === me.community!.id))
}

/**
 * The scopes one may propose for: a resident those holding their own home, several buildings with their own
 * among them; a committee member several buildings or the whole community (the server checks the same).
 */
export function scopeChoices(me: ProposerMe | null): ScopeChoice[] {
  if (!me) return []
  const choices: ScopeChoice[] = []
  if (isCommitteeOf(me)) {
    choices.push({ scope: 'buildings', label: `${TOPIC_SCOPE_LABELS.buildings}（选择楼栋）`, body: { scope: 'buildings', buildingIds: [] } })
    choices.push({ scope: 'community', label: `${TOPIC_SCOPE_LABELS.community}（${me.community!.name}）`, body: { scope: 'community' } })
    return choices
  }
  if (me.building) choices.push({ scope: 'building', label: `${TOPIC_SCOPE_LABELS.building}（${me.building.name}）`, body: { scope: 'building', buildingIds: [me.building.id] } })
  if (me.building) choices.push({ scope: 'buildings', label: `${TOPIC_SCOPE_LABELS.buildings}（含${me.building.name}）`, body: { scope: 'buildings', buildingIds: [me.building.id] } })
  if (me.grid) choices.push({ scope: 'grid', label: `${TOPIC_SCOPE_LABELS.grid}（${me.grid.name}）`, body: { scope: 'grid', gridId: me.grid.id } })
  if (me.community) choices.push({ scope: 'community', label: `${TOPIC_SCOPE_LABELS.community}（${me.community.name}）`, body: { scope: 'community' } })
  return choices
}

/** What is still missing before the proposal can go, in the words the page shows; null when complete. */
export function missingForProposal(title: string, description: string, scope: ScopeChoice | undefined, buildingIds: readonly number[] = []): string | null {
  if (!scope) return '请选择议题涉及的范围'
  if (scope.scope === 'buildings' && buildingIds.length === 0) return '请选择相关的楼栋'
  if (title.trim().length < TOPIC_TEXT_LIMITS.titleMin) return `标题至少${TOPIC_TEXT_LIMITS.titleMin}个字`
  if (description.trim().length < TOPIC_TEXT_LIMITS.descriptionMin) return `请把想商量的事说清楚，至少${TOPIC_TEXT_LIMITS.descriptionMin}个字`
  return null
}

/** Toggles one id in a list of chosen ones, keeping `fixed` (a resident's own building) in. */
export function toggleId(ids: readonly number[], id: number, fixed: number | null = null): number[] {
  if (id === fixed) return [...ids]
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]
}

/** The community's tickets a committee member may link (the latest 50, most recent first), with the one it came from. */
function useLinkableTickets(enabled: boolean) {
  return useResource(async () => (await api('GET /tickets', { query: { scope: 'community', page: 1, pageSize: 50 } })).items, [], enabled)
}

/**
 * 提议题: scope, title, description. A resident's household is the first co-sign; neighbours in scope co-sign next.
 * A committee member may come from a ticket (转为议题, ?ticketId=): it is linked, and more of the community's tickets may be.
 */
export default function NewTopicPage() {
  const { params } = useRouter()
  const me = useMe()
  const choices = useMemo(() => scopeChoices(me.data), [me.data])
  const committee = isCommitteeOf(me.data)
  const communityId = me.data?.community?.id ?? null
  const buildings = useBuildings(communityId)
  const tickets = useLinkableTickets(committee)
  const ownBuilding = committee ? null : (me.data?.building?.id ?? null)
  const [picked, setPicked] = useState<number[]>([])
  const [ticketIds, setTicketIds] = useState<number[]>(() => (params.ticketId ? [Number(params.ticketId)] : []))
  const [scopeKey, setScopeKey] = useState<TopicScope | null>(null)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [keys] = useState(() => createSubmissionKeys())
  const scope = choices.find((c) => c.scope === (scopeKey ?? choices[0]?.scope))
  const buildingIds = ownBuilding !== null && !picked.includes(ownBuilding) ? [ownBuilding, ...picked] : picked
  const missing = missingForProposal(title, description, scope, buildingIds)

  const submit = async () => {
    if (busy || missing || !scope) return
    const body: CreateTopicRequest = {
      ...scope.body,
      ...(scope.scope === 'buildings' ? { buildingIds } : {}),
      title: title.trim(),
      description: description.trim(),
      ...(committee && ticketIds.length ? { ticketIds } : {}),
    }
    setBusy(true)
    setRefusal(null)
    try {
      const topic = await createTopic(body, keys.keyFor(body))
      keys.done()
      await Taro.redirectTo({ url: `/pages/topic/index?id=${topic.id}` })
    } catch (err) {
      // Content security, a scope not one's own, no household yet: the API says what to do; the form stays.
      setRefusal(err instanceof ApiRequestError ? err.message : ERROR_MESSAGES.submitFailed)
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
          {scope?.scope === 'buildings' && (
            <View className='chip-row topic-new__buildings' {...asCheckGroup('相关楼栋（可多选）')}>
              {(buildings.data ?? []).map((b) => (
                <View key={b.id} className={`chip${buildingIds.includes(b.id) ? ' chip--active' : ''}`} onClick={() => setPicked(toggleId(buildingIds, b.id, ownBuilding))} data-building-id={b.id} {...asCheckbox(buildingIds.includes(b.id))}>
                  <Text>{b.name}{b.id === ownBuilding ? '（本楼）' : ''}</Text>
                </View>
              ))}
            </View>
          )}
          <Text className='hint'>范围内的住户可以联署、发表意见，方案也由范围内的住户表决。</Text>
        </View>
        {committee && (
          <View className='card'>
            <Text className='card__title'>关联报事（可多选）</Text>
            <Text className='hint'>反复出现的报事可以转为议题，由相关住户商量解决；关联的报事会在议题上列出。</Text>
            <View className='chip-row topic-new__tickets' {...asCheckGroup('关联报事')}>
              {(tickets.data ?? []).map((k) => (
                <View key={k.id} className={`chip${ticketIds.includes(k.id) ? ' chip--active' : ''}`} onClick={() => setTicketIds(toggleId(ticketIds, k.id))} data-ticket-id={k.id} {...asCheckbox(ticketIds.includes(k.id))}>
                  <Text>{k.code} {(k.description || k.category?.name || '').slice(0, 12)}</Text>
                </View>
              ))}
            </View>
            <Text className='hint topic-new__linked'>已关联{ticketIds.length}件报事</Text>
          </View>
        )}
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
