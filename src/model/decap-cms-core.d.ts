/**
 * What decap-cms-core's own type declarations lack of the options this portal uses (merged into them, so the
 * rest of the configuration is still checked against Decap's types).
 */
declare module 'decap-cms-core' {
  interface CmsFieldMarkdown {
    /** Sanitises the preview of the Markdown (documented for Decap 3's markdown widget). */
    sanitize_preview?: boolean;
  }
  interface CmsFieldList {
    /** The portal's own: the field that names a row (a work log's day), read by src/cms/daily-rows.ts. */
    row_key?: string;
  }
}

export {};
