import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../../../platform/audit/audit';
import { CkanError } from '../ckan/ckan-action';
import type { CatalogMirror, MirrorTarget, MirrorVocabulary } from './catalog-mirror';
import type {
  DatasetProblem,
  HarvestObject,
  HarvestRepo,
  HarvestRun,
  HarvestSource,
  RunCounts,
} from './harvest.repo';
import { recordHash, type HarvestRecord } from './harvest-record';
import type { SourceTypeReaders } from './readers';

/** How long a run holds its source between two signs of life; renewed after every dataset. */
export const RUN_LEASE_SECONDS = 600;
// The report keeps the first problems only: a source that fails everything must not bloat the row.
const MAX_PROBLEMS = 500;

type Outcome = 'created' | 'updated' | 'unchanged';

/** A readable message for the report: CKAN validation errors list their fields. */
export function problemMessage(error: unknown): string {
  if (error instanceof CkanError && Object.keys(error.fields).length > 0)
    return `${error.message}: ${Object.entries(error.fields)
      .map(([field, messages]) => `${field}: ${messages.join('; ')}`)
      .join(', ')}`;
  return String((error as Error).message ?? error).slice(0, 1000);
}

class RunReport {
  readonly counts: RunCounts = { created: 0, updated: 0, deleted: 0, unchanged: 0, failed: 0 };
  readonly problems: DatasetProblem[] = [];

  fail(remoteId: string, title: string, message: string): void {
    this.counts.failed += 1;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ remoteId, title, message });
  }
}

/**
 * One harvest run: reads the source, creates, updates or skips each dataset (by content hash), then
 * deletes the mirrors of datasets the source no longer lists, only when the whole source was read. A
 * failing dataset is reported and the run goes on; a source that cannot be read fails the run.
 */
export class HarvestRunner {
  constructor(
    private readonly repo: HarvestRepo,
    private readonly mirror: CatalogMirror,
    private readonly readers: SourceTypeReaders,
    private readonly logger: FastifyBaseLogger,
  ) {}

  async run(source: HarvestSource, run: HarvestRun): Promise<HarvestRun> {
    const report = new RunReport();
    const target: MirrorTarget = { sourceId: source.id, sourceName: source.name, ownerOrg: source.ownerOrg };
    const actor: Actor = { id: null, label: `harvest:${source.name}`, ip: null };
    let failure: string | null = null;
    try {
      const objects = await this.repo.objects(source.id);
      const vocabulary = await this.mirror.vocabulary();
      const seen = await this.#mirrorAll(source, run, report, { objects, target, vocabulary, actor });
      await this.#deleteGone(source, objects, seen, report, actor);
    } catch (error) {
      failure = problemMessage(error);
      this.logger.warn({ err: error, source: source.name }, 'harvest run failed');
    }
    const status = failure ? 'failed' : report.counts.failed > 0 ? 'partial' : 'succeeded';
    await this.repo.finishRun(run, report.counts, report.problems, { status, error: failure });
    return (await this.repo.findRun(run.id)) ?? run;
  }

  async #mirrorAll(
    source: HarvestSource,
    run: HarvestRun,
    report: RunReport,
    context: {
      objects: Map<string, HarvestObject>;
      target: MirrorTarget;
      vocabulary: MirrorVocabulary;
      actor: Actor;
    },
  ): Promise<Set<string>> {
    const seen = new Set<string>();
    for await (const item of this.readers[source.type]({
      url: source.url,
      sourceOrganization: source.sourceOrganization,
    })) {
      const remoteId = item.kind === 'record' ? item.record.remoteId : item.remoteId;
      if (seen.has(remoteId)) continue;
      seen.add(remoteId);
      if (item.kind === 'invalid') report.fail(item.remoteId, item.title, item.message);
      else {
        try {
          report.counts[await this.#apply(item.record, context)] += 1;
        } catch (error) {
          report.fail(remoteId, item.record.title, problemMessage(error));
        }
      }
      // Progress for the console, and a sign of life that keeps the source's lease.
      await this.repo.saveProgress(run.id, report.counts, report.problems);
      await this.repo.renewLease(source.id, RUN_LEASE_SECONDS);
    }
    return seen;
  }

  async #apply(
    record: HarvestRecord,
    context: {
      objects: Map<string, HarvestObject>;
      target: MirrorTarget;
      vocabulary: MirrorVocabulary;
      actor: Actor;
    },
  ): Promise<Outcome> {
    const { objects, target, vocabulary, actor } = context;
    const hash = recordHash(record, { ownerOrg: target.ownerOrg, source: target.sourceName });
    const known = objects.get(record.remoteId);
    const state = known ? await this.mirror.state(known.datasetId) : undefined;
    if (known && state !== undefined) {
      if (known.contentHash === hash && state === 'active') return 'unchanged';
      await this.mirror.update(known.datasetId, record, target, vocabulary, actor);
      await this.repo.saveObject(target.sourceId, record.remoteId, known.datasetId, hash, record.remoteUrl);
      return 'updated';
    }
    const datasetId = await this.mirror.create(record, target, vocabulary, actor);
    await this.repo.saveObject(target.sourceId, record.remoteId, datasetId, hash, record.remoteUrl);
    return 'created';
  }

  async #deleteGone(
    source: HarvestSource,
    objects: Map<string, HarvestObject>,
    seen: Set<string>,
    report: RunReport,
    actor: Actor,
  ): Promise<void> {
    for (const [remoteId, object] of objects) {
      if (seen.has(remoteId)) continue;
      try {
        if (await this.mirror.delete(object.datasetId, actor)) report.counts.deleted += 1;
        if (object.contentHash !== null) await this.repo.forgetHash(source.id, remoteId);
      } catch (error) {
        report.fail(remoteId, remoteId, problemMessage(error));
      }
    }
  }
}
