export default definePageConfig({
  navigationBarTitleText: '身份确认',
  enablePullDownRefresh: true,
})
