/** 公示栏: the community's published results. */
import type { Page, PublicTicket } from '@linli/shared'
import { api } from '../services/request'
import { usePagedList } from './usePagedList'

export function fetchPublicTickets(communityId: number, page: number, pageSize: number): Promise<Page<PublicTicket>> {
  return api('GET /public/tickets', { query: { communityId, page, pageSize } })
}

/** Waits while the community is not known yet (the board is per community). */
export function usePublicBoard(communityId: number | null, pageSize?: number) {
  return usePagedList((page, size) => fetchPublicTickets(communityId as number, page, size), [communityId], { pageSize, enabled: communityId !== null })
}
