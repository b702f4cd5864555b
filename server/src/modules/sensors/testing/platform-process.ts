import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const READY = /citydx is ready in [\d.]+s/;

/**
 * `citydx start` in a child process (node --import tsx server/src/main.ts start), for tests that
 * must kill the platform for real (SIGKILL) or run a second process (the simulator) against it.
 */
export class PlatformProcess {
  #output = '';

  private constructor(private readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.#output = (this.#output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Starts the platform with `env` over the test's environment; resolves once it prints "ready". */
  static async start(env: Record<string, string>, timeoutMs = 120_000): Promise<PlatformProcess> {
    const inherited = { ...process.env };
    delete inherited.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'start'], {
      cwd: ROOT,
      env: { ...inherited, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const platform = new PlatformProcess(child);
    await platform.#waitFor(READY, timeoutMs);
    return platform;
  }

  /** What the process printed (the last 20 kB), for failure messages. */
  get output(): string {
    return this.#output;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends `signal` and resolves when the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill(signal);
    await exited;
  }

  #waitFor(pattern: RegExp, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        void this.kill();
        reject(new Error(`platform not ready in ${timeoutMs} ms:\n${this.#output}`));
      }, timeoutMs);
      const check = () => {
        if (!pattern.test(this.#output)) return;
        cleanup();
        resolve();
      };
      const exited = () => {
        cleanup();
        reject(new Error(`platform exited before it was ready:\n${this.#output}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        this.child.stdout?.off('data', check);
        this.child.off('exit', exited);
      };
      this.child.stdout?.on('data', check);
      this.child.once('exit', exited);
    });
  }
}
