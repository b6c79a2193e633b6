export default definePageConfig({
  navigationBarTitleText: '住户',
  enablePullDownRefresh: true,
})
