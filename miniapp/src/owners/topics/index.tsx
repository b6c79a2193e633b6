import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../components/Page'
import { TopicStageList, type TopicFilter } from '../../components/TopicCard'
import { fetchTopics } from '../../hooks/useTopics'
import { usePagedList } from '../../hooks/usePagedList'
import { useSession } from '../../hooks/useSession'
import type { UserView } from '@linli/shared'
import './index.scss'

/** What the owners' committee (业委会) looks for: where its word is asked, then the rest of the way. */
export const OWNERS_FILTERS: TopicFilter[] = [
  { key: 'speak', label: '待发表意见', statuses: ['discussion', 'notice'] },
  { key: 'submitted', label: '待受理', statuses: ['submitted'] },
  { key: 'voting', label: '表决', statuses: ['voting'] },
  { key: 'implementing', label: '落实', statuses: ['implementing'] },
  { key: 'done', label: '已办结', statuses: ['done'] },
]

/** The community where the user sits on the owners' committee (the first, when several). */
export function ownersCommunityOf(user: UserView | null | undefined): number | null {
  return user?.roles.find((r) => r.role === 'owners_committee' && r.communityId != null)?.communityId ?? null
}

/**
 * 业委会议事: the owners' committee's page, one of the four parties of 议事. The community's topics by what is
 * asked of it; a topic opens the 议题 page, where it comments as 业委会, registers for meetings as a standing
 * member and reads the minutes.
 */
export default function OwnersTopicsPage() {
  const session = useSession()
  const communityId = ownersCommunityOf(session?.user)
  const [filter, setFilter] = useState(OWNERS_FILTERS[0])
  const list = usePagedList((page, pageSize) => fetchTopics(filter.statuses, page, pageSize, communityId ?? undefined), [filter.key, communityId], { enabled: communityId !== null })
  useDidShow(() => {
    if (!list.loading && communityId !== null) void list.refresh()
  })
  if (communityId === null) {
    return (
      <Page className='owners'>
        <View className='card'>
          <Text>您还不是业委会成员。业委会成员由社区居委会登记后可在这里参与议事。</Text>
        </View>
      </Page>
    )
  }
  return (
    <Page fill className='owners'>
      <View className='card owners__intro'>
        <Text>作为业委会，您可以在恳谈和公示阶段以“业委会”身份发表意见，作为常设成员参加恳谈会，并查看会议纪要和表决结果。</Text>
      </View>
      <TopicStageList
        filters={OWNERS_FILTERS}
        current={filter}
        onChange={setFilter}
        list={list}
        emptyText={filter.key === 'speak' ? '暂时没有需要业委会发表意见的议题' : `没有“${filter.label}”的议题`}
        topicPage='/pages/topic/index'
      />
    </Page>
  )
}
