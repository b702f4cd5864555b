import type { Localized } from '../../../platform/i18n/locale';
import type { TemplateSet } from '../notify.types';

/** The template every reply to an inbound SMS or Zalo message goes out with. */
export const REPLY_TEMPLATE = 'notify.reply';
export const REPLY_TOPIC = 'notify.reply';
/** A test message staff send to check a channel's configuration. */
export const TEST_TEMPLATE = 'notify.test';

export const notifyTemplates: TemplateSet = {
  [REPLY_TEMPLATE]: {
    vi: { subject: 'Phản hồi từ Cổng thông tin thành phố', text: '{text}' },
    en: { subject: 'Reply from the city portal', text: '{text}' },
  },
  [TEST_TEMPLATE]: {
    vi: {
      subject: 'Thư thử nghiệm của hệ thống thông báo',
      text: 'Đây là tin nhắn thử nghiệm từ hệ thống thông báo của thành phố Đà Nẵng. Nếu bạn nhận được, kênh {channel} đã hoạt động.',
      sms: 'Tin nhắn thử nghiệm từ hệ thống thông báo TP Đà Nẵng: kênh {channel} đã hoạt động.',
    },
    en: {
      subject: 'Test message from the notification system',
      text: 'This is a test message from the Da Nang notification system. If you received it, the {channel} channel works.',
      sms: 'Test message from the Da Nang notification system: the {channel} channel works.',
    },
  },
};

/** Texts of the replies notify itself gives to inbound messages. */
export const inboundTexts = {
  optedOut: {
    vi: 'Bạn đã ngừng nhận tin nhắn thông báo qua kênh này. Gửi BATDAU để nhận lại.',
    en: 'You will no longer receive notifications on this channel. Send START to receive them again.',
  },
  optedIn: {
    vi: 'Bạn đã đăng ký nhận lại tin nhắn thông báo qua kênh này.',
    en: 'You will receive notifications on this channel again.',
  },
  help: {
    vi: 'Các cú pháp được hỗ trợ:',
    en: 'You can send:',
  },
  notUnderstood: {
    vi: 'Hệ thống chưa hiểu tin nhắn của bạn.',
    en: 'We could not understand your message.',
  },
  failed: {
    vi: 'Hệ thống chưa xử lý được tin nhắn của bạn. Vui lòng thử lại sau hoặc gọi 1022.',
    en: 'We could not process your message. Please try again later or call 1022.',
  },
} satisfies Record<string, Localized>;

export const builtinKeywordDescriptions = {
  stop: { vi: 'STOP hoặc HUY: ngừng nhận tin nhắn thông báo', en: 'STOP or HUY: stop notifications' },
  start: {
    vi: 'BATDAU hoặc START: nhận lại tin nhắn thông báo',
    en: 'START or BATDAU: receive notifications again',
  },
  help: { vi: 'TROGIUP hoặc HELP: xem các cú pháp', en: 'HELP or TROGIUP: list what you can send' },
} satisfies Record<string, Localized>;
