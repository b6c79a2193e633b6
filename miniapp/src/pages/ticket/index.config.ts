export default definePageConfig({
  navigationBarTitleText: '报事详情',
  enablePullDownRefresh: true,
})
