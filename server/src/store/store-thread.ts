import { Worker } from 'node:worker_threads';

/**
 * Starts one of the SQLite store's threads (`sqlite-writer-thread`,
 * `sqlite-checkpointer-thread`): the built .js beside this file in dist, or
 * the .ts beside the source when tests run through tsx.
 */
export function startStoreThread(name: string, workerData: unknown): Worker {
  const self = new URL(import.meta.url);
  const fromSource = self.pathname.endsWith('.ts');
  const file = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, self);
  if (!fromSource) return new Worker(file, { workerData });
  // On Node 20 a worker does not inherit the loader hooks of `--import tsx`,
  // so the thread registers tsx itself before it imports the .ts entry.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
