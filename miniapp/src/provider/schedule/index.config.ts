export default definePageConfig({
  navigationBarTitleText: '排班与时段',
})
