import type { Actor, AuditLog } from '../../../platform/audit/audit';
import type { Principal } from '../../../platform/auth/principal';
import type { Db } from '../../../platform/db/database';
import { AppError } from '../../../platform/http/app-error';
import type { CatalogAccess } from '../contracts';
import type { LookupRequest, LookupRow } from '../datastore';
import { opendataErrors } from '../opendata.errors';
import { foldedWords } from './dataset-questions';
import type { SmsAnswer, SmsAnswerInput, SmsAnswersRepo } from './sms-answers.repo';

export interface SmsAnswersDeps {
  readonly db: Db;
  readonly audit: AuditLog;
  readonly repo: SmsAnswersRepo;
  readonly access: CatalogAccess;
  readonly lookup: (request: LookupRequest) => Promise<LookupRow[] | undefined>;
}

/** Publishers register which DataStore column answers which SMS/Zalo question. */
export class SmsAnswersService {
  constructor(private readonly deps: SmsAnswersDeps) {}

  list(): Promise<SmsAnswer[]> {
    return this.deps.repo.list();
  }

  async create(principal: Principal, input: SmsAnswerInput, actor: Actor): Promise<SmsAnswer> {
    const checked = await this.#checked(principal, input);
    return this.deps.db.transaction().execute(async (trx) => {
      const answer = await this.deps.repo.insert(trx, checked);
      await this.#audit(trx, actor, 'opendata.sms_answer.created', answer);
      return answer;
    });
  }

  async update(principal: Principal, id: string, input: SmsAnswerInput, actor: Actor): Promise<SmsAnswer> {
    const before = await this.#get(id);
    await this.#assertEditable(principal, before.resourceId);
    const checked = await this.#checked(principal, input, id);
    return this.deps.db.transaction().execute(async (trx) => {
      const answer = await this.deps.repo.update(trx, id, checked);
      if (!answer) throw new AppError(opendataErrors.SMS_ANSWER_NOT_FOUND);
      await this.#audit(trx, actor, 'opendata.sms_answer.updated', answer);
      return answer;
    });
  }

  async delete(principal: Principal, id: string, actor: Actor): Promise<void> {
    const before = await this.#get(id);
    await this.#assertEditable(principal, before.resourceId);
    await this.deps.db.transaction().execute(async (trx) => {
      await this.deps.repo.delete(trx, id);
      await this.#audit(trx, actor, 'opendata.sms_answer.deleted', before);
    });
  }

  async #get(id: string): Promise<SmsAnswer> {
    const answer = await this.deps.repo.find(id);
    if (!answer) throw new AppError(opendataErrors.SMS_ANSWER_NOT_FOUND);
    return answer;
  }

  async #assertEditable(principal: Principal, resourceId: string): Promise<void> {
    if (!(await this.deps.access.canEditResource(principal, resourceId)))
      throw new AppError(opendataErrors.SMS_ANSWER_FORBIDDEN);
  }

  // The topic is stored folded, so "Dân số" and "dan so" are the same topic; the columns must exist in a
  // public DataStore table, else the answer could never be given.
  async #checked(principal: Principal, input: SmsAnswerInput, id?: string): Promise<SmsAnswerInput> {
    const topic = foldedWords(input.topic).join(' ');
    if (!topic) throw new AppError(opendataErrors.SMS_ANSWER_TOPIC_EMPTY);
    await this.#assertEditable(principal, input.resourceId);
    const probe = await this.deps.lookup({
      resourceId: input.resourceId,
      matchField: input.matchField,
      valueField: input.valueField,
      text: '',
      limit: 1,
    });
    if (!probe) throw new AppError(opendataErrors.SMS_ANSWER_COLUMNS, { resourceId: input.resourceId });
    const taken = await this.deps.repo.findByTopic(topic);
    if (taken && taken.id !== id) throw new AppError(opendataErrors.SMS_ANSWER_TOPIC_TAKEN, { topic });
    return { ...input, topic };
  }

  #audit(trx: Db, actor: Actor, action: string, answer: SmsAnswer): Promise<void> {
    return this.deps.audit.record(trx, actor, {
      action,
      targetType: 'opendata_sms_answer',
      targetId: answer.id,
      summary: { topic: answer.topic, resourceId: answer.resourceId },
    });
  }
}
