/**
 * Open Grond as a child process: `node bin/opengrond.js start` on a given port, ready once
 * `GET /health` answers 200 `{"status":"ok"}`, stopped with SIGTERM (SIGKILL if it does not
 * exit within 10 s). Its output is kept (the last 400 lines) to show when it fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from './suite.ts';

export interface ServerStart {
  port: number;
  host?: string;
  /** PostgreSQL URL, or `memory` for the embedded in-memory database. */
  database: string;
  clientsFile: string;
  /** `--verwerkingsactiviteiten FILE`: the register of processing activities (clients.ts writeRegisterFile). */
  registerFile?: string;
  /** Where the server keeps files (document contents) with a PostgreSQL database; removed by the caller. */
  dataDir?: string;
  healthTimeoutMs?: number;
  /** Echo the server's output while it runs. */
  verbose?: boolean;
  bin?: string;
  /** Called with the child process as soon as it is spawned (to kill it if the runner dies). */
  onSpawn?: (child: ChildProcess) => void;
  /** Stops the server and the wait for it. */
  signal?: AbortSignal;
}

export interface ServerHandle {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Server settings that must not leak in from the runner's environment. */
const SERVER_ENV = ['DATABASE_URL', 'DATA_DIR', 'OPENGROND_MEMORY', 'OPENGROND_COMPONENTS', 'OPENGROND_CLIENTS', 'PUBLIC_URL', 'PORT', 'HOST', 'NOTIFICATIES_DELIVERY', 'NOTIFICATIES_CALLBACK_ALLOWLIST'];

export class ServerStartError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

export async function startServer(options: ServerStart): Promise<ServerHandle> {
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host}:${options.port}`;
  // The suite's mock endpoints, its `/callback` among them, are on loopback.
  const args = [options.bin ?? path.join(PROJECT_ROOT, 'bin', 'opengrond.js'), 'start', '--port', String(options.port), '--host', host, '--clients', options.clientsFile, '--no-seed', '--allow-loopback-callbacks'];
  args.push(...(options.database === 'memory' ? ['--memory'] : ['--database', options.database]));
  if (options.registerFile) args.push('--verwerkingsactiviteiten', options.registerFile);
  if (options.dataDir && options.database !== 'memory') args.push('--data-dir', options.dataDir);
  const env = { ...process.env };
  for (const key of SERVER_ENV) delete env[key];

  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  options.onSpawn?.(child);
  const lines: string[] = [];
  const keep = (stream: NodeJS.ReadableStream, echo: NodeJS.WritableStream) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      if (options.verbose) echo.write(chunk);
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.length > 400) lines.splice(0, lines.length - 400);
    });
    stream.on('end', () => partial && lines.push(partial));
  };
  keep(child.stdout!, process.stdout);
  keep(child.stderr!, process.stderr);
  const output = () => lines.join('\n');

  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
    child.once('error', (error) => {
      lines.push(String(error));
      exited ??= { code: null, signal: null };
      resolve();
    });
  });

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(killer);
  };

  const deadline = Date.now() + (options.healthTimeoutMs ?? 60_000);
  while (true) {
    if (options.signal?.aborted) {
      await stop();
      throw new ServerStartError('interrupted while starting the server', output());
    }
    if (exited) throw new ServerStartError(`the server exited (${exited.signal ?? `code ${exited.code}`}) before it was ready`, output());
    if (Date.now() > deadline) {
      await stop();
      throw new ServerStartError(`the server did not answer GET /health within ${Math.round((options.healthTimeoutMs ?? 60_000) / 1000)} s`, output());
    }
    if (await healthy(url)) return { url, child, output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    if (response.status !== 200) return false;
    const body = (await response.json()) as { status?: string };
    return body.status === 'ok';
  } catch {
    return false;
  }
}
