/** 议事: a community's topics, one topic and what may be done to it, its meetings and votes, the results board. */
import { useCallback } from 'react'
import type { BoardEntry, CreateTopicRequest, Page, TopicDetail, TopicRateRequest, TopicStatus, TopicSummary, VoteDetail } from '@linli/shared'
import { api } from '../services/request'
import { usePagedList } from './usePagedList'
import { useResource } from './useResource'

export function fetchTopics(statuses: readonly TopicStatus[], page: number, pageSize: number, communityId?: number): Promise<Page<TopicSummary>> {
  return api('GET /topics', { query: { status: statuses.length ? [...statuses] : undefined, communityId, page, pageSize } })
}

/** The topics in the given stages (all of them when empty), newest first. */
export function useTopicList(statuses: readonly TopicStatus[], enabled = true) {
  return usePagedList((page, pageSize) => fetchTopics(statuses, page, pageSize), [statuses.join(',')], { enabled })
}

/** 提议题. The caller shows the refusal (content security, scope) itself; a retry sends the same key. */
export function createTopic(body: CreateTopicRequest, idempotencyKey: string): Promise<TopicDetail> {
  return api('POST /topics', { body, idempotencyKey, quiet: true })
}

export function fetchTopic(id: number): Promise<TopicDetail> {
  return api('GET /topics/{id}', { params: { id } })
}

/**
 * One topic. `run` performs an action that answers the topic as it now is and shows it; an action that
 * answers something else (a meeting, a vote) is followed by a reload. Errors are shown by the request
 * module and thrown, so a form keeps what was typed.
 */
export function useTopic(id: number | null) {
  const resource = useResource(() => fetchTopic(id as number), [id], id !== null)
  const { setData, reload } = resource
  const run = useCallback(
    async (action: () => Promise<TopicDetail | unknown>) => {
      const next = await action()
      if (next && typeof next === 'object' && 'allowedActions' in next) setData(next as TopicDetail)
      else await reload()
      return next
    },
    [setData, reload],
  )
  return { ...resource, topic: resource.data, run }
}

export const topicActions = {
  cosign: (id: number) => api('POST /topics/{id}/cosign', { params: { id } }),
  withdraw: (id: number) => api('POST /topics/{id}/withdraw', { params: { id } }),
  comment: (id: number, body: string, idempotencyKey: string, replyToId?: number) =>
    api('POST /topics/{id}/comments', { params: { id }, body: replyToId ? { body, replyToId } : { body }, idempotencyKey }),
  rate: (id: number, body: TopicRateRequest) => api('POST /topics/{id}/rate', { params: { id }, body }),
  register: (meetingId: number) => api('POST /meetings/{id}/registration', { params: { id: meetingId } }),
  cancelRegistration: (meetingId: number) => api('DELETE /meetings/{id}/registration', { params: { id: meetingId } }),
}

export function fetchVote(id: number): Promise<VoteDetail> {
  return api('GET /votes/{id}', { params: { id } })
}

export function useVote(id: number | null) {
  return useResource(() => fetchVote(id as number), [id], id !== null)
}

export function fetchBoard(communityId: number, page: number, pageSize: number): Promise<Page<BoardEntry>> {
  return api('GET /deliberation/board', { query: { communityId, page, pageSize } })
}

/** 公示栏 of 议事: decisions, minutes, plans on notice, review opinions, progress, declines; newest first. Waits for the community. */
export function useDeliberationBoard(communityId: number | null, pageSize?: number) {
  return usePagedList((page, size) => fetchBoard(communityId as number, page, size), [communityId], { pageSize, enabled: communityId !== null })
}
