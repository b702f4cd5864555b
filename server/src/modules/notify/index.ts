/**
 * The `notify` module's public door: other code imports only from here.
 *
 * A module that tells people something receives `NotifyApi` from the composition root and
 *  - registers its templates once: `notify.registerTemplates({ 'feedback.received': { vi: {…}, en: {…} } })`;
 *  - sends inside its own transaction: `await notify.send(trx, { recipient, template, params, topic })`;
 *  - may answer inbound SMS/Zalo: `notify.registerInboundKeyword('TRACUU', handler)`, or take every
 *    unclaimed message with `notify.setInboundFallback(handler)`.
 * See docs/notify.md.
 * @packageDocumentation
 */
export { createNotifyModule, type NotifyApi } from './notify.module';
export type { NotifyOptions } from './notify.options';
export type {
  ChannelName,
  InboundAttachment,
  InboundChannel,
  InboundContext,
  InboundHandler,
  InboundMessage,
  InboundReply,
  KeywordOptions,
  MessageStatus,
  OutboundMessage,
  Recipient,
  SendResult,
  TemplateSet,
  TemplateText,
} from './notify.types';
