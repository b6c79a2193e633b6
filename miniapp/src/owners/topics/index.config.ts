export default definePageConfig({
  navigationBarTitleText: '业委会议事',
  enablePullDownRefresh: true,
})
