export default definePageConfig({
  navigationBarTitleText: '服务预约管理',
  enablePullDownRefresh: true,
})
