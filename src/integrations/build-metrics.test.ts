import type { AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { measuredPrerenderer, type BuildMetrics } from './build-metrics.ts';

/** A prerenderer with three paths, as Astro's default one answers. */
function fake(calls: string[]): AstroPrerenderer {
  return {
    name: 'fake',
    setup: async () => void calls.push('setup'),
    getStaticPaths: async () =>
      ['/articles/a/', '/articles/b/', '/rss.xml'].map(
        (pathname) => ({ pathname, route: {} }) as Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[0],
      ),
    render: async (request) => {
      calls.push(`render ${new URL(request.url).pathname}`);
      return new Response('x');
    },
    teardown: async () => void calls.push('teardown'),
  };
}

describe('the measured prerenderer', () => {
  it('passes every call on, times page generation and tells rendered paths from reused ones', async () => {
    const calls: string[] = [];
    const metrics: BuildMetrics = { phases: {}, pages: { rendered: [], reused: [] }, searchIndexes: [] };
    const p = measuredPrerenderer(fake(calls), metrics);
    await p.setup!();
    await p.getStaticPaths();
    // Astro renders only what it does not restore from its cache; the URL may lack the trailing slash.
    const options = { routeData: {} } as Parameters<AstroPrerenderer['render']>[1];
    await p.render(new Request('http://x/articles/b'), options);
    await p.render(new Request('http://x/rss.xml'), options);
    await p.teardown!();
    expect(calls).toEqual(['setup', 'render /articles/b', 'render /rss.xml', 'teardown']);
    expect(metrics.pages).toEqual({ rendered: ['/articles/b/', '/rss.xml'], reused: ['/articles/a/'] });
    const { start, end } = metrics.phases.pages!;
    expect(end).toBeGreaterThanOrEqual(start);
    expect(start).toBeGreaterThan(Date.now() - 60_000);
  });
});
