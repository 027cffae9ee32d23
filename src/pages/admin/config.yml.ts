/**
 * /admin/config.yml: the Decap configuration, generated at build time from the content model
 * (src/model/cms.ts) and the backend variables (src/cms/backend.ts). Nothing of it is written by hand.
 */
import type { APIContext } from 'astro';
import { stringify } from 'yaml';
import { cmsBackend } from '../../cms/backend';
import { cmsConfig } from '../../model/cms';

export function GET(context: APIContext) {
  const backend = cmsBackend(process.env);
  const header = '# 由 src/model/cms.ts 在构建时生成，请勿手工修改。\n';
  const body = backend
    ? stringify(
        cmsConfig({
          backend,
          siteUrl: (context.site ?? context.url).origin,
        }),
        { lineWidth: 0 },
      )
    : '# 本次构建未设置 PORTAL_CMS_BACKEND，不启用投稿。\n';
  return new Response(header + body, { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
}
