/**
 * The app's own words when something goes wrong, in one place: each says what to do next (issue 11, "plain
 * words"; `messages.test.ts` checks them). The server's refusals carry their own message, shown as it comes
 * (the server's test checks those); these are for what the server cannot say: no answer, an answer that is not
 * the API's, the phone's camera or WeChat refusing, and the checks the app makes before sending.
 */
export const ERROR_MESSAGES = {
  /** No answer at all (offline, DNS, refused): a toast, or under a page with its 重试 button. */
  network: '网络不通，请检查网络后再试一次',
  timeout: '网络太慢，没等到服务器回应，请检查网络后再试一次',
  /** On a page that failed to load (LoadState shows its 重试 button beside it). */
  loadNetwork: '网络不通，请检查网络后点“重试”',
  loadTimeout: '网络太慢，页面没有加载出来，请检查网络后点“重试”',
  loadFailed: '页面没有加载出来，请点“重试”',
  /** An answer that is not the API's (a gateway's 502/504 page, an empty body). */
  unavailable: '服务暂时不可用，请过几分钟再试；一直不行请联系居委会',
  sessionExpired: '登录已过期，请重新登录',
  loginFailed: '登录没有成功，请点“重试”',
  loginConsentNeeded: '需要您同意《用户协议》和《隐私政策》后才能登录，请点“重试”并勾选同意',
  privacyNotTicked: '请先阅读并勾选同意',
  demoLoginUnavailable: '演示登录未开放，请在微信中打开邻里小程序',
  wechatNetwork: '网络不给力，没能连上微信。请检查网络后点“重试”。',
  /** wx.login failed for another reason: WeChat's own words go in brackets. */
  wechatLoginFailed: (why: string) => `微信登录没有成功${why ? `（${why}）` : ''}。请稍后点“重试”；如果一直不行，请更新微信后再试。`,
  phoneNotGiven: '微信没能提供手机号，请稍后再试（需要微信绑定了手机号）。',
  nicknameMissing: '请填写昵称',
  nicknameTooLong: (max: number) => `昵称最多${max}个字，请删短一些`,
  cameraUnavailable: '没能打开相机，请在设置里允许邻里使用相机',
  albumUnavailable: '没能打开相册，请在设置里允许邻里使用相册和相机',
  mapUnavailable: '没能打开地图选点，可以改选楼栋',
  chatFileUnavailable: '没能打开聊天文件，请在微信聊天中先收到该文件再选择',
  tooManyPhotos: (max: number) => `最多${max}张照片，请先删去一张再添加`,
  photosUploading: '照片还在上传，请等上传完再提交',
  photoUploadFailed: '有照片上传失败，请点击照片重试或删除',
  /** A submit with no answer: the Idempotency-Key makes the same tap safe to repeat. */
  reportNotConfirmed: '网络不给力，报事未确认送达，请再点一次提交（不会重复报事）',
  bookingNotConfirmed: '网络不给力，请再点一次，不会重复预约',
  bookingFailed: '预约没有成功，请稍后再试',
  checkInFailed: '签到没有成功，请重试',
  saveFailed: '没有保存成功，请重试',
  actionFailed: '没有成功，请重试',
  importFailed: '导入失败，请重试',
  /** A form's submit that failed without the server's words (议题, 会议). */
  submitFailed: '没有提交成功，请检查网络后再点一次提交',
} as const

export type ErrorMessageKey = keyof typeof ERROR_MESSAGES
