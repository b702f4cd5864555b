import { readText, type ValidationErrors } from './ckan-params';

/** The resource fields a CKAN caller may set (size, hash and url_type are the platform's for uploads). */
export interface ResourceInput {
  name?: string | null;
  description?: string | null;
  url?: string;
  format?: string;
  mimetype?: string | null;
}

export function parseResource(params: Record<string, unknown>, errors: ValidationErrors): ResourceInput {
  const input: ResourceInput = {};
  const name = readText(params, 'name', errors);
  if (name !== undefined) input.name = name === '' ? null : name;
  const description = readText(params, 'description', errors);
  if (description !== undefined) input.description = description === '' ? null : description;
  const url = readText(params, 'url', errors);
  if (url !== undefined) input.url = url ?? '';
  const format = readText(params, 'format', errors);
  if (format !== undefined) input.format = (format ?? '').trim();
  const mimetype = readText(params, 'mimetype', errors);
  if (mimetype !== undefined) input.mimetype = mimetype === '' ? null : mimetype;
  if (input.url !== undefined && input.url.length > 2000) errors.add('url', 'URL is too long');
  return input;
}
