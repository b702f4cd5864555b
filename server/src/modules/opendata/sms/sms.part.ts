import type { FastifyPluginAsync } from 'fastify';
import type { AuditLog } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import type { NotifyApi } from '../../notify';
import type { Catalog } from '../catalog/catalog';
import type { CatalogAccess } from '../contracts';
import type { LookupRequest, LookupRow } from '../datastore';
import { SAMPLE_YEARS, sampleDatasetName } from '../demo/demo-samples';
import { answerDatasetQuestion, DATASET_KEYWORDS, datasetKeywordHelp } from './dataset-questions';
import { SmsAnswersRepo } from './sms-answers.repo';
import { smsAnswersRoutes } from './sms-answers.routes';
import { SmsAnswersService } from './sms-answers.service';
import { findPublicDatasets } from './sms-queries';
import { datasetShortLink, shortLinkRoutes } from './short-links.routes';

export interface SmsPartDeps {
  readonly catalog: Catalog;
  readonly db: Db;
  readonly audit: AuditLog;
  readonly access: CatalogAccess;
  readonly lookup: (request: LookupRequest) => Promise<LookupRow[] | undefined>;
  /** notify's inbound router; absent in tests that build the module alone. */
  readonly inbound?: Pick<NotifyApi, 'registerInboundKeyword'>;
}

// The latest year of the demo's generated population table.
const DEMO_DATASET = sampleDatasetName('dan-so-theo-phuong-xa', Math.max(...SAMPLE_YEARS));

/**
 * "DL dân số <phường>" answered from the demo's population table (a labelled sample), registered directly:
 * its DataStore table is still loading when the demo runs, which the API's column check would refuse.
 */
async function loadSmsDemo(catalog: Catalog, db: Db, repo: SmsAnswersRepo): Promise<void> {
  const head = await catalog.datasets.repo.findHead(DEMO_DATASET);
  const [dataset] = head ? await catalog.datasets.repo.loadMany([head.id]) : [];
  const resource = dataset?.resources[0];
  if (!resource || (await repo.findByTopic('dan so'))) return;
  await repo.insert(db, {
    topic: 'dan so',
    resourceId: resource.id,
    matchField: 'phuong_xa',
    valueField: 'dan_so',
    unit: 'người',
    label: 'Dân số theo phường, xã (dữ liệu mẫu)',
    labelEn: 'Population by ward and commune (generated sample)',
  });
}

/**
 * Open data by SMS and Zalo: the keyword DL (notify's inbound router) answers with a DataStore value when
 * a publisher registered one for the question's topic, else with the best matching datasets and their
 * short links (/d/<name>).
 */
export function createSmsQueries(deps: SmsPartDeps): {
  plugin: FastifyPluginAsync;
  loadDemo(): Promise<void>;
} {
  const repo = new SmsAnswersRepo(deps.db);
  const service = new SmsAnswersService({
    db: deps.db,
    audit: deps.audit,
    repo,
    access: deps.access,
    lookup: deps.lookup,
  });
  deps.inbound?.registerInboundKeyword(
    DATASET_KEYWORDS,
    (message) =>
      answerDatasetQuestion(
        {
          answers: repo,
          lookup: deps.lookup,
          findDatasets: (text, limit) => findPublicDatasets(deps.catalog, text, limit),
          datasetLink: (name) => datasetShortLink(deps.catalog.baseUrl, name),
        },
        message.argument,
      ),
    { description: datasetKeywordHelp },
  );
  return {
    plugin: async (app) => {
      await app.register(smsAnswersRoutes, { prefix: '/api/v1/opendata', answers: service });
      await app.register(shortLinkRoutes);
    },
    loadDemo: () => loadSmsDemo(deps.catalog, deps.db, repo),
  };
}
