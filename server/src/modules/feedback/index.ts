/**
 * The `feedback` module's public door: other code imports only from here.
 * @packageDocumentation
 */
export {
  createFeedbackModule,
  FEEDBACK_API_PREFIX,
  OPEN311_PREFIX,
  type FeedbackApi,
  type FeedbackOptions,
} from './feedback.module';
export type {
  Executor,
  FeedbackMessage,
  FeedbackNotifier,
  FeedbackRecipient,
  FeedbackTemplate,
  InboundHandler,
  InboundMessage,
  InboundReply,
} from './notifier.port';
