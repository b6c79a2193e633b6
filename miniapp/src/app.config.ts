export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/report/index',
    'pages/deliberation/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/tickets/index',
    'pages/ticket/index',
    'pages/board/index',
    'pages/messages/index',
    'pages/legal/index',
    'pages/profile/index',
    'pages/bind/index',
    'pages/mydata/index',
    'pages/topic/index',
    'pages/topic-new/index',
    'pages/vote/index',
    'pages/results/index',
    'pages/services/index',
    'pages/service/index',
    'pages/bookings/index',
    'pages/booking/index',
  ],
  // Role pages are subpackages: residents never download them and the main package stays small.
  subPackages: [
    {
      root: 'worker',
      pages: ['inbox/index', 'ticket/index', 'book-for/index'],
    },
    {
      // 预约's staff side: the provider's (a partner's, or the committee's) slots, roster and check-in, figures.
      root: 'provider',
      pages: ['slots/index', 'roster/index', 'figures/index', 'service/index', 'schedule/index'],
    },
    {
      // 议事's owners' committee (业委会), one of the four parties: the community's topics by what is asked of it.
      root: 'owners',
      pages: ['topics/index'],
    },
    {
      root: 'committee',
      pages: [
        'tickets/index',
        'ticket/index',
        'dashboard/index',
        'bindings/index',
        'claims/index',
        'holds/index',
        'ledger/index',
        'ledger-import/index',
        'ledger-household/index',
        'ledger-care/index',
        'topics/index',
        'topic/index',
        'vote-roll/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1a66d6',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
    // Spelled out so the H5 build draws Taro's title bar too, with its back button (WeChat draws its own).
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#4a4f57',
    selectedColor: '#1a66d6',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      // PNG icons, a selected one each (WeChat takes no SVG): drawn by scripts/tab-icons.mjs.
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/report/index', text: '报事', iconPath: 'assets/tabbar/report.png', selectedIconPath: 'assets/tabbar/report-active.png' },
      { pagePath: 'pages/deliberation/index', text: '议事', iconPath: 'assets/tabbar/deliberation.png', selectedIconPath: 'assets/tabbar/deliberation-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
  // WeChat privacy rules: our own consent sheet answers onNeedPrivacyAuthorization (components/PrivacySheet).
  __usePrivacyCheck__: true,
  // getLocation only once the resident allowed it (services/location.ts): 随手拍's point, never a prompt.
  requiredPrivateInfos: ['chooseLocation', 'getLocation'],
  permission: {
    'scope.userLocation': {
      desc: '用于确定报事地点（地图选点、随手拍的拍照位置），找到所属网格并派给负责的网格员',
    },
  },
} as Parameters<typeof defineAppConfig>[0])
