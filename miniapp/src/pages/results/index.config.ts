export default definePageConfig({
  navigationBarTitleText: '议事公示栏',
})
