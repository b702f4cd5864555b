import type { HarvestRecord } from './harvest-record';

/** What a run needs to know about its source to read it. */
export interface SourceToRead {
  readonly url: string;
  readonly sourceOrganization: string | null;
}

/**
 * One dataset found on a source: a record to mirror, or why this dataset cannot be (the run goes on).
 * A reader throws only when the source itself cannot be read; then nothing is deleted locally.
 */
export type ReadItem =
  | { readonly kind: 'record'; readonly record: HarvestRecord }
  | { readonly kind: 'invalid'; readonly remoteId: string; readonly title: string; readonly message: string };

export type SourceReader = (source: SourceToRead) => AsyncGenerator<ReadItem>;
