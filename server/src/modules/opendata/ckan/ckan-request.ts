import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { CkanError, type CkanUploadedFile } from './ckan-action';

/** Largest file accepted by resource_create/update (CKAN's ckan.max_resource_size default, 100 MB). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** A body as our content-type parsers keep it: raw text, read by readParams with CKAN's rules. */
export interface RawBody {
  readonly kind: 'json' | 'form';
  readonly text: string;
}

/** A request CKAN answers with 400 and the JSON string "Bad request - <message>". */
export class BadRequest extends Error {
  override name = 'BadRequest';
}

/** CKAN's `mixed()`: a key given once is a string, given several times a list. */
function mixed(entries: Iterable<[string, string]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const previous = out[key];
    out[key] =
      previous === undefined
        ? value
        : Array.isArray(previous)
          ? [...(previous as string[]), value]
          : [previous, value];
  }
  return out;
}

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function decodeJson(text: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadRequest(
      `JSON Error: Error decoding JSON data. Error: ${describe((error as Error).message)} JSON data extracted from the request: {}`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new BadRequest(
      `JSON Error: Request data JSON decoded to ${describe(data)} but it needs to be a dictionary.`,
    );
  return data as Record<string, unknown>;
}

function fromForm(text: string): Record<string, unknown> {
  const entries = [...new URLSearchParams(text)];
  // Old clients post the JSON dict as the only key of a form (`{"id": "x"}=1`); CKAN accepts it.
  const only = entries.length === 1 ? entries[0] : undefined;
  if (only && (only[1] === '1' || only[1] === '')) return decodeJson(only[0]);
  return mixed(entries);
}

function fromQuery(query: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) out[key] = value;
  return out;
}

/** Spools a multipart request: fields become params, the file goes to a temporary folder. */
async function fromMultipart(
  request: FastifyRequest,
  folder: string,
  maxBytes: number,
): Promise<{ params: Record<string, unknown>; files: CkanUploadedFile[] }> {
  const fields: [string, string][] = [];
  const files: CkanUploadedFile[] = [];
  const parts = request.parts({ limits: { fileSize: maxBytes, files: 2, fields: 200 } });
  for await (const part of parts) {
    if (part.type === 'field') {
      fields.push([part.fieldname, typeof part.value === 'string' ? part.value : String(part.value)]);
      continue;
    }
    const target = path.join(folder, crypto.randomUUID());
    try {
      await pipeline(part.file, fs.createWriteStream(target));
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || part.file.truncated)
        throw CkanError.invalid({ upload: ['File upload too large'] });
      throw error;
    }
    const { size } = await fsp.stat(target);
    files.push({
      fieldName: part.fieldname,
      fileName: part.filename,
      mimeType: part.mimetype,
      path: target,
      size,
    });
  }
  return { params: mixed(fields), files };
}

/**
 * The action's parameters exactly as CKAN's `_get_request_data` finds them: form fields first, then
 * (for side-effect-free actions) the query string, then a JSON body; `release()` removes spooled files.
 */
export async function readParams(
  request: FastifyRequest,
  sideEffectFree: boolean,
  maxUploadBytes = MAX_UPLOAD_BYTES,
): Promise<{ params: Record<string, unknown>; files: CkanUploadedFile[]; release: () => Promise<void> }> {
  const noFiles = { files: [] as CkanUploadedFile[], release: async () => undefined };
  if (request.method === 'GET') {
    if (!sideEffectFree)
      throw new BadRequest('JSON Error: Invalid request. Please use POST method for your request');
    return { params: fromQuery(request.query), ...noFiles };
  }
  if (request.isMultipart()) {
    const folder = await fsp.mkdtemp(path.join(os.tmpdir(), 'citydx-ckan-upload-'));
    const release = () => fsp.rm(folder, { recursive: true, force: true });
    try {
      return { ...(await fromMultipart(request, folder, maxUploadBytes)), release };
    } catch (error) {
      await release();
      // A broken multipart stream is the caller's fault: busboy's errors carry no HTTP status.
      if (error instanceof CkanError || (error as { statusCode?: number }).statusCode) throw error;
      throw new BadRequest(`Multipart Error: ${(error as Error).message}`);
    }
  }
  const body = request.body as RawBody | undefined;
  if (body?.kind === 'form' && body.text.trim() !== '') return { params: fromForm(body.text), ...noFiles };
  const query = fromQuery(request.query);
  if (sideEffectFree && Object.keys(query).length > 0 && !body?.text.trim())
    return { params: query, ...noFiles };
  if (body && body.text.trim() !== '') return { params: decodeJson(body.text), ...noFiles };
  return { params: {}, ...noFiles };
}
