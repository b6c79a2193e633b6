/** The one place that reads build-time configuration (.env.development / .env.production). */
export const IS_WEAPP = process.env.TARO_ENV === 'weapp'
export const IS_H5 = process.env.TARO_ENV === 'h5'

/** Origin of the API. On H5 it defaults to '' (same origin: the server serves the H5 build). */
export const API_BASE: string = (IS_WEAPP ? process.env.TARO_APP_API_BASE : process.env.TARO_APP_H5_API_BASE) || ''

/** Subscribe-message templates asked for after a report: 受理 / 办结 / 关闭. WeChat takes at most 3 per call. */
export const SUBSCRIBE_TEMPLATE_IDS: string[] = parseTemplateIds(process.env.TARO_APP_SUBSCRIBE_TEMPLATES)

export function parseTemplateIds(raw: string | undefined): string[] {
  return (raw || '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .slice(0, 3)
}

export const LOGIN_PAGE = '/pages/login/index'
