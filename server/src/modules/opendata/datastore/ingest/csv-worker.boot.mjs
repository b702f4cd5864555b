// Entry of the CSV worker thread. The server runs TypeScript through tsx, whose loader hooks do not
// reach worker threads on Node 20: this plain module registers them in the worker, then loads the entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
