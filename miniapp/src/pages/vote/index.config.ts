export default definePageConfig({
  navigationBarTitleText: '居民表决',
  enablePullDownRefresh: true,
})
