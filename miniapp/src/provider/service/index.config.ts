export default definePageConfig({
  navigationBarTitleText: '服务项目',
})
