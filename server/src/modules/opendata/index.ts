/**
 * The `opendata` module's public door: other code imports only from here.
 * @packageDocumentation
 */
export {
  createOpendataModule,
  type DatastoreFactory,
  type DatastoreParts,
  type OpendataApi,
  type OpendataOptions,
} from './opendata.module';
export type { CatalogAccess, DatastoreHooks } from './contracts';
export type { CkanAction, CkanActionContext, CkanUploadedFile } from './ckan/ckan-action';
export { CkanError } from './ckan/ckan-action';
