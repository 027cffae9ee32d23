/**
 * Names that Decap's own markup lacks and no extension point can give (issue 11): the notices' close
 * button and timer say “close” and “notification timer” to a screen reader (react-toastify's English) and the preview's iframe has
 * no title. Decap re-renders these at will, so the fix is re-applied whenever its DOM changes; each is a
 * no-op once done.
 */

/** What to name: selector, attribute and the Chinese it gets. */
export const NAMES: readonly { selector: string; attribute: string; value: string }[] = [
  { selector: '.Toastify__close-button', attribute: 'aria-label', value: '关闭通知' },
  { selector: '.Toastify__progress-bar[aria-label]', attribute: 'aria-label', value: '通知自动关闭倒计时' },
  { selector: 'iframe:not([title])', attribute: 'title', value: '预览' },
];

/** Applies NAMES under `root`; returns how many attributes it changed. */
export function nameUnnamed(root: ParentNode): number {
  let changed = 0;
  for (const { selector, attribute, value } of NAMES) {
    for (const element of root.querySelectorAll(selector)) {
      if (element.getAttribute(attribute) === value) continue;
      element.setAttribute(attribute, value);
      changed++;
    }
  }
  return changed;
}

/** Keeps NAMES applied under `root` for the life of the page. */
export function keepNamed(root: HTMLElement): MutationObserver {
  const observer = new MutationObserver(() => nameUnnamed(root));
  observer.observe(root, { childList: true, subtree: true });
  nameUnnamed(root);
  return observer;
}
