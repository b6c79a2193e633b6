import type { MeView } from '@linli/shared'
import { request } from '../services/request'
import { setCommunityOffset } from '../utils/format'
import { useResource } from './useResource'

export function useMe() {
  return useResource(async () => {
    const me = await request<MeView>('/api/me')
    setCommunityOffset(me.community?.utcOffsetMinutes)
    return me
  }, [])
}
