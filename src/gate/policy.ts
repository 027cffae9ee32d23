/** The submission gate's limits, as data: the one place to change them. */
export const GATE_POLICY = {
  /** A whole API request, JSON included (a long article is about 30 KB). */
  maxRequestBytes: 1024 * 1024,
  /** One content file as stored. */
  maxFileBytes: 256 * 1024,
  /**
   * Colons in a submission's front matter (keys and times have them): a real one has well under a hundred,
   * a YAML parser pays quadratically for tens of thousands of keys.
   */
  maxFrontMatterColons: 2000,
  /**
   * How far the date in a new entry's generated file name may be from the server's date, in days: the name
   * comes from the browser's clock, which may be a little off, but a backdated name is refused.
   */
  nameClockSkewDays: 1,
  /** Workflow statuses, as Decap names them; publishing needs the last one (待发布). */
  statuses: ['draft', 'pending_review', 'pending_publish'] as const,
} as const;

export type Status = (typeof GATE_POLICY.statuses)[number];
