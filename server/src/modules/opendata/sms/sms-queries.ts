import { anonymousViewer } from '../catalog/catalog.access';
import type { Catalog } from '../catalog/catalog';
import type { FoundDataset } from './dataset-questions';

/** The public datasets best matching `text`, in rank order (what an anonymous package_search returns). */
export async function findPublicDatasets(
  catalog: Catalog,
  text: string,
  limit: number,
): Promise<FoundDataset[]> {
  const found = await catalog.search.search({
    text,
    filters: [],
    viewer: anonymousViewer,
    visibility: { includePrivate: false, includeDrafts: false },
    sort: [{ field: 'score', descending: true }],
    rows: limit,
    start: 0,
  });
  const datasets = new Map((await catalog.datasets.repo.loadMany(found.ids)).map((d) => [d.id, d]));
  return found.ids.flatMap((id) => {
    const dataset = datasets.get(id);
    return dataset ? [{ name: dataset.name, title: dataset.title, titleEn: dataset.titleEn }] : [];
  });
}
