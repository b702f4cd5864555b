import { useQuery } from '@tanstack/react-query';
import { api, ApiError, networkError, requestHeaders } from '../../lib/api';
import { ckanAction, ckanResult } from '../opendata/ckan';
import { opendataKey } from '../opendata/opendata.api';
import type { CkanPackage, CkanResource } from '../opendata/opendata.types';

/** A package dict as package_create / package_patch take it. */
export type PackageInput = Readonly<Record<string, unknown>>;

export function createPackage(input: PackageInput): Promise<CkanPackage> {
  return ckanAction('package_create', input, { method: 'POST' });
}

export function patchPackage(id: string, changes: PackageInput): Promise<CkanPackage> {
  return ckanAction('package_patch', { ...changes, id }, { method: 'POST' });
}

export function deletePackage(id: string): Promise<null> {
  return ckanAction('package_delete', { id }, { method: 'POST' });
}

export function deleteResource(id: string): Promise<null> {
  return ckanAction('resource_delete', { id }, { method: 'POST' });
}

export interface UploadInput {
  readonly packageId: string;
  readonly file: File;
  readonly name: string;
  readonly format: string;
  readonly description: string;
}

/**
 * resource_create with the file in the multipart field `upload`. XMLHttpRequest rather than fetch:
 * only it reports how much of the body has been sent (`upload.onprogress`), for the progress bar.
 */
export function uploadResource(
  input: UploadInput,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<CkanResource> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/3/action/resource_create');
    for (const [name, value] of Object.entries(requestHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      try {
        resolve(ckanResult<CkanResource>(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('package_id', input.packageId);
    form.append('name', input.name);
    form.append('format', input.format);
    form.append('description', input.description);
    form.append('upload', input.file, input.file.name);
    xhr.send(form);
  });
}

/** The latest DataStore load of a file (server: datastore/ingest/load.presenter.ts). */
export interface LoadReport {
  readonly id: string;
  readonly resourceId: string;
  readonly status: 'queued' | 'running' | 'succeeded' | 'failed' | 'superseded';
  readonly phase: string | null;
  readonly progress: number | null;
  readonly rowsDone: number;
  readonly bytesDone: number;
  readonly bytesTotal: number | null;
  readonly encoding: string | null;
  readonly fields: readonly { readonly id: string; readonly type: string }[] | null;
  readonly errorCount: number;
  readonly errors: readonly {
    readonly line: number | null;
    readonly field: string | null;
    readonly code: string;
    readonly message: string;
  }[];
  readonly message: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

export function isLoading(load: LoadReport | null | undefined): boolean {
  return load?.status === 'queued' || load?.status === 'running';
}

/** The load report, or null when the file was never queued (not tabular, or loaded before tracking). */
async function fetchLoad(resourceId: string): Promise<LoadReport | null> {
  try {
    return await api<LoadReport>(`/api/v1/opendata/datastore/loads/${encodeURIComponent(resourceId)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Polls every 1.5 s while the file is queued or loading, then stops. */
export function useLoad(resourceId: string) {
  return useQuery({
    queryKey: [...opendataKey, 'load', resourceId],
    queryFn: () => fetchLoad(resourceId),
    refetchInterval: (query) => (isLoading(query.state.data) ? 1500 : false),
    staleTime: 0,
  });
}
