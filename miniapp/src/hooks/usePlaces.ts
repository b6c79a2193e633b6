/** Categories and places: what a report can be about and where. */
import { api } from '../services/request'
import { useResource } from './useResource'

export function useCategories() {
  return useResource(() => api('GET /categories'), [])
}

/** Buildings of a community (default: the caller's own), each with where it stands when known. */
export function useBuildings(communityId?: number | null) {
  return useResource(() => api('GET /places/buildings', { query: { communityId: communityId ?? undefined } }), [communityId])
}
