/**
 * The CMS at /admin/: checks the backend variables when Astro starts (a wrong one stops the build with a
 * Chinese message), serves the Decap bundle from node_modules in `astro dev`, and copies it into the build
 * output afterwards. The page itself is src/pages/admin/, its configuration src/pages/admin/config.yml.ts.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cmsBackend } from '../cms/backend.ts';
import { BUNDLE_URL, bundleDir, bundleFiles, inlineStyleHashes } from '../cms/decap-bundle.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export default function cms(): AstroIntegration {
  let dir = '';
  let backend: ReturnType<typeof cmsBackend>;
  return {
    name: 'portal-cms',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        dir = bundleDir(fileURLToPath(config.root));
        backend = cmsBackend(process.env);
        if (!backend) {
          logger.info('未设置 PORTAL_CMS_BACKEND：本次构建不启用投稿（/admin/ 只显示说明）');
          return;
        }
        logger.info(`投稿后台：投稿网关（${backend.proxy_url}，发布到分支 ${backend.branch}）`);
        const { missing } = inlineStyleHashes(dir);
        if (missing.length > 0)
          logger.warn(`Decap 包中找不到这些内联样式，/admin/ 的 CSP 会拦截它们：${missing.join('、')}`);
      },
      'astro:server:setup': ({ server }) => {
        const files = new Set(bundleFiles(dir));
        server.middlewares.use(BUNDLE_URL, (req, res, next) => {
          const name = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\//, ''));
          if (!files.has(name)) return next();
          res.setHeader('Content-Type', TYPES[extname(name)] ?? 'application/octet-stream');
          createReadStream(join(dir, name)).pipe(res);
        });
      },
      'astro:build:done': async ({ dir: out, logger }) => {
        if (!backend) return;
        const target = join(fileURLToPath(out), BUNDLE_URL);
        await mkdir(target, { recursive: true });
        const files = bundleFiles(dir);
        await Promise.all(files.map((f) => copyFile(join(dir, f), join(target, f))));
        logger.info(`已复制 Decap CMS（${files.length} 个文件）到 ${BUNDLE_URL}`);
      },
    },
  };
}
