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
  /** The file behind a path the entry names: for an image not yet published, a blob: URL in the browser. */
  getAsset?: (path: string) => unknown;
  /** The preview iframe's document. */
  document?: Document;
}

export interface PreviewCms {
  registerPreviewStyle(style: string, options?: { raw?: boolean }): void;
  registerPreviewTemplate(collection: string, component: (props: PreviewProps) => unknown): void;
}

/** How a template shows the entry's images: paths and rendered HTML, mapped for this draft. */
interface Images {
  path(path: string): string;
  html(html: string): string;
}

/**
 * The entry's images as the preview can show them: an image uploaded into this draft is not on the site until
 * the entry is published, so its /uploads/ path is swapped for the blob: URL Decap holds for it. Published
 * images keep their path.
 */
export function draftImages(getAsset: PreviewProps['getAsset']): Images {
  const path = (p: string) => {
    const url = getAsset && p.startsWith('/uploads/') ? String(getAsset(p) ?? '') : '';
    return url.startsWith('blob:') ? url : p;
  };
  return {
    path,
    html: (html) =>
      html.replace(
        /(<img\b[^>]*?\bsrc=")(\/uploads\/[^"]+)"/g,
        (_, start: string, src: string) => `${start}${path(src)}"`,
      ),
  };
}

/** One template per submission collection: the form's data → the view → the page's markup. */
function templates(names: PreviewNames, h: CreateElement) {
  return {
    articles: (data: Record<string, unknown>, images: Images) => {
      const view = articleView(data, names, Temporal.Now.instant());
      return articleMarkup(h, {
        ...view,
        body: images.html(view.body),
        ...(view.cover ? { cover: images.path(view.cover) } : {}),
      });
    },
    meetings: (data: Record<string, unknown>, images: Images) => {
      const view = meetingView(data, names);
      return meetingMarkup(h, { ...view, memo: images.html(view.memo) });
    },
    reports: (data: Record<string, unknown>, images: Images) => {
      const view = reportView(data, names);
      return reportMarkup(h, { ...view, body: images.html(view.body) });
    },
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
    cms.registerPreviewTemplate(collection, ({ entry, document, getAsset }) => {
      // Decap's iframe has no language: the site's Chinese typography (着重号, quotes) keys on :lang(zh).
      if (document) document.documentElement.lang = 'zh-CN';
      return render(entry.get('data').toJS(), draftImages(getAsset));
    });
  }
}
