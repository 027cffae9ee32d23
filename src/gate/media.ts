/**
 * Images sent to the gate, checked and named on the server (src/model/media.ts has the rules as data):
 *
 * - the kind from the first bytes (JPEG, PNG, WebP), never from the name or the browser's type;
 * - the size in bytes and in pixels, read from the image itself (image-size);
 * - the stored name made here from the date, the uploader and the bytes' hash;
 * - the Markdown that shows the image rewritten to that name, its empty alt text filled with the author's
 *   own file name.
 */
import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import {
  IMAGE_LIMITS,
  IMAGE_TYPES,
  MEDIA_FOLDER,
  mediaName,
  parseMediaName,
  PUBLIC_FOLDER,
  sniff,
  type ImageType,
  type MediaName,
} from '../model/media.ts';
import { Refusal } from './refusal.ts';

export interface CheckedImage {
  type: ImageType;
  width: number;
  height: number;
}

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** What the bytes are, or a Refusal in the author's terms (`label` names the file). */
export function checkImage(bytes: Buffer, label: string): CheckedImage {
  if (bytes.length > IMAGE_LIMITS.maxBytes)
    throw new Refusal(413, `图片 “${label}” 有 ${MB(bytes.length)}，不能超过 ${MB(IMAGE_LIMITS.maxBytes)}`);
  const type = sniff(bytes);
  if (!type) throw new Refusal(415, `“${label}” 不是 JPEG、PNG 或 WebP 图片`);
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    throw new Refusal(415, `图片 “${label}” 已损坏，无法读取尺寸`);
  }
  const { width, height } = size;
  // image-size reads the header of the kind it detects: it must agree with the magic bytes.
  if (!width || !height || (size.type === 'jpg' ? 'jpeg' : size.type) !== type)
    throw new Refusal(415, `图片 “${label}” 已损坏，无法读取尺寸`);
  const side = IMAGE_LIMITS.maxSide;
  if (width > side || height > side)
    throw new Refusal(413, `图片 “${label}” 为 ${width}×${height} 像素，长边不能超过 ${side} 像素`);
  return { type, width, height };
}

/** The stored path (below content/) of an image with these bytes, uploaded by `person` on `date`. */
export function storedName(bytes: Buffer, type: ImageType, person: string, date: string): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  return `${MEDIA_FOLDER}/${mediaName(date, person, hash, type)}`;
}

/** Whether `bytes` are what a stored name says they are: its hash and its kind. */
export function matchesName(bytes: Buffer, name: MediaName, type: ImageType): boolean {
  const hash = createHash('sha256').update(bytes).digest('hex');
  return hash.startsWith(name.hash) && IMAGE_TYPES[type].ext === name.ext;
}

/**
 * A stored image's path as the gate accepts it: exactly `content/media/<generated name>`, nothing
 * else (no `..`, no other folder, no upper case, no other extension). Returns what the name says.
 */
export function classifyMedia(path: unknown): MediaName {
  const prefix = `${MEDIA_FOLDER}/`;
  const parsed =
    typeof path === 'string' && path.startsWith(prefix) && path.length <= 200
      ? parseMediaName(path.slice(prefix.length))
      : undefined;
  if (!parsed) throw new Refusal(403, `不允许的图片路径 “${String(path).slice(0, 200)}”`);
  return parsed;
}

/**
 * The path an upload was given in the browser (Decap: media folder + its own cleaned file name), checked
 * only for its shape: it is replaced by the stored name, but it must be one file directly in the folder.
 */
export function uploadedName(path: unknown): string {
  const prefix = `${MEDIA_FOLDER}/`;
  if (typeof path !== 'string' || !path.startsWith(prefix) || path.length > 200)
    throw new Refusal(403, `图片只能上传到图片文件夹，不能是 “${String(path).slice(0, 100)}”`);
  const rest = path.slice(prefix.length);
  if (!/^[\w.-]+$/.test(rest) || rest.startsWith('.') || rest.includes('..'))
    throw new Refusal(403, `不允许的图片文件名 “${rest.slice(0, 100)}”`);
  return rest;
}

/** Markdown images: `![alt](url "title")`, the URL possibly in `<…>`. */
const IMAGE = /!\[([^\]\n]*)\]\(\s*(<[^>\n]*>|[^\s)]+)((?:\s+"[^"\n]*")?\s*)\)/g;

/** The alt text an author's file name gives: without its extension, cleaned of Markdown's brackets. */
export function altFromName(name: string): string {
  return name
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[[\]\n\\]/g, ' ')
    .trim()
    .slice(0, 80);
}

/**
 * The Markdown with each image whose URL `renames` knows pointed at its new URL, and an empty alt text
 * filled in from `alts` (new URL → text). Other images are left exactly as written.
 */
export function rewriteImages(
  markdown: string,
  renames: ReadonlyMap<string, string>,
  alts: ReadonlyMap<string, string>,
): string {
  return markdown.replace(IMAGE, (whole, alt: string, rawUrl: string, title: string) => {
    const url = rawUrl.startsWith('<') ? rawUrl.slice(1, -1) : rawUrl;
    const to = renames.get(url) ?? renames.get(safeDecode(url)) ?? url;
    const text = alt.trim() === '' ? (alts.get(to) ?? alt) : alt;
    return to === url && text === alt ? whole : `![${text}](${to}${title})`;
  });
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** Every site image path (`/uploads/…`) a text refers to, Markdown images and plain values alike. */
export function imagesIn(text: string): Set<string> {
  const found = new Set<string>();
  const pattern = new RegExp(`${PUBLIC_FOLDER}/[\\w./-]+`, 'g');
  for (const m of text.matchAll(pattern)) found.add(m[0]);
  return found;
}
