/** The one place that reads build-time configuration (.env.development / .env.production). */
export const IS_WEAPP = process.env.TARO_ENV === 'weapp'
export const IS_H5 = process.env.TARO_ENV === 'h5'

/** Origin of the API. On H5 it defaults to '' (same origin: the server serves the H5 build). */
export const API_BASE: string = (IS_WEAPP ? process.env.TARO_APP_API_BASE : process.env.TARO_APP_H5_API_BASE) || ''

/**
 * H5 test builds only (`--mode test` reads .env.test): no wx.login and no phone button in a browser, so the
 * app makes its codes in the fake WeChat's format (services/wechat.ts). Production builds never set it, and
 * real WeChat refuses such codes.
 */
export const WECHAT_TEST_MODE: boolean = IS_H5 && process.env.TARO_APP_WECHAT_TEST_MODE === 'true'

export const LOGIN_PAGE = '/pages/login/index'
