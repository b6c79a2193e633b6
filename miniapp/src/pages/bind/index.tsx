import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, SearchBar, Step, Steps } from '@nutui/nutui-react-taro'
import { LinkCell } from '../../components/LinkCell'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import type { BuildingOption, CommunityOption, HouseholdOption } from '@linli/shared'
import { filterCommunities, requestBinding, useCommunities, useCommunityBuildings, useHouseholds } from '../../hooks/useHomeBinding'
import { useSession } from '../../hooks/useSession'
import './index.scss'

type Picked = { community: CommunityOption | null; building: BuildingOption | null; household: HouseholdOption | null }

/** Which step the user is on: the first one not yet chosen (0 社区, 1 楼栋, 2 房屋, 3 确认). */
export function bindingStep(p: Picked): 0 | 1 | 2 | 3 {
  if (!p.community) return 0
  if (!p.building) return 1
  if (!p.household) return 2
  return 3
}

/** 绑定住址: pick the community, the building, the household; the committee approves the request. */
export default function BindPage() {
  useSession()
  const [picked, setPicked] = useState<Picked>({ community: null, building: null, household: null })
  const [typed, setTyped] = useState('')
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const communities = useCommunities()
  const buildings = useCommunityBuildings(picked.community?.id ?? null)
  const households = useHouseholds(picked.building?.id ?? null)
  const step = bindingStep(picked)

  const submit = async () => {
    if (!picked.household || sending) return
    setSending(true)
    setFailure(null)
    try {
      await requestBinding(picked.household.id)
      Taro.showToast({ title: '已提交，等待居委会审核', icon: 'none' })
      void Taro.navigateBack?.()
    } catch (err) {
      setFailure((err as Error).message)
    } finally {
      setSending(false)
    }
  }

  const back = (to: 0 | 1 | 2) =>
    setPicked((p) => ({ community: to === 0 ? null : p.community, building: to <= 1 ? null : p.building, household: null }))

  return (
    <Page className='bind'>
      <Steps className='bind__steps' value={step + 1}>
        <Step value={1} title='社区' description={picked.community?.name} />
        <Step value={2} title='楼栋' description={picked.building?.name} />
        <Step value={3} title='房屋' description={picked.household?.label} />
        <Step value={4} title='提交审核' />
      </Steps>

      {step > 0 && (
        <Cell.Group title='已选择'>
          <LinkCell title='社区' extra={`${picked.community!.name}  重选 ›`} extraLabel={`${picked.community!.name}，重选`} onClick={() => back(0)} />
          {picked.building && <LinkCell title='楼栋' extra={`${picked.building.name}  重选 ›`} extraLabel={`${picked.building.name}，重选`} onClick={() => back(1)} />}
          {picked.household && <LinkCell title='房屋' extra={`${picked.household.label}  重选 ›`} extraLabel={`${picked.household.label}，重选`} onClick={() => back(2)} />}
        </Cell.Group>
      )}

      {step === 0 && (
        <>
          <Text className='section-title'>1. 您住在哪个社区</Text>
          <SearchBar className='bind__search' value={typed} onChange={setTyped} placeholder='输入社区名称查找' />
          <LoadState loading={communities.loading} error={communities.error} onRetry={communities.reload} empty={filterCommunities(communities.data ?? [], typed).length === 0} emptyText='没有找到这个社区，换个名称试试'>
            <Cell.Group>
              {filterCommunities(communities.data ?? [], typed).map((c) => (
                <LinkCell key={c.id} className='bind__choice' title={c.name} extra='›' onClick={() => setPicked({ community: c, building: null, household: null })} />
              ))}
            </Cell.Group>
          </LoadState>
        </>
      )}

      {step === 1 && (
        <>
          <Text className='section-title'>2. 哪一栋楼</Text>
          <LoadState loading={buildings.loading} error={buildings.error} onRetry={buildings.reload} empty={buildings.data?.length === 0} emptyText='这个社区还没有登记楼栋，请联系居委会'>
            <Cell.Group>
              {(buildings.data ?? []).map((b) => (
                <LinkCell key={b.id} className='bind__choice' title={b.name} extra='›' onClick={() => setPicked((p) => ({ ...p, building: b, household: null }))} />
              ))}
            </Cell.Group>
          </LoadState>
        </>
      )}

      {step === 2 && (
        <>
          <Text className='section-title'>3. 哪一户</Text>
          <LoadState loading={households.loading} error={households.error} onRetry={households.reload} empty={households.data?.length === 0} emptyText='这栋楼还没有登记房屋，请联系居委会'>
            <Cell.Group>
              {(households.data ?? []).map((h) => (
                <LinkCell key={h.id} className='bind__choice' title={h.label} extra='›' onClick={() => setPicked((p) => ({ ...p, household: h }))} />
              ))}
            </Cell.Group>
          </LoadState>
        </>
      )}

      {step === 3 && (
        <View className='card'>
          <Text className='card__title'>4. 提交给居委会审核</Text>
          <Text className='hint'>居委会核对后通过，您会收到通知。通过前您仍可以在地图上选点报事。</Text>
          {failure && (
            <View className='bind__failure' role='alert'>
              {failure}
            </View>
          )}
          <View className='actions'>
            <Button className='bind__submit' type='primary' size='large' block loading={sending} disabled={sending} onClick={submit}>
              提交绑定申请
            </Button>
          </View>
        </View>
      )}
    </Page>
  )
}
