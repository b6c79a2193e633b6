export default definePageConfig({
  navigationBarTitleText: '特殊人群',
  enablePullDownRefresh: true,
})
