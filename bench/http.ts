// HTTP benchmark of the foundation's pages and API, run on demand: `npx tsx bench/http.ts`.
// Starts `gongkai serve --demo` as its own process on a throw-away embedded database (or on
// DATABASE_URL), then drives it with autocannon from this process, one URL at a time.
// Options: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 10).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 10);
const port = 3990;
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-bench-'));

const TARGETS = [
  { name: 'portal home (/)', path: '/' },
  { name: '公开指南 (/zfxxgk/guide)', path: '/zfxxgk/guide' },
  { name: 'working days API', path: '/api/v1/calendar/add-working-days?from=2024-09-27&days=20' },
  { name: 'healthz', path: '/healthz' },
];

const server = spawn(process.execPath, [path.resolve('bin/gongkai.mjs'), 'serve', '--demo'], {
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function waitReady() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become ready');
}

try {
  await waitReady();
  console.log(`${seconds} s per URL, ${connections} connections, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}\n`);
  console.log('| target | requests/s | p50 ms | p99 ms | errors |');
  console.log('|---|---:|---:|---:|---:|');
  for (const t of TARGETS) {
    const r = await autocannon({ url: base + t.path, connections, duration: seconds });
    console.log(`| ${t.name} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.non2xx} |`);
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
