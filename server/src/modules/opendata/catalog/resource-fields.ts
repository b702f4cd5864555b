import type { ResourceInput } from '../ckan/resource.input';
import type { Resource, ResourceFields } from './catalog.model';
import { detectFormat } from './formats';

export function resourceFieldsOf(resource: Resource): ResourceFields {
  const { name, description, url, urlType, format, mimetype, size, hash, blobKey } = resource;
  return { name, description, url, urlType, format, mimetype, size, hash, blobKey };
}

/** Applies what the caller sent to a link (non-upload) resource, filling format from the URL. */
export function linkFields(base: ResourceFields, input: ResourceInput): ResourceFields {
  // A client that sends back resource_show's download URL keeps the uploaded file.
  const echoesUpload =
    base.urlType === 'upload' &&
    input.url !== undefined &&
    input.url.endsWith(`/download/${encodeURIComponent(base.url)}`);
  const url = echoesUpload ? base.url : (input.url ?? base.url);
  const urlChanged = url !== base.url;
  const keepsUpload = base.urlType === 'upload' && !urlChanged;
  const detected = detectFormat(url, input.mimetype ?? base.mimetype);
  return {
    name: input.name !== undefined ? input.name : base.name,
    description: input.description !== undefined ? input.description : base.description,
    url,
    urlType: keepsUpload ? 'upload' : null,
    format: input.format || (urlChanged || !base.format ? detected.format : base.format),
    mimetype: input.mimetype !== undefined ? input.mimetype : urlChanged ? detected.mimetype : base.mimetype,
    size: keepsUpload ? base.size : null,
    hash: keepsUpload ? base.hash : '',
    blobKey: keepsUpload ? base.blobKey : null,
  };
}

export const blankResource: ResourceFields = {
  name: null,
  description: null,
  url: '',
  urlType: null,
  format: '',
  mimetype: null,
  size: null,
  hash: '',
  blobKey: null,
};
