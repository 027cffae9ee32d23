/**
 * A preview that is the site: Decap's preview pane shows an entry of 内刊投稿, 会议纪要 or 工作汇报 as its page
 * will, with the build's Markdown renderer and sanitiser (bundled into this script: marked and sanitize-html
 * run in the browser as they do in the build) and the site's own stylesheet in the preview's iframe.
 */
import { Temporal } from 'temporal-polyfill';
// The site's stylesheet as a file of its own: Vite emits it under /_astro/ and gives its URL, which the
// admin page's CSP allows ('self'); the pages' inline <style> could not be (CSP hashes).
import siteStylesheet from '../styles/global.css?url';
import { articleMarkup, meetingMarkup, reportMarkup, type CreateElement } from './preview-markup.ts';
import { articleView, meetingView, reportView, type PreviewNames } from './preview-view.ts';

/** What Decap passes a preview template (https://decapcms.org/docs/customization/). */
interface PreviewProps {
  entry: { get(key: 'data'): { toJS(): Record<string, unknown> } };
  /** The preview iframe's document. */
  document?: Document;
}

export interface PreviewCms {
  registerPreviewStyle(style: string, options?: { raw?: boolean }): void;
  registerPreviewTemplate(collection: string, component: (props: PreviewProps) => unknown): void;
}

/** One template per submission collection: the form's data → the view → the page's markup. */
function templates(names: PreviewNames, h: CreateElement) {
  return {
    articles: (data: Record<string, unknown>) =>
      articleMarkup(h, articleView(data, names, Temporal.Now.instant())),
    meetings: (data: Record<string, unknown>) => meetingMarkup(h, meetingView(data, names)),
    reports: (data: Record<string, unknown>) => reportMarkup(h, reportView(data, names)),
  };
}

/**
 * Registers the site's stylesheet and the three templates. `names` are the roster lookups
 * (src/cms/preview-roster.ts `previewNames`, over the roster the admin reads once from the gate).
 */
export function registerPreviews(
  cms: PreviewCms,
  createElement: NonNullable<Window['h']>,
  names: PreviewNames,
): void {
  // The bundle's createElement is React's: it takes children after the props, and null props.
  const h = createElement as CreateElement;
  cms.registerPreviewStyle(siteStylesheet);
  for (const [collection, render] of Object.entries(templates(names, h))) {
    cms.registerPreviewTemplate(collection, ({ entry, document }) => {
      // Decap's iframe has no language: the site's Chinese typography (着重号, quotes) keys on :lang(zh).
      if (document) document.documentElement.lang = 'zh-CN';
      return render(entry.get('data').toJS());
    });
  }
}
