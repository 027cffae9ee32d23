/**
 * The admin page's side of image uploads, without touching Decap's code:
 *
 * - A photo picked in Decap's media library is scaled down in the browser first (longest side
 *   IMAGE_LIMITS.scaleTo, JPEG or WebP at IMAGE_LIMITS.quality; re-encoding also drops the camera's EXIF data,
 *   location included). The page catches the file input's `change` before Decap's React handler does,
 *   replaces the chosen file with the scaled one and lets the event go on.
 * - The scaled file gets a neutral ASCII name (`img-<8 hex>.jpg`): Decap's ASCII file-name rule would turn a
 *   Chinese name into dashes. The author's own name is remembered and sent to the gate with the save
 *   (`assetNames` beside Decap's `assets`), which makes it the image's alt text and gives the file its real
 *   name (src/gate/media-api.ts). The gate checks everything again: this module only saves bandwidth and
 *   keeps the author's words.
 */
import { IMAGE_LIMITS } from '../model/media.ts';

const API = '/api/v1';

/** Scaled file name → the author's own file name. */
const originals = new Map<string, string>();

/** Change events this module dispatched itself, which Decap must see. */
const ours = new WeakSet<Event>();

function randomHex(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

/** The size that fits `limit` on the longest side, never larger than the original. */
export function fitted(width: number, height: number, limit: number): { width: number; height: number } {
  const scale = Math.min(1, limit / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The photo scaled and re-encoded, or the file itself when the browser cannot read it as an image. */
async function scaled(file: File): Promise<File> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file; // Not an image this browser reads: the gate will say so in Chinese.
  }
  const { width, height } = fitted(bitmap.width, bitmap.height, IMAGE_LIMITS.scaleTo);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  // Photos as JPEG; screenshots and graphics (PNG, WebP) as WebP, which keeps sharp edges small. A browser
  // that cannot write WebP gives PNG, and the name follows what it gave.
  const type = file.type === 'image/jpeg' ? 'image/jpeg' : 'image/webp';
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, type, IMAGE_LIMITS.quality),
  );
  if (!blob) return file;
  const ext = { 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/png': 'png' }[blob.type] ?? 'jpg';
  const name = `img-${randomHex()}.${ext}`;
  originals.set(name, file.name);
  return new File([blob], name, { type: blob.type });
}

/** Catches a file input's change, swaps in the scaled files, and passes the change on to Decap. */
function onChange(event: Event): void {
  const input = event.target;
  if (ours.has(event) || !(input instanceof HTMLInputElement) || input.type !== 'file') return;
  const files = [...(input.files ?? [])];
  if (files.length === 0) return;
  event.stopImmediatePropagation();
  void (async () => {
    const list = new DataTransfer();
    for (const file of files) list.items.add(await scaled(file));
    input.files = list.files;
    const again = new Event('change', { bubbles: true });
    ours.add(again);
    input.dispatchEvent(again);
  })();
}

/** Adds `assetNames` (each asset's original file name) to a persistEntry request body. */
export function withAssetNames(body: string, names: ReadonlyMap<string, string>): string {
  if (!body.includes('"persistEntry"')) return body;
  const request = JSON.parse(body) as { action?: string; params?: { assets?: { path?: unknown }[] } };
  const assets = request.params?.assets;
  if (request.action !== 'persistEntry' || !Array.isArray(assets) || assets.length === 0) return body;
  const assetNames: Record<string, string> = {};
  for (const { path } of assets) {
    const original = typeof path === 'string' ? names.get(path.slice(path.lastIndexOf('/') + 1)) : undefined;
    if (original && typeof path === 'string') assetNames[path] = original;
  }
  return JSON.stringify({ ...request, params: { ...request.params, assetNames } });
}

/** `fetch` that tells the gate the original names of the images a save carries. */
function withNames(fetch: typeof window.fetch, origin: string): typeof window.fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), origin);
    if (url.origin !== origin || url.pathname !== API || typeof init?.body !== 'string')
      return fetch(input, init);
    return fetch(input, { ...init, body: withAssetNames(init.body, originals) });
  };
}

/** Installs both on the admin page; call once, before Decap starts. */
export function registerImageUpload(win: Window & typeof globalThis): void {
  win.addEventListener('change', onChange, true);
  win.fetch = withNames(win.fetch.bind(win), win.location.origin);
}

/** An editor component as Decap's registry keeps it: its fields as an Immutable.js list. */
interface EditorComponent {
  id: string;
  label: string;
  fields: { toJS(): { name: string; label: string; [option: string]: unknown }[] };
  [key: string]: unknown;
}

/** The Chinese labels of the body's image component (Decap's own are English), and what each asks for. */
const IMAGE_FIELDS: Readonly<Record<string, { label: string; hint?: string; choose_url?: false }>> = {
  image: { label: '图片', choose_url: false },
  alt: { label: '图片说明', hint: '读屏软件读给看不见图片的人听；留空则用照片原来的文件名。' },
  title: { label: '悬停提示（可不填）' },
};

/**
 * Decap's image component for the Markdown body, registered again under the same id with Chinese labels
 * and without "insert from URL" (the site's CSP would block a remote image).
 */
export function registerImageComponent(cms: {
  getEditorComponents(): { get(id: string): EditorComponent | undefined };
  registerEditorComponent(component: object): void;
}): void {
  const image = cms.getEditorComponents().get('image');
  if (!image) return;
  const fields = image.fields.toJS().map((f) => ({ ...f, ...IMAGE_FIELDS[f.name] }));
  cms.registerEditorComponent({ ...image, label: '图片', fields });
}
