/**
 * 用户协议 and 隐私政策: the texts a user reads and agrees to before the first login.
 * The app shows them as pages; the server records which version a user agreed to
 * (`consentVersion` on POST /api/auth/wechat-login) and refuses any other.
 * Change PRIVACY_POLICY_VERSION whenever the meaning of either text changes: everyone is asked again.
 */

export const PRIVACY_POLICY_VERSION = '2026-11-23';

export interface LegalSection {
  heading: string;
  paragraphs: string[];
}

export interface LegalDocument {
  title: string;
  /** Shown under the title: which version, from when. */
  version: string;
  sections: LegalSection[];
}

/** One kind of personal data: what, why, and how long it is kept (PIPL art. 17). */
export interface PersonalDataItem {
  data: string;
  purpose: string;
  retention: string;
}

/** What Linli's server holds about a person, as the entities store it. */
export const PERSONAL_DATA: PersonalDataItem[] = [
  {
    data: '微信身份标识（openid）',
    purpose: '识别您的账号，让您下次打开时不用重新注册；向您发送您订阅的进度提醒；微信内容安全检测需要它。',
    retention: '保存至您注销账号，注销时立即删除。',
  },
  {
    data: '同意记录（您同意的协议版本和时间）',
    purpose: '证明您在使用前已阅读并同意本政策；版本变化时重新征求您的同意。',
    retention: '随账号记录长期保存，作为征得同意的证明；注销后它只留在已清空的账号记录上，不再与您的姓名、手机号或微信身份关联。',
  },
  {
    data: '昵称和头像',
    purpose: '在您的报事、评论中向处理人员显示您是谁。昵称会经微信内容安全检测。',
    retention: '保存至您修改或注销账号，注销时立即删除。',
  },
  {
    data: '手机号（您点击“授权手机号”后由微信提供）',
    purpose: '与社区已登记的住户、网格员信息核对，确认是同一个人；处理人员需要时联系您。',
    retention:
      '完整保存，但在界面上只显示部分号码（如 138****8000）；只有您本人和为您办事的工作人员点击“查看号码”时才能看到完整号码。保存至您注销账号，注销时立即删除。',
  },
  {
    data: '姓名',
    purpose: '社区登记住户、工作人员时录入，用于核对身份和办理事项。',
    retention: '保存至您注销账号，注销时立即删除。',
  },
  {
    data: '住址绑定（社区、楼栋、房屋，以及申请和审核记录）',
    purpose: '确认您是本社区居民，把您的报事交给负责的网格员；居委会审核您的申请。',
    retention: '保存至您搬离（解除绑定）或注销账号；注销时立即删除。',
  },
  {
    data: '报事内容：描述、照片、位置或楼栋、评价和评论',
    purpose: '办理您反映的事项，并在公示栏公开办理结果（选择匿名时不显示您的姓名）。',
    retention:
      '作为社区公共事务的办理记录长期保存，社区的统计数字因此保持真实。您注销账号后，这些记录不再与您关联：报事人显示为“已注销用户”。照片会经微信内容安全检测，有风险的照片不再显示；上传后没有用在报事里的照片一天后自动删除。',
  },
  {
    data: '站内消息和订阅消息的发送记录',
    purpose: '告诉您事项的受理、办结等进度；记录提醒是否送达。',
    retention: '保存至您注销账号，注销时立即删除；订阅授权由微信保管，注销后我们没有您的微信身份标识，不会再向您发送任何消息。',
  },
  {
    data: '号码查看记录（谁在何时查看了谁的完整手机号）',
    purpose: '防止工作人员滥用您的号码：您可以查看谁看过您的号码，居委会可以核查。',
    retention: '记录只有查看人、被查看人和时间，不含号码本身；作为访问审计记录长期保存，注销后被查看人显示为“已注销用户”。',
  },
  {
    data: '防重复提交的请求编号',
    purpose: '网络中断后重试时，避免同一件事被提交两次。',
    retention: '24 小时后自动删除。',
  },
  {
    data: '服务器运行日志（请求时间、请求编号、网络地址，不含登录凭证）',
    purpose: '排查故障和安全问题。',
    retention: '按部署方的日志轮转保存，不与您的账号资料合并使用。',
  },
];

export const PRIVACY_POLICY: LegalDocument = {
  title: '邻里隐私政策',
  version: `版本 ${PRIVACY_POLICY_VERSION}，自该日起生效`,
  sections: [
    {
      heading: '我们是谁',
      paragraphs: [
        '“邻里”是社区居委会和街道为居民提供报事、办事服务的小程序，由您所在社区的居委会及其委托的运营方负责运营。',
        '我们只为办好您反映的事、核对您的住户身份收集个人信息，不做广告，不向第三方出售您的信息。',
      ],
    },
    {
      heading: '我们收集哪些信息、为什么、保存多久',
      paragraphs: ['下表列出每一项个人信息（见“个人信息清单”）。除此以外，我们不收集其他信息。'],
    },
    {
      heading: '位置和照片',
      paragraphs: [
        '只有在您报事时主动“地图选点”，我们才取得您选定的位置；您也可以不选位置，只选楼栋。我们不在后台获取您的位置。',
        '照片只来自您在报事或办结时主动选择的图片。',
      ],
    },
    {
      heading: '谁能看到您的信息',
      paragraphs: [
        '处理您报事的网格员、物业或社会组织人员，以及本社区居委会，能看到处理所需的信息。',
        '公示栏只公开事项和办理结果；选择匿名时不显示您的姓名，文字中的手机号等会被遮盖。',
        '微信（腾讯）为我们提供登录、手机号核验、内容安全检测和订阅消息服务，会处理您的微信身份标识、手机号授权凭证和您提交的文字、照片。',
      ],
    },
    {
      heading: '您的权利',
      paragraphs: [
        '查阅和复制：在“我的 → 我的数据”中查看我们保存的关于您的全部信息。',
        '更正：在“我的”中修改昵称、头像，重新授权手机号，或重新申请绑定住址。',
        '撤回同意和删除：在“我的 → 注销账号”中注销。注销立即删除您的姓名、手机号、头像、昵称、微信身份标识、身份角色、住址绑定和站内消息；您的报事作为社区记录保留，但不再显示您的身份。注销后再次登录将是一个新用户。',
        '有正在处理的工单的工作人员，需要先把工单移交给同事才能注销。',
      ],
    },
    {
      heading: '未成年人',
      paragraphs: ['本服务面向成年居民。不满十四周岁的未成年人请由监护人代为报事。'],
    },
    {
      heading: '政策变更',
      paragraphs: ['本政策的内容变化时，我们会更新版本号，并在您下次登录前重新征求您的同意。'],
    },
    {
      heading: '联系我们',
      paragraphs: ['对本政策或您的个人信息有疑问，请联系您所在社区的居委会。'],
    },
  ],
};

export const USER_AGREEMENT: LegalDocument = {
  title: '邻里用户协议',
  version: `版本 ${PRIVACY_POLICY_VERSION}，自该日起生效`,
  sections: [
    {
      heading: '服务内容',
      paragraphs: [
        '“邻里”帮助居民向社区反映问题（报事），由网格员、物业、社会组织等按职责办理，办理过程和结果对您可见，并可以评价。',
        '“邻里”不是紧急求助渠道。遇到火灾、治安、急病等紧急情况，请立即拨打 119、110、120。',
      ],
    },
    {
      heading: '账号',
      paragraphs: [
        '您用微信登录。绑定住址需要居委会审核；授权的手机号与社区登记的信息一致时，账号会与登记记录合并。',
        '工作人员身份（网格员、居委会成员等）需要居委会或街道确认后才生效，不会随手机号自动转移。',
        '请勿冒用他人身份或替他人申请绑定住址。',
      ],
    },
    {
      heading: '您发布的内容',
      paragraphs: [
        '请如实描述问题，不发布违法、侮辱、诽谤、广告或与社区事务无关的内容，不在描述中写他人的手机号、身份证号等信息。',
        '您发布的文字和照片会经微信内容安全检测；有风险的内容会被拒绝或暂不公开，由居委会审核。',
        '办理结果会在公示栏公开。选择匿名时，公示栏不显示您的姓名。',
      ],
    },
    {
      heading: '办理和评价',
      paragraphs: [
        '事项按社区的规则派给负责的人员，并有受理和办结时限；超时会逐级上报。',
        '您可以对办结的事项评价；“不满意”会让事项重新办理。',
      ],
    },
    {
      heading: '注销',
      paragraphs: ['您可以随时在“我的”中注销账号，注销后的信息处理见《邻里隐私政策》。'],
    },
    {
      heading: '协议变更',
      paragraphs: ['协议内容变化时会更新版本号，并在您下次登录前重新征求您的同意。'],
    },
  ],
};
