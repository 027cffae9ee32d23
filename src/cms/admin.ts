/**
 * The admin page's own script (bundled by Astro): loads the Decap bundle from the site, teaches it the
 * portal's file formats, the pre-save step, the portal's Chinese (phrases, pickers, names for ids), the
 * preview that is the site, the body editor's table and Word paste, and image upload, then starts it with
 * /admin/config.yml. Each part lives in its own module; this file only wires them up in the order Decap
 * needs (the markdown and relation widgets are wrapped, so later wrappers take what earlier ones made).
 */
import { Temporal } from 'temporal-polyfill';
import { registerBodyEditor } from './body-editor.ts';
import { registerDailyRows } from './daily-rows.ts';
import { refusal, rememberKey, withKey } from './gate-key.ts';
import { explainFailures, watchConnection } from './connection.ts';
import { formats } from './files.ts';
import { registerImageComponent, registerImageUpload } from './image-upload.ts';
import { loadRoster, namesToday, registerNames } from './names-admin.ts';
import type { RosterLists } from './names.ts';
import { portalPhrases, type Phrases } from './locale-zh.ts';
import { keepFixed } from './markup-fixes.ts';
import { flagNewEntry, startOnForm } from './phone.ts';
import { withChineseMessages, type ControlClass } from './pickers.ts';
import { registerPreviews, type PreviewCms } from './preview.ts';
import { previewNames } from './preview-roster.ts';
import { prepareSave } from './save.ts';

/** The few parts of Decap's Immutable.js entry data that this script touches. */
interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
  toJS(): Record<string, unknown>;
}

/** A widget as Decap's registry holds it. */
interface Widget {
  control: ControlClass;
  preview?: unknown;
  schema?: unknown;
}

/** The parts of `window.CMS` used here (https://decapcms.org/docs/customization/). */
interface DecapCms extends PreviewCms {
  init(): void;
  registerCustomFormat(
    name: string,
    extension: string,
    formatter: { fromFile(text: string): object; toFile(data: Record<string, unknown>): string },
  ): void;
  registerEventListener(listener: {
    name: 'preSave';
    handler: (event: { entry: ImmutableMap }) => ImmutableMap;
  }): void;
  getLocale(locale: string): Phrases | undefined;
  registerLocale(locale: string, phrases: Phrases): void;
  getWidget(name: string): Widget | undefined;
  registerWidget(name: string, control: Widget['control'], preview?: unknown, schema?: unknown): void;
  getEditorComponents: Parameters<typeof registerImageComponent>[0]['getEditorComponents'];
  registerEditorComponent(component: object): void;
}

declare global {
  interface Window {
    CMS?: DecapCms;
    /** Tells the bundle not to start before this script has registered what it needs. */
    CMS_MANUAL_INIT?: boolean;
    /** React's createElement, which the bundle exposes for custom widgets. */
    h?: (type: unknown, props: Record<string, unknown>, ...children: unknown[]) => unknown;
  }
}

const LOCALE = 'zh_Hans';

/** Decap shows `String(error)` after “无法保存条目：”; without the “Error: ” prefix it reads as a sentence. */
class SaveRefused extends Error {
  override toString(): string {
    return this.message;
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`无法加载 ${src}`));
    document.head.append(script);
  });
}

function start(cms: DecapCms, roster: RosterLists): void {
  for (const f of formats()) cms.registerCustomFormat(f.name, f.extension, f.formatter);
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const data = entry.get('data') as ImmutableMap;
      const { set, problems } = prepareSave(
        String(entry.get('collection')),
        data.toJS(),
        entry.get('newRecord') === true,
        Temporal.Now.instant(),
      );
      if (problems.length > 0) throw new SaveRefused(problems.join('；'));
      return Object.entries(set).reduce((d, [key, value]) => d.set(key, value), data);
    },
  });
  cms.registerLocale(LOCALE, portalPhrases(cms.getLocale(LOCALE) ?? {}));
  registerImageComponent(cms);
  for (const name of ['relation', 'select']) {
    const widget = cms.getWidget(name);
    if (widget && window.h) {
      const control = withChineseMessages(widget.control, window.h);
      cms.registerWidget(name, control, widget.preview, widget.schema);
    }
  }
  if (window.h) registerPreviews(cms, window.h, previewNames(roster));
  registerNames(cms, namesToday(roster));
  if (window.h) registerBodyEditor(cms, window.h);
  registerDailyRows(cms);
  cms.init();
}

async function main(): Promise<void> {
  const bundle = document.body.dataset.cmsBundle;
  if (!bundle) return;
  const key = rememberKey(location, sessionStorage);
  if (location.hash.startsWith('#key=')) history.replaceState(null, '', location.pathname);
  if (key) window.fetch = withKey(window.fetch.bind(window), key, location.origin);
  window.fetch = explainFailures(window.fetch.bind(window));
  // Not logged in (no key, or a login proxy that let the request through without a user): the gate's own
  // words, rather than a form that fails at its first request.
  const refused = await refusal(window.fetch);
  if (refused) {
    document.body.textContent = refused;
    return;
  }
  startOnForm(window);
  flagNewEntry(window);
  watchConnection(window, document);
  keepFixed(document.body, localStorage);
  registerImageUpload(window);
  window.CMS_MANUAL_INIT = true;
  // Read while the bundle loads.
  const roster = loadRoster(window.fetch);
  try {
    await loadScript(bundle);
  } catch (error) {
    document.body.textContent = `投稿表单加载失败：${(error as Error).message}。请刷新页面重试，或联系管理员。`;
    return;
  }
  start(window.CMS!, await roster);
}

void main();
