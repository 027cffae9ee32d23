/**
 * Images in submissions, as data: where they are kept, what they are called, which kinds and sizes are taken.
 * The gate (src/gate/media.ts) enforces these, the build copies and measures the files, the CMS config points
 * Decap at the same folders.
 *
 * Images live in the repository in `content/media/`, beside the records that show them: the gate
 * writes only below content/, a test or benchmark tree built with PORTAL_CONTENT_DIR brings its images with
 * it, and the tamper-evidence ledger sees them like any other content file. The build copies them to
 * `/uploads/` on the site (src/integrations/media.ts). One flat folder, no year folders: Decap's media library
 * lists only the files directly in its folder, and the date is in every name anyway.
 *
 * Names are made by the gate, never taken from the browser: `YYYYMMDD-<person>-<hash8>.<ext>`, the Beijing
 * date of the upload, the uploader's roster id and the first 8 hex digits of the SHA-256 of the bytes. The
 * author's own (often Chinese) file name becomes the image's alt text in the Markdown instead.
 */
/**
 * Where images are stored in the repository: below CONTENT_FOLDER (src/model/cms.ts), spelt out because the
 * model's field tables import this module and cms.ts imports them (media.test.ts checks the two agree).
 */
export const MEDIA_FOLDER = 'content/media';

/** Where the site serves them. */
export const PUBLIC_FOLDER = '/uploads';

/** The kinds taken, by what their first bytes say (never by the file's name or the browser's type). */
export const IMAGE_TYPES = {
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  webp: { ext: 'webp', mime: 'image/webp' },
} as const;

export type ImageType = keyof typeof IMAGE_TYPES;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/** The kind of image the bytes start like (JPEG, PNG or WebP), or undefined. */
export function sniff(bytes: Uint8Array): ImageType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && PNG.every((b, i) => bytes[i] === b)) return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  return undefined;
}

/** The kind a stored name's extension promises. */
export const typeOfExt = (ext: string): ImageType | undefined =>
  (Object.keys(IMAGE_TYPES) as ImageType[]).find((t) => IMAGE_TYPES[t].ext === ext);

export const IMAGE_LIMITS = {
  /** One stored image. A 1600 px photo as JPEG at quality 0.85 is 200–600 KB; a screenshot PNG up to ~2 MB. */
  maxBytes: 3 * 1024 * 1024,
  /** Longest side the gate takes; the admin page scales to `scaleTo` first, this leaves a margin for PNGs. */
  maxSide: 2400,
  /** What the admin page scales a photo down to before upload (longest side), and its JPEG/WebP quality. */
  scaleTo: 1600,
  quality: 0.85,
  /** Images one save may carry: every image of the entry is sent again with each save of its draft. */
  maxPerEntry: 12,
  /** Own published images the media library lists (Decap downloads each listed image whole). */
  listMax: 24,
  /** One API request carrying images: maxPerEntry scaled photos, base64, and the entry. */
  maxRequestBytes: 24 * 1024 * 1024,
} as const;

/** A stored image's name: year folder, date, person, hash and extension. */
const STORED = /^((\d{4})(\d{2})(\d{2}))-([a-z][a-z0-9]*)-([0-9a-f]{8})\.(jpg|png|webp)$/;

export interface MediaName {
  /** `20261130-xuning-0a1b2c3d.jpg`, in the media folder and the public folder alike. */
  relative: string;
  date: string;
  person: string;
  hash: string;
  ext: string;
}

/** What a name below the media folder says, or undefined when it is not one the gate makes. */
export function parseMediaName(relative: string): MediaName | undefined {
  const m = STORED.exec(relative);
  if (!m) return undefined;
  return { relative, date: `${m[2]}-${m[3]}-${m[4]}`, person: m[5]!, hash: m[6]!, ext: m[7]! };
}

/** The name the gate gives an image: `date` is the Beijing date `YYYY-MM-DD`, `hash` the SHA-256 in hex. */
export function mediaName(date: string, person: string, hash: string, type: ImageType): string {
  return `${date.replaceAll('-', '')}-${person}-${hash.slice(0, 8)}.${IMAGE_TYPES[type].ext}`;
}

/** The public path of a stored image (`content/media/x.jpg` → `/uploads/x.jpg`), or undefined. */
export function publicPathOf(storedPath: string): string | undefined {
  const prefix = `${MEDIA_FOLDER}/`;
  return storedPath.startsWith(prefix) ? `${PUBLIC_FOLDER}/${storedPath.slice(prefix.length)}` : undefined;
}

/** The stored path of a public path (`/uploads/x.jpg` → `content/media/x.jpg`), or undefined. */
export function storedPathOf(publicPath: string): string | undefined {
  const prefix = `${PUBLIC_FOLDER}/`;
  return publicPath.startsWith(prefix) ? `${MEDIA_FOLDER}/${publicPath.slice(prefix.length)}` : undefined;
}

/** The model's pattern for a field holding one uploaded image (the article's cover). */
export const IMAGE_PATH_PATTERN = {
  regex: `^${PUBLIC_FOLDER}/\\d{8}-[a-z][a-z0-9]*-[0-9a-f]{8}\\.(jpg|png|webp)$`,
  message: '应为通过“选择图片”上传的站内图片',
} as const;
