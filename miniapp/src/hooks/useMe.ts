import { api } from '../services/request'
import { setCommunityOffset } from '../utils/format'
import { useResource } from './useResource'

export function useMe() {
  return useResource(async () => {
    const me = await api('GET /me')
    setCommunityOffset(me.community?.utcOffsetMinutes)
    return me
  }, [])
}
