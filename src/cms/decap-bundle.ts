/**
 * The Decap CMS bundle as npm installed it (node_modules/decap-cms/dist): what the site ships of it, and the
 * hashes its inline styles need under the admin page's CSP. It is copied into the build, never committed
 * and never fetched from a CDN.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** URL path of the bundle on the site. */
export const BUNDLE_URL = '/admin/decap/';
/** The entry script; it loads its numbered chunks and .wasm files from its own folder. */
export const BUNDLE_ENTRY = 'decap-cms.js';

/** The bundle's folder, as resolved from the project at `root` (the folder holding package.json). */
export function bundleDir(root: string): string {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve('decap-cms/package.json')), 'dist');
}

/**
 * The files to ship: the entry, its chunks, its WebAssembly and its licence notice. Source maps (50 MB) and
 * the `cms.js` copy of the same bundle stay behind.
 */
export function bundleFiles(dir: string): string[] {
  const shipped = /^(decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|decap-cms\.js\.LICENSE\.txt)$/;
  return readdirSync(dir)
    .filter((f) => shipped.test(f))
    .sort();
}

/**
 * The beginnings of the CSS that the bundle puts into <style> elements as text (react-toastify's styles for
 * the notices, and the unused Uploadcare dialog's), as they appear in its source.
 */
const INJECTED_CSS = [':root{--toastify-color-light', '\\n.uploadcare-tab-effects--crops'];

/** The text of the single-quoted string literal that starts with `anchor`, unescaped. */
function literalAt(source: string, anchor: string): string | undefined {
  const start = source.indexOf(`'${anchor}`);
  if (start < 0) return undefined;
  let text = '';
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "'") return text;
    if (ch !== '\\') {
      text += ch;
      continue;
    }
    const next = source[++i]!;
    text += next === 'n' ? '\n' : next === 't' ? '\t' : next;
  }
  return undefined;
}

export type Sha256 = `sha256-${string}`;

const sha256 = (text: string): Sha256 =>
  `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/**
 * CSP hashes for the bundle's inline styles, so that the admin page needs no 'unsafe-inline':
 *
 * - the empty string: emotion (Decap's CSS-in-JS) creates empty <style> elements and fills them through the
 *   CSSOM, which CSP does not restrict;
 * - the two stylesheets the bundle injects as text (see INJECTED_CSS).
 *
 * `missing` names any of those that a new Decap version no longer contains: its styles are then blocked
 * (the CMS test that counts CSP violations fails) and INJECTED_CSS needs updating.
 */
export function inlineStyleHashes(dir: string): { hashes: Sha256[]; missing: string[] } {
  const source = readFileSync(join(dir, BUNDLE_ENTRY), 'utf8');
  const found = INJECTED_CSS.map((anchor) => ({ anchor, text: literalAt(source, anchor) }));
  return {
    hashes: [sha256(''), ...found.flatMap((f) => (f.text === undefined ? [] : [sha256(f.text)]))],
    missing: found.filter((f) => f.text === undefined).map((f) => f.anchor),
  };
}
