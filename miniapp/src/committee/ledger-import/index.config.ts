export default definePageConfig({
  navigationBarTitleText: '台账导入',
})
