/** Categories and places: what a report can be about and where. */
import type { CategoryView } from '@linli/shared'
import { request } from '../services/request'
import { useResource } from './useResource'

export interface BuildingView {
  id: number
  name: string
  gridId: number
  communityId: number
  /** Where the building stands, when the API says (used to look for the same matter nearby). */
  lat?: number | null
  lng?: number | null
}

export function useCategories() {
  return useResource(() => request<CategoryView[]>('/api/categories'), [])
}

export function useBuildings(communityId?: number | null) {
  return useResource(() => request<BuildingView[]>('/api/places/buildings', { query: { communityId: communityId ?? undefined } }), [communityId])
}
