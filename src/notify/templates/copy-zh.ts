import type { Copy, CopyValues, MessageCopy } from './copy.js';

const booking = (subject: string, lead: (v: CopyValues) => string, sms: (v: CopyValues) => string, action: string | null = '管理您的预约') =>
  (v: CopyValues): MessageCopy => ({
    subject: `${subject}：${v.service} – ${v.org}`,
    greeting: `${v.name}，您好：`,
    paragraphs: [lead(v), `${v.service}${v.staff ? `（${v.staff}）` : ''}\n${v.when}`],
    actionLabel: action,
    sms: sms(v),
  });

/** 发给工作人员：仅服务、时间和顾客的名字（不含备注和联系方式）。 */
const staffNotice = (subject: string, lead: (v: CopyValues) => string) =>
  (v: CopyValues): MessageCopy => ({
    subject: `${subject}：${v.service}，${v.when} – ${v.org}`,
    greeting: v.staff ? `${v.staff}，您好：` : '您好：',
    paragraphs: [lead(v), `${v.service}${v.name ? ` – ${v.name}` : ''}\n${v.when}`, '其余信息请在员工应用中查看；本消息有意省略。'],
    actionLabel: null,
    sms: `${lead(v)}${v.service}${v.name ? `，${v.name}` : ''}，${v.when}。`,
  });

export const ZH: Copy = {
  messages: {
    'booking.confirmed': booking(
      '预约已确认',
      (v) => `${v.org} 已确认您的预约。附件中的日历文件可将其添加到您的日历。`,
      (v) => `${v.org}：预约已确认，${v.service}，${v.when}。`,
    ),
    'booking.request_received': booking(
      '已收到预约申请',
      (v) => `${v.org} 已收到您的预约申请，尚未确认；商家处理后您会再收到一条消息。`,
      (v) => `${v.org}：已收到申请（尚未确认），${v.service}，${v.when}。`,
    ),
    'booking.approved': booking(
      '预约已确认',
      (v) => `${v.org} 已接受您的预约申请。附件中的日历文件可将其添加到您的日历。`,
      (v) => `${v.org}：您的申请已被接受，${v.service}，${v.when}。`,
    ),
    'booking.declined': booking(
      '预约申请未被接受',
      (v) => `很抱歉，${v.org} 无法接受您的申请。您可以在其预约页面选择其他时间。`,
      (v) => `${v.org}：您对 ${v.service}（${v.when}）的申请未被接受。`,
      null,
    ),
    'booking.rescheduled': booking(
      '预约时间已更改',
      (v) => `您在 ${v.org} 的预约时间已更改。原时间为 ${v.previousWhen}，新时间如下。`,
      (v) => `${v.org}：预约已改至 ${v.when}（${v.service}）。`,
    ),
    'booking.cancelled': booking(
      '预约已取消',
      (v) => `您在 ${v.org} 的预约已取消。附件中的日历文件会将其从您的日历中移除。`,
      (v) => `${v.org}：预约已取消，${v.service}，${v.when}。`,
      null,
    ),
    'booking.cancelled_by_business': booking(
      '商家已取消预约',
      (v) => `${v.org} 已取消您的预约。附件中的日历文件会将其从您的日历中移除。请联系商家，或在其预约页面选择其他时间。`,
      (v) => `${v.org} 已取消您的预约：${v.service}，${v.when}。`,
      null,
    ),
    'booking.reminder': booking(
      '预约提醒',
      (v) => `提醒您在 ${v.org} 的预约。`,
      (v) => `${v.org}：预约提醒，${v.service}，${v.when}。`,
    ),
    'booking.follow_up': booking(
      '感谢您的光临',
      (v) => `感谢您光临 ${v.org}。希望一切顺利；您可以在其预约页面预约下一次服务。`,
      (v) => `${v.org}：感谢您的光临。`,
      null,
    ),
    'staff.booking_created': staffNotice(
      '新预约',
      (v) => `${v.org}：有一个新的预约由您负责。`,
    ),
    'staff.booking_requested': staffNotice(
      '新预约申请',
      (v) => `${v.org}：有顾客申请由您负责的预约，商家接受后才会确认。`,
    ),
    'staff.booking_rescheduled': staffNotice(
      '预约已改期',
      (v) => `${v.org}：您负责的一个预约已改期。原时间为 ${v.previousWhen}，新时间见下方。`,
    ),
    'staff.booking_cancelled': staffNotice(
      '预约已取消',
      (v) => `${v.org}：您负责的一个预约已取消。`,
    ),
    'security.code': (v) => ({
      subject: `${v.code} 是您的${v.purpose} – ${v.org}`,
      greeting: v.name ? `${v.name}，您好：` : '您好：',
      paragraphs: [
        `${v.code} 是您的${v.purpose}，仅可使用一次，${v.minutes} 分钟后失效。`,
        `请勿向任何人透露此验证码。${v.org} 的工作人员绝不会通过电话、邮件或聊天向您索取。如果这不是您本人的操作，请忽略本消息并考虑修改密码。`,
      ],
      actionLabel: null,
      sms: `${v.code} 是您在 ${v.org} 的${v.purpose}，工作人员绝不会索取，${v.minutes} 分钟内有效。`,
    }),
    'security.notice': (v) => ({
      subject: `安全提醒 – ${v.org}`,
      greeting: v.name ? `${v.name}，您好：` : '您好：',
      paragraphs: [v.notice, '如果这不是您本人的操作，请自行输入您常用的网址登录并修改密码。'],
      actionLabel: null,
      sms: `${v.org} 安全提醒：${v.notice}`,
    }),
  },
  purposes: {
    sign_in: '登录验证码',
    password_reset: '重置密码验证码',
    email_change: '新邮箱确认码',
    phone_change: '新手机号确认码',
    mfa: '验证码',
  },
  footer: (v) => [
    `本消息由 ${v.org} 通过 Slotguard 发送。我们绝不会通过邮件、短信或电话索取您的密码、一次性验证码或银行卡信息。`,
    `真实的消息只会链接到 ${v.host}。如有疑问，请自行输入该网址，不要点击链接。`,
  ],
  antiPhishingPhrase: (phrase) => `您的防钓鱼短语：「${phrase}」。不含此短语的安全消息并非来自我们。`,
  notesLabel: '您的备注',
  reportLabel: '举报可疑消息',
};
