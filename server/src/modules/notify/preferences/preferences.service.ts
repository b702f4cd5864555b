import type { Actor, AuditLog } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { AppError } from '../../../platform/http/app-error';
import { normalizeAddress } from '../addresses';
import { notifyErrors } from '../notify.errors';
import type { ChannelName } from '../notify.types';
import { ALL_TOPICS, type OptOut, type PreferencesRepo, type RecipientRow } from './preferences.repo';

export interface RecipientPreferences {
  readonly channel: ChannelName;
  readonly address: string;
  readonly optOuts: readonly OptOut[];
}

/** Per-recipient opt-outs, by channel and topic: set by staff, by an e-mail link or by STOP/HUY. */
export class PreferencesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly repo: PreferencesRepo,
  ) {}

  async get(channel: ChannelName, rawAddress: string): Promise<RecipientPreferences> {
    const address = this.#address(channel, rawAddress);
    return { channel, address, optOuts: await this.repo.optOuts(channel, address) };
  }

  async set(
    channel: ChannelName,
    rawAddress: string,
    topic: string,
    optedOut: boolean,
    actor: Actor,
  ): Promise<RecipientPreferences> {
    const address = this.#address(channel, rawAddress);
    await this.db.transaction().execute(async (trx) => {
      if (optedOut) await this.repo.optOut(trx, channel, address, topic, 'staff');
      else await this.repo.optIn(trx, channel, address, topic);
      await this.audit.record(trx, actor, {
        action: optedOut ? 'notify.preferences.opted_out' : 'notify.preferences.opted_in',
        targetType: 'notify_recipient',
        targetId: `${channel}:${address}`,
        summary: { channel, topic },
      });
    });
    return this.get(channel, address);
  }

  /** The opt-out link of an e-mail: one topic, or every topic of the address when none is given. */
  async optOutByToken(token: string, topic: string | undefined): Promise<RecipientRow & { topic: string }> {
    const recipient = await this.repo.findByToken(token);
    if (!recipient) throw new AppError(notifyErrors.OPT_OUT_TOKEN_UNKNOWN);
    const chosen = topic ?? ALL_TOPICS;
    await this.repo.optOut(this.db, recipient.channel, recipient.address, chosen, 'link');
    return { ...recipient, topic: chosen };
  }

  #address(channel: ChannelName, raw: string): string {
    const address = normalizeAddress(channel, raw);
    if (address === null) throw new AppError(notifyErrors.ADDRESS_INVALID);
    return address;
  }
}
