import { useResource } from './useResource'
import { api } from '../services/request'

/** How many texts of the community wait for the committee's 放行 (内容审核): a badge on 我的, never a toast if it fails. */
export function useHeldTextCount(communityId: number | null, enabled = true) {
  return useResource(() => api('GET /content-holds', { query: { communityId: communityId! }, quiet: true }).then((r) => r.items.length), [communityId], enabled && communityId !== null)
}
