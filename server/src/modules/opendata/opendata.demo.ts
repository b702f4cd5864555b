import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { systemActor } from '../../platform/audit/audit';
import type { Viewer } from './catalog/catalog.access';
import type { Catalog } from './catalog/catalog';
import { factDatasets } from './demo/demo-facts';
import { sampleDatasets } from './demo/demo-samples';
import { demoGroups, type DemoDataset } from './demo/demo.types';

const systemViewer: Viewer = { userId: null, isSysadmin: true, editableOrgs: 'all' };

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

async function loadGroups(catalog: Catalog): Promise<void> {
  for (const group of demoGroups) {
    if (await catalog.groups.repo.find(group.name)) continue;
    await catalog.groups.create(systemViewer, systemActor, {
      name: group.name,
      title: group.title,
      title_en: group.titleEn,
      description: group.description,
    });
  }
}

async function uploadCsv(
  catalog: Catalog,
  datasetId: string,
  demo: DemoDataset,
  folder: string,
): Promise<void> {
  const file = path.join(folder, demo.csv.fileName);
  const content = toCsv(demo.csv.header, demo.csv.rows);
  await fs.writeFile(file, content, 'utf8');
  await catalog.resources.create(
    systemViewer,
    systemActor,
    {
      package_id: datasetId,
      name: demo.csv.fileName,
      description: demo.isSample ? 'Dữ liệu mẫu / Generated sample' : demo.title,
      format: 'CSV',
    },
    [
      {
        fieldName: 'upload',
        fileName: demo.csv.fileName,
        mimeType: 'text/csv',
        path: file,
        size: Buffer.byteLength(content),
      },
    ],
  );
}

async function loadDataset(catalog: Catalog, demo: DemoDataset, folder: string): Promise<boolean> {
  const agency = await catalog.agencies.findByCode(demo.org);
  if (!agency) return false;
  const dataset = await catalog.datasets.create(systemViewer, systemActor, {
    fields: {
      name: demo.name,
      title: demo.title,
      titleEn: demo.titleEn,
      notes: demo.notes,
      notesEn: demo.notesEn,
      licenseId: demo.license,
      frequency: demo.frequency,
      temporalStart: demo.temporal?.[0] ?? null,
      temporalEnd: demo.temporal?.[1] ?? null,
      spatialCoverage: '48',
      tags: [...demo.tags],
      isSample: demo.isSample,
    },
    ownerOrg: agency.id,
    groups: [...demo.groups],
  });
  await uploadCsv(catalog, dataset.id, demo, folder);
  return true;
}

/**
 * Demo catalog, loaded once into an empty catalog: the topic groups, figures with cited sources
 * (demo-facts.ts) and generated samples labelled as such (demo-samples.ts), each with a CSV file.
 * Organisations are the kernel's demo agencies; a dataset whose agency is missing is skipped.
 */
export async function loadOpendataDemo(catalog: Catalog, logger: FastifyBaseLogger): Promise<number> {
  if ((await catalog.datasets.repo.publicNames(1, 0)).length > 0) return 0;
  await loadGroups(catalog);
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'citydx-opendata-demo-'));
  let loaded = 0;
  try {
    for (const demo of [...factDatasets, ...sampleDatasets()]) {
      if (await loadDataset(catalog, demo, folder)) loaded += 1;
      else
        logger.warn(
          { dataset: demo.name, agency: demo.org },
          'opendata demo: agency missing, dataset skipped',
        );
    }
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
  return loaded;
}
