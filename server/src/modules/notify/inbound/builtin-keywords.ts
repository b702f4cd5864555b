import type { Locale } from '../../../platform/i18n/locale';
import { ALL_TOPICS, type PreferencesRepo } from '../preferences/preferences.repo';
import { builtinKeywordDescriptions, inboundTexts } from '../templates/notify.templates';
import type { InboundRouter } from './inbound-router';

/**
 * The keywords notify answers itself: STOP/HUY stops every notification on the channel the citizen
 * wrote from, START/BATDAU resumes them, HELP/TROGIUP lists the keywords. STOP and START act only when
 * they are the whole message, so "Hủy bỏ rác …" in a report does not unsubscribe anyone.
 */
export function registerBuiltinKeywords(
  router: InboundRouter,
  preferences: PreferencesRepo,
  helpReply: (locale: Locale) => string,
): void {
  router.register(
    ['STOP', 'HUY'],
    async (message, context) => {
      await preferences.optOut(context.executor, message.channel, message.from, ALL_TOPICS, 'keyword');
      return inboundTexts.optedOut;
    },
    { exact: true, description: builtinKeywordDescriptions.stop },
  );
  router.register(
    ['START', 'BATDAU'],
    async (message, context) => {
      await preferences.optIn(context.executor, message.channel, message.from, ALL_TOPICS);
      return inboundTexts.optedIn;
    },
    { exact: true, description: builtinKeywordDescriptions.start },
  );
  router.register(['HELP', 'TROGIUP'], async (_message, context) => helpReply(context.locale), {
    description: builtinKeywordDescriptions.help,
  });
}
