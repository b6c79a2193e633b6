/** 公示栏: the community's published results. */
import type { Page, PublicTicket } from '@linli/shared'
import { request } from '../services/request'
import { usePagedList } from './usePagedList'

export function fetchPublicTickets(communityId: number | null, page: number, pageSize: number): Promise<Page<PublicTicket>> {
  return request<Page<PublicTicket>>('/api/public/tickets', { query: { communityId: communityId ?? undefined, page, pageSize } })
}

export function usePublicBoard(communityId: number | null, pageSize?: number) {
  return usePagedList((page, size) => fetchPublicTickets(communityId, page, size), [communityId], { pageSize })
}
