/** Finding one's home: community → building → household → a binding request the committee decides. */
import type { BindingView, CommunityOption } from '@linli/shared'
import { api } from '../services/request'
import { useResource } from './useResource'

export function useCommunities() {
  return useResource(() => api('GET /places/communities'), [])
}

/** A community's buildings; nothing is asked until there is a community (a new user has none). */
export function useCommunityBuildings(communityId: number | null) {
  return useResource(() => api('GET /places/buildings', { query: { communityId: communityId as number } }), [communityId], communityId !== null)
}

export function useHouseholds(buildingId: number | null) {
  return useResource(() => api('GET /places/households', { query: { buildingId: buildingId as number } }), [buildingId], buildingId !== null)
}

export function requestBinding(householdId: number): Promise<BindingView> {
  return api('POST /bindings', { body: { householdId }, quiet: true })
}

/** Communities whose name contains what was typed (spaces ignored), in the server's order. */
export function filterCommunities(all: CommunityOption[], typed: string): CommunityOption[] {
  const q = typed.replace(/\s+/g, '')
  return q ? all.filter((c) => c.name.replace(/\s+/g, '').includes(q)) : all
}
