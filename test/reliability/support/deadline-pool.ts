// Runs engine jobs in worker threads, each under a time budget. A job that
// overruns is stopped by terminating its worker (V8 interrupts a running
// regular expression too), reported as a timeout, and a fresh worker takes the
// next job: a hang costs the suite its budget, never more.
import { Worker } from 'node:worker_threads';
import type { Job, JobResult, WorkerMessage } from './engine-worker.js';
import { calibrationDocument } from './hostile-documents.js';

export type Outcome = { status: 'ok'; result: JobResult } | { status: 'timeout'; budgetMs: number } | { status: 'crashed'; error: string };

interface Pending {
  job: Job;
  budgetMs: number;
  resolve: (outcome: Outcome) => void;
}

const WORKER_URL = new URL('./engine-worker.js', import.meta.url);

class Slot {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 0;

  private start(): Promise<void> {
    // The same stack as the server's main thread (V8's default 984 kB), so deep recursion fails here exactly when it fails there.
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 4096, stackSizeMb: 984 / 1024 } });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const done = (error?: Error): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (error) {
          this.worker = null;
          reject(error);
        } else resolve();
      };
      const onMessage = (message: WorkerMessage): void => {
        if (message.type === 'ready') done();
      };
      const onError = (error: Error): void => done(error);
      const onExit = (code: number): void => done(new Error(`the worker exited with code ${code} before it was ready`));
      const timer = setTimeout(() => {
        void worker.terminate();
        done(new Error('the worker was not ready within 60 s'));
      }, 60_000);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
    });
    return this.ready;
  }

  async run(job: Job, budgetMs: number): Promise<Outcome> {
    try {
      if (!this.worker || !this.ready) await this.start();
      else await this.ready;
    } catch (error) {
      return { status: 'crashed', error: `no worker to run the job: ${error instanceof Error ? error.message : String(error)}` };
    }
    const worker = this.worker!;
    const id = this.nextId++;
    return new Promise<Outcome>((resolve) => {
      const finish = (outcome: Outcome): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(outcome);
      };
      const onMessage = (message: WorkerMessage): void => {
        if (message.type === 'result' && message.id === id) finish({ status: 'ok', result: message.result });
      };
      const onError = (error: Error): void => {
        this.worker = null;
        finish({ status: 'crashed', error: `${error.name}: ${error.message}` });
      };
      const onExit = (code: number): void => {
        this.worker = null;
        finish({ status: 'crashed', error: `the worker exited with code ${code}` });
      };
      const timer = setTimeout(() => {
        this.worker = null;
        worker.off('exit', onExit);
        void worker.terminate();
        finish({ status: 'timeout', budgetMs });
      }, budgetMs);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

/** A fixed number of workers taking jobs in order. */
export class DeadlinePool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private readonly idle: Slot[];

  constructor(size = 2) {
    this.slots = Array.from({ length: size }, () => new Slot());
    this.idle = [...this.slots];
  }

  /** Runs a job within budgetMs (measured from the moment a ready worker receives it). */
  run(job: Job, budgetMs: number): Promise<Outcome> {
    return new Promise((resolve) => {
      this.queue.push({ job, budgetMs, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const slot = this.idle.pop()!;
      const pending = this.queue.shift()!;
      void slot.run(pending.job, pending.budgetMs).then((outcome) => {
        this.idle.push(slot);
        pending.resolve(outcome);
        this.pump();
      });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.close()));
  }
}

/** "1.2 s", "340 ms". */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** One line about an outcome, for failure messages and diagnostics. */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.status === 'timeout') return `did not finish within ${formatMs(outcome.budgetMs)} (stopped)`;
  if (outcome.status === 'crashed') return `crashed the worker: ${outcome.error}`;
  const { result } = outcome;
  if (result.threw) return `threw after ${formatMs(result.ms)}: ${result.threw}`;
  return `${formatMs(result.ms)} for ${result.size.toLocaleString('en-US')} characters (${result.summary})`;
}

/**
 * How fast the engine analyses a benign document on this machine right now,
 * in milliseconds per character: the slower of one run on each of the pool's
 * workers (their first run, as every budgeted run is, with warm code).
 */
export async function calibrate(pool: DeadlinePool, workers = 2): Promise<number> {
  const text = calibrationDocument();
  // The first run on each worker warms the code up; the second is measured.
  for (let round = 0; round < 2; round++) {
    const outcomes = await Promise.all(Array.from({ length: workers }, () => pool.run({ kind: 'analyze', text }, 120_000)));
    if (round < 1) continue;
    const times = outcomes.map((outcome) => (outcome.status === 'ok' ? outcome.result.ms : Number.NaN));
    if (times.some((ms) => Number.isNaN(ms))) throw new Error(`the calibration document did not analyse: ${outcomes.map(describeOutcome).join('; ')}`);
    return Math.max(...times) / text.length;
  }
  throw new Error('unreachable');
}

/**
 * The time allowed for analysing `characters` of hostile input: 2 s, plus four
 * times what a benign document of that size takes here and now. Linear work
 * stays well inside it, even on a loaded machine; quadratic work on these sizes
 * does not.
 */
export function analysisBudgetMs(msPerCharacter: number, characters: number): number {
  return Math.round(2_000 + 4 * msPerCharacter * characters);
}
