import type { MeView } from '@linli/shared'
import { request } from '../services/request'
import { useResource } from './useResource'

export function useMe() {
  return useResource(() => request<MeView>('/api/me'), [])
}
