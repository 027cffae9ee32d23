/**
 * Debian's Chromium driven by playwright-core (no browser download), against `astro preview` of a built site.
 * Screenshots go to test-results/ for a person to look at.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { MESSAGES } from '../../src/search/view.ts';

export const SCREENSHOTS = 'test-results/screenshots';

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Preview {
  url: string;
  stop(): void;
}

/** Serves a built site on a free loopback port with `astro preview`, resolving once it answers. */
export async function preview(outDir: string, port: number): Promise<Preview> {
  const child: ChildProcess = spawn(
    'npx',
    // --ignore-lock: several test files (and engineers) may each serve a build of this project at once.
    ['astro', 'preview', '--ignore-lock', '--outDir', outDir, '--port', String(port), '--host', '127.0.0.1'],
    {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
      detached: true,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/`)).ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`astro preview did not answer on ${url}`);
}

export interface SampleSite {
  browser: Browser;
  server: Preview;
}

/**
 * The built sample site (from the build project's global setup) served on `port`, and a browser to look at it,
 * for the test file that calls this at its top level; both are closed after the file's tests.
 */
export function useSampleSite(port: number): SampleSite {
  const site = {} as SampleSite;
  beforeAll(async () => {
    const sample = inject('sample');
    expect(sample.status, sample.output).toBe(0);
    site.server = await preview(sample.outDir, port);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    site.server?.stop();
  });
  return site;
}

/** Waits until a search page has answered, and fails with what it said when it could not search. */
export async function waitForSearch(page: Page): Promise<void> {
  await page.waitForFunction((failed) => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return /找到|没有找到/.test(status) || status === failed;
  }, MESSAGES.failed);
  expect(await page.locator('#search-status').textContent()).not.toBe(MESSAGES.failed);
}
