/** What a pagefind bundle on disk holds, read from its files rather than through pagefind. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The URL of every page of the bundle in `dir`, from its fragment files (gzip, a 12-byte signature, JSON). */
export function fragmentUrls(dir: string): string[] {
  const fragments = join(dir, 'fragment');
  return readdirSync(fragments).map(
    (f) =>
      (
        JSON.parse(
          gunzipSync(readFileSync(join(fragments, f)))
            .subarray(12)
            .toString(),
        ) as { url: string }
      ).url,
  );
}
