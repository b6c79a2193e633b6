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
  ],
  // Role pages are subpackages: residents never download them and the main package stays small.
  subPackages: [
    {
      root: 'worker',
      pages: ['inbox/index', 'ticket/index'],
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
  requiredPrivateInfos: ['chooseLocation'],
  permission: {
    'scope.userLocation': {
      desc: '用于在地图上选择报事地点，确定所属网格并派给负责的网格员',
    },
  },
} as Parameters<typeof defineAppConfig>[0])
