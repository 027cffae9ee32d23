/** The shape of one topic of the article corpus. */
export interface Topic {
  id: string;
  /** What the topic is called in running text, e.g. 客户拜访. */
  name: string;
  headings: readonly string[];
  sentences: readonly string[];
  /** Short items for bulleted or numbered lists. */
  points: readonly string[];
  tags: readonly string[];
}
