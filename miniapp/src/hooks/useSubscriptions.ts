/**
 * Subscribe messages: the template ids come from the server's configuration (no list in the app), fetched
 * before the tap, because WeChat only accepts requestSubscribeMessage straight from a tap, with at most 3 ids.
 */
import Taro from '@tarojs/taro'
import { IS_WEAPP } from '../services/config'
import { api } from '../services/request'
import { useResource } from './useResource'

export type SubscriptionMoment = 'report' | 'accept' | 'book'

export async function subscriptionTemplates(moment: SubscriptionMoment): Promise<string[]> {
  const { templateIds } = await api('GET /notifications/subscriptions', { query: { for: moment }, quiet: true })
  return templateIds.slice(0, 3)
}

/** The ids to ask for at this moment; none on H5 (no subscribe messages there) or when the server has none. */
export function useSubscriptionTemplates(moment: SubscriptionMoment, enabled = true) {
  return useResource(() => subscriptionTemplates(moment).catch(() => [] as string[]), [moment], enabled && IS_WEAPP)
}

/** Call from the tap handler itself. A refusal or an old WeChat changes nothing: the in-app inbox still has every notice. */
export async function askForSubscriptions(templateIds: string[] | null | undefined): Promise<void> {
  if (!IS_WEAPP || !templateIds?.length) return
  try {
    // Taro's type also demands the device-message fields (sn, snTicket, modelId); WeChat needs only tmplIds here.
    await Taro.requestSubscribeMessage({ tmplIds: templateIds.slice(0, 3) } as Taro.requestSubscribeMessage.Option)
  } catch {
    // refused or unsupported
  }
}
