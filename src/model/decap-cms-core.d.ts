/**
 * What decap-cms-core's own type declarations lack of the options this portal uses (merged into them, so the
 * rest of the configuration is still checked against Decap's types).
 */
declare module 'decap-cms-core' {
  interface CmsFieldMarkdown {
    /** Sanitises the preview of the Markdown (documented for Decap 3's markdown widget). */
    sanitize_preview?: boolean;
  }
}

export {};
