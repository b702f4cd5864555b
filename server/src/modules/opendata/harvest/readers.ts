import { ckanReader } from './ckan-reader';
import { dcatReader } from './dcat-reader';
import type { FetchLimits } from './fetch-limited';
import type { SourceType } from './harvest.tables';
import type { SourceReader } from './source-reader';

export type SourceTypeReaders = Readonly<Record<SourceType, SourceReader>>;

/** The reader of each source type, with the fetch limits of this installation. */
export function sourceReaders(limits: FetchLimits): SourceTypeReaders {
  return { ckan: ckanReader(limits), dcat: dcatReader(limits) };
}
