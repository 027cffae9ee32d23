/**
 * The admin page's own script (bundled by Astro): loads the Decap bundle from the site, teaches it the
 * portal's file formats, the pre-save step and a clearer Chinese wording for pattern errors, then starts it
 * with /admin/config.yml.
 */
import { Temporal } from 'temporal-polyfill';
import { formats } from './files.ts';
import { prepareSave } from './save.ts';

/** The few parts of Decap's Immutable.js entry data that this script touches. */
interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
  toJS(): Record<string, unknown>;
}

type Phrases = Record<string, unknown>;

/** The parts of `window.CMS` used here (https://decapcms.org/docs/customization/). */
interface DecapCms {
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
}

declare global {
  interface Window {
    CMS?: DecapCms;
    /** Tells the bundle not to start before this script has registered what it needs. */
    CMS_MANUAL_INIT?: boolean;
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

/**
 * Decap's Chinese pattern error is “标题”不满足模式<message>; the model's messages say what is expected
 * (“应为 2–80 个字”), so the error reads “标题”应为 2–80 个字.
 */
function withPlainPatternErrors(phrases: Phrases): Phrases {
  const copy = structuredClone(phrases);
  const editor = copy.editor as { editorControlPane?: { widget?: Record<string, string> } } | undefined;
  const widget = editor?.editorControlPane?.widget;
  if (widget) widget.regexPattern = '“%{fieldLabel}”%{pattern}';
  return copy;
}

function start(cms: DecapCms): void {
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
  const phrases = cms.getLocale(LOCALE);
  if (phrases) cms.registerLocale(LOCALE, withPlainPatternErrors(phrases));
  cms.init();
}

async function main(): Promise<void> {
  const bundle = document.body.dataset.cmsBundle;
  if (!bundle) return;
  window.CMS_MANUAL_INIT = true;
  try {
    await loadScript(bundle);
  } catch (error) {
    document.body.textContent = `投稿表单加载失败：${(error as Error).message}。请刷新页面重试，或联系管理员。`;
    return;
  }
  start(window.CMS!);
}

void main();
