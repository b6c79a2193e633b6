export default definePageConfig({
  navigationBarTitleText: '议题办理',
  enablePullDownRefresh: true,
})
