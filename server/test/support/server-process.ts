import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILT_MAIN = path.join(serverDir, 'dist', 'main.js');

/** The newest modification time of the server's sources (what the build compiles). */
function newestSource(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? newestSource(path.join(dir, e.name)) : e.name.endsWith('.spec.ts') ? 0 : fs.statSync(path.join(dir, e.name)).mtimeMs))
    .reduce((a, b) => Math.max(a, b), 0);
}

/** Tests that run the built server say so plainly when there is no build, or an older one than the code. */
export function assertServerBuilt(): void {
  const build = 'build it first: `npm run build -w shared && npm run build -w server` (the root `npm test` does)';
  if (!fs.existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: this test runs the built server; ${build}`);
  if (newestSource(path.join(serverDir, 'src')) > fs.statSync(BUILT_MAIN).mtimeMs) throw new Error(`${BUILT_MAIN} is older than server/src: ${build}`);
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Its stdout, one parsed JSON log line each (lines that are not JSON are skipped). */
  logLines(): Record<string, unknown>[];
  output(): string;
  stop(): Promise<void>;
}

/** `node dist/main.js` as its own OS process, with only the environment given (plus PATH), answering on 127.0.0.1. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [BUILT_MAIN], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', H5_DIR: '/nonexistent', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server: ServerProcess = {
    child,
    url: `http://127.0.0.1:${port}/api`,
    logLines: () =>
      stdout.split('\n').flatMap((line) => {
        try {
          return line.startsWith('{') ? [JSON.parse(line)] : [];
        } catch {
          return [];
        }
      }),
    output: () => stdout + stderr,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server process exited with ${child.exitCode} before answering:\n${server.output()}`);
    try {
      if ((await fetch(`${server.url}/health`)).status === 200) return server;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`server process did not answer /api/health within 60 s:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs the built server to its end (for a server that must refuse to start). */
export function runServerProcess(env: Record<string, string>, timeoutMs = 20_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT_MAIN], { cwd: serverDir, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server process still running after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
