export default definePageConfig({
  navigationBarTitleText: '投票名册',
  enablePullDownRefresh: true,
})
