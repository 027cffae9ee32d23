/** A test file's admin setup: a gate serving a build with the CMS, a Chromium, and pages logged in as a person. */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { adminGate, USER_HEADER, type TestGate } from './gate.ts';

export interface AdminSession {
  gate: TestGate;
  browser: Browser;
}

/** Starts both before the file's tests and removes them after; the fields are set once beforeAll has run. */
export function adminSession(): AdminSession {
  const session = {} as AdminSession;
  beforeAll(async () => {
    session.gate = await adminGate();
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.gate?.remove();
  });
  return session;
}

/**
 * /admin/ after 登录, as `person` (the login proxy's header); dialogs (leave, publish) are accepted. `blocked`
 * collects what the admin page's CSP refused, from the first load on.
 */
export async function openAdmin(
  { gate, browser }: AdminSession,
  person: string,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; blocked: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ ...options, extraHTTPHeaders: { [USER_HEADER]: person } });
  const page = await context.newPage();
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) blocked.push(m.text());
  });
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${gate.url}/admin/`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '内刊投稿' }).first().waitFor();
  return { page, blocked, close: () => context.close() };
}

/** Picks an option of a relation or select field by typing part of its Chinese label. */
export async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(option);
  await page
    .getByRole('option', { name: new RegExp(option) })
    .first()
    .click();
}
