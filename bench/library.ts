// The policy library and the document page on a large corpus, beside the same pages served as
// static files by Debian's nginx in the same run (issue #3's benchmark):
//
//   DATA_DIR=/tmp/gk-bench npx tsx bench/generate-documents.ts 100000
//   DATA_DIR=/tmp/gk-bench npx tsx bench/library.ts
//
// BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 10) as in bench/http.ts. Needs `nginx`
// on the PATH (apt-get install nginx-light). Runs as the current user; nginx writes only under a
// temporary prefix.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 10);
const appPort = 3992;
const nginxPort = 3993;
const app = `http://127.0.0.1:${appPort}`;
const prefix = mkdtempSync(path.join(tmpdir(), 'gongkai-nginx-'));

const server = spawn(process.execPath, [path.resolve('bin/gongkai.mjs'), 'serve'], {
  env: { ...process.env, PORT: String(appPort), LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let nginx: ReturnType<typeof spawn> | undefined;

async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

async function run(name: string, url: string) {
  const r = await autocannon({ url, connections, duration: seconds });
  return { name, rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors + r.non2xx };
}

try {
  await waitFor(`${app}/readyz`);
  // A document deep in the corpus, and a library page with filters, as a visitor would ask.
  const libraryPath = '/zfxxgk/zcwjk?docType=normative&validity=in_force&page=20';
  const library = await (await fetch(app + libraryPath)).text();
  const total = library.match(/共 (\d+) 件/)?.[1] ?? '?';
  const docId = Number(library.match(/href="\/zfxxgk\/wj\/(\d+)"/)?.[1]);
  const documentPath = `/zfxxgk/wj/${docId}`;
  const documentHtml = await (await fetch(app + documentPath)).text();

  const root = path.join(prefix, 'html');
  mkdirSync(path.join(prefix, 'logs'), { recursive: true });
  mkdirSync(root, { recursive: true });
  // nginx's workers run as an unprivileged user when started as root: let them read the pages.
  chmodSync(prefix, 0o755);
  writeFileSync(path.join(root, 'library.html'), library);
  writeFileSync(path.join(root, 'document.html'), documentHtml);
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  client_body_temp_path ${prefix}/tmp; proxy_temp_path ${prefix}/tmp; fastcgi_temp_path ${prefix}/tmp; uwsgi_temp_path ${prefix}/tmp; scgi_temp_path ${prefix}/tmp;
  server { listen 127.0.0.1:${nginxPort}; root ${root}; }
}
`,
  );
  const check = spawnSync('nginx', ['-t', '-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx config: ${check.stderr}`);
  nginx = spawn('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: 'ignore' });
  await waitFor(`http://127.0.0.1:${nginxPort}/library.html`);

  const rows = [
    await run(`policy library \`${libraryPath}\` (${total} matches)`, app + libraryPath),
    await run('policy library, first page, no filter', `${app}/zfxxgk/zcwjk`),
    await run(`document page \`${documentPath}\``, app + documentPath),
    await run('nginx: the library page as a static file', `http://127.0.0.1:${nginxPort}/library.html`),
    await run('nginx: the document page as a static file', `http://127.0.0.1:${nginxPort}/document.html`),
  ];
  console.log(`\n${seconds} s per URL, ${connections} connections, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}\n`);
  console.log('| target | requests/s | p99 ms | errors |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.rps} | ${r.p99} | ${r.errors} |`);
} finally {
  nginx?.kill('SIGQUIT');
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(prefix, { recursive: true, force: true });
}
