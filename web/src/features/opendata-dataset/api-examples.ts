/** The API calls the dataset page offers to copy, with this installation's real base URL. */
export interface ApiExample {
  readonly key: 'package' | 'datastore' | 'sql' | 'client';
  readonly code: string;
}

export function apiExamples(base: string, datasetName: string, resourceId: string | null): ApiExample[] {
  const examples: ApiExample[] = [
    {
      key: 'package',
      code: `curl "${base}/api/3/action/package_show?id=${encodeURIComponent(datasetName)}"`,
    },
  ];
  if (!resourceId) {
    examples.push({
      key: 'client',
      code: [
        'from ckanapi import RemoteCKAN',
        '',
        `city = RemoteCKAN("${base}")`,
        `dataset = city.action.package_show(id="${datasetName}")`,
      ].join('\n'),
    });
    return examples;
  }
  const sql = `SELECT * FROM "${resourceId}" LIMIT 5`;
  examples.push(
    {
      key: 'datastore',
      code: `curl "${base}/api/3/action/datastore_search?resource_id=${resourceId}&limit=5"`,
    },
    {
      key: 'sql',
      code: `curl -G "${base}/api/3/action/datastore_search_sql" --data-urlencode 'sql=${sql}'`,
    },
    {
      key: 'client',
      code: [
        'from ckanapi import RemoteCKAN',
        '',
        `city = RemoteCKAN("${base}")`,
        `dataset = city.action.package_show(id="${datasetName}")`,
        `rows = city.action.datastore_search(resource_id="${resourceId}", limit=5)["records"]`,
      ].join('\n'),
    },
  );
  return examples;
}
