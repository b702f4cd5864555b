import { CkanError } from '../ckan/ckan-action';
import type { Viewer } from './catalog.access';
import type { Extra } from './catalog.model';

/** Extras a harvested dataset carries (CKAN harvester's names): where it came from. */
export const harvestExtraKeys = {
  source: 'harvest_source',
  sourceId: 'harvest_source_id',
  url: 'harvest_url',
  originalId: 'harvest_original_id',
} as const;

/**
 * The harvester's viewer: it writes mirrored datasets of any organisation and is the only caller
 * that may change them (compared by identity, so no request can pose as it).
 */
export const harvestViewer: Viewer = Object.freeze({
  userId: null,
  isSysadmin: true,
  editableOrgs: 'all',
});

/**
 * A harvested dataset mirrors another portal: a local edit would be overwritten by the next run, so
 * local editors are refused with a message saying where to change it.
 */
export function assertNotHarvested(viewer: Viewer, dataset: { readonly extras: readonly Extra[] }): void {
  if (viewer === harvestViewer) return;
  const source = dataset.extras.find((extra) => extra.key === harvestExtraKeys.source);
  if (!source) return;
  const url = dataset.extras.find((extra) => extra.key === harvestExtraKeys.url)?.value;
  throw CkanError.denied(
    `this dataset is harvested from "${source.value}"${url ? ` (${url})` : ''}; change it at its source`,
  );
}
