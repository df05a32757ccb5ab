// Browser journeys: a real server on a free port (embedded database, demo data) and Debian's
// Chromium driven by playwright-core. No browser is downloaded: CHROMIUM_PATH or /usr/bin/chromium.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig, type Config } from '../src/config.js';
import { openPlatform } from '../src/bootstrap.js';
import type { Database } from '../src/db/client.js';
import { seedDemo } from '../src/demo/seed.js';
import { buildApp } from '../src/server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** The server's database, for a test that sets up what no page can (the server's page cache aside). */
  database: Database;
  close(): Promise<void>;
}

export async function startHarness(overrides: Partial<Config> = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error(`找不到 Chromium：${CHROMIUM}（apt-get install chromium，或设置 CHROMIUM_PATH）`);
  const database = await openPlatform({ databaseUrl: null, dataDir: 'memory' });
  await seedDemo(database.db);
  const config = { ...loadConfig({}), dataDir: mkdtempSync(path.join(tmpdir(), 'gongkai-e2e-')), ...overrides };
  const app = await buildApp({ config, database }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // The machine has no network: stop Chromium from trying to reach Google's services. The pages are
    // read as by someone who prefers reduced motion: a dialog fading out or a list sliding in is not
    // what the tests are about, and under load it would sit where the next click lands.
    args: ['--force-prefers-reduced-motion', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    database,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; html: string; summary?: string }[];
}

/** A violation as axe-core reports it (what is wrong with each node is its failureSummary). */
type RawViolation = Omit<AxeViolation, 'nodes'> & { nodes: { target: string[]; html: string; failureSummary?: string }[] };

/** Runs axe-core in the page against WCAG 2.0/2.1 A and AA. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: RawViolation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })) }));
  });
}

/** The portal page at `path` passes axe (WCAG 2.1 A/AA); axe is a script, so in a script-enabled tab. */
export async function expectAccessible(h: Harness, path: string) {
  const page = await h.browser.newPage();
  await page.goto(h.baseUrl + path);
  const violations = await axeViolations(page);
  expect(violations, `${path}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  await page.close();
}
