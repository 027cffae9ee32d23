/** What a work log is called: the department's own file name (R13), derived from the month and the person. */

/** `2026-11` and 戴海林 → 日工作计划与日志2611-戴海林 (《…》 around it where it stands in a sentence). */
export function worklogTitle(month: string, name: string): string {
  return `日工作计划与日志${month.slice(2, 4)}${month.slice(5, 7)}-${name}`;
}
