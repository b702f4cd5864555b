import type { FastifyBaseLogger } from 'fastify';
import { maskAddress } from '../addresses';
import type { ChannelAdapter, DeliveryReceipt, Envelope } from './channel';

/**
 * The provider of a channel that has none configured: the message stays in the outbox, where the
 * console shows it, and one log line says so. The body is not logged (it may carry personal data).
 */
export class LogChannel implements ChannelAdapter {
  readonly provider = 'log';

  constructor(private readonly logger: FastifyBaseLogger) {}

  async deliver(envelope: Envelope): Promise<DeliveryReceipt> {
    this.logger.info(
      { messageId: envelope.messageId, channel: envelope.channel, to: maskAddress(envelope.address) },
      'notify: no provider configured for this channel; message kept in the outbox log only',
    );
    return { providerMessageId: null };
  }
}
