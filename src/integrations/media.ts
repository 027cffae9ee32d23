/**
 * Submissions' images on the site: the build copies `content/media/<name>` (src/model/media.ts) to
 * `/uploads/<name>`, `astro dev` serves them from there, and the renderer learns each one's real width
 * and height (imageSizes) so that pages reserve the space before the image loads.
 *
 * Only files with a name the gate makes are copied, served or measured: anything else put into the folder
 * by hand (an .html, an .svg) never reaches the site.
 */
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { imageSize } from 'image-size';
import type { ImageSizes } from '../markdown/sanitize-options.ts';
import { IMAGE_TYPES, parseMediaName, PUBLIC_FOLDER } from '../model/media.ts';
import { contentRoot } from './content-loader.ts';

/** The media folder of the content at `content` (content/ or PORTAL_CONTENT_DIR). */
const mediaDir = (content: string) => join(content, 'media');

/** Every image below `dir` with a generated name, as paths relative to it (`20261012-…-x.jpg`). */
export function mediaFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((path) => parseMediaName(path) !== undefined)
    .sort();
}

const measured = new Map<string, ImageSizes>();

/** Width and height of the images of the content at `content`, read once each per build. */
export function imageSizes(content: string): ImageSizes {
  const known = measured.get(content);
  if (known) return known;
  const sizes = measureIn(mediaDir(content));
  measured.set(content, sizes);
  return sizes;
}

function measureIn(dir: string): ImageSizes {
  const known = new Map<string, { width: number; height: number } | undefined>();
  return (src) => {
    const prefix = `${PUBLIC_FOLDER}/`;
    const name = src.startsWith(prefix) ? parseMediaName(src.slice(prefix.length)) : undefined;
    if (!name) return undefined;
    if (!known.has(name.relative)) {
      const file = join(dir, name.relative);
      let size: { width: number; height: number } | undefined;
      try {
        const { width, height } = imageSize(readFileSync(file));
        size = width && height ? { width, height } : undefined;
      } catch {
        size = undefined; // Missing or unreadable: the image is shown without a reserved size.
      }
      known.set(name.relative, size);
    }
    return known.get(name.relative);
  };
}

const MIME: Record<string, string> = Object.fromEntries(
  Object.values(IMAGE_TYPES).map((t) => [t.ext, t.mime]),
);

export default function media(): AstroIntegration {
  let dir = '';
  return {
    name: 'portal-media',
    hooks: {
      'astro:config:setup': ({ config }) => {
        dir = mediaDir(contentRoot(config.root));
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(PUBLIC_FOLDER, (req, res, next) => {
          const name = parseMediaName((req.url ?? '').split('?')[0]!.replace(/^\//, ''));
          const file = name && join(dir, name.relative);
          if (!name || !file || !existsSync(file)) return next();
          res.setHeader('Content-Type', MIME[name.ext]!);
          res.setHeader('X-Content-Type-Options', 'nosniff');
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': async ({ dir: out, logger }) => {
        const files = mediaFiles(dir);
        const target = join(fileURLToPath(out), PUBLIC_FOLDER);
        for (const f of files) {
          await mkdir(dirname(join(target, f)), { recursive: true });
          await copyFile(join(dir, f), join(target, f));
        }
        if (files.length > 0) logger.info(`已复制 ${files.length} 张投稿图片到 ${PUBLIC_FOLDER}/`);
      },
    },
  };
}
