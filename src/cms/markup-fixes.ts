/**
 * Names and roles that Decap's own markup gets wrong and no extension point reaches (issue 11, found by
 * axe and by the English check): react-toastify's English “close” and “notification timer”, an iframe and
 * a dialog without a title, the rich-text body without a name, the 富文本/Markdown switch without a name or a
 * state, the headings menu's focusable span around a button (two tab stops, “nested-interactive”) and the
 * toolbar menus' items inside a list.
 * Decap re-renders these at will, so the fixes are re-applied whenever its DOM changes; each is a no-op
 * once done.
 */

/** Decap's localStorage key for the body editor's mode ('rich_text' or 'raw'). */
const MODE = 'cms.md-mode';

/** One fix: the elements it applies to and what it does to one of them (true when it changed something). */
interface Fix {
  selector: string;
  apply(element: Element, storage: Pick<Storage, 'getItem'>): boolean;
}

/** Sets `name` to `value` unless it already is; true when it changed. */
function set(element: Element, name: string, value: string): boolean {
  if (element.getAttribute(name) === value) return false;
  element.setAttribute(name, value);
  return true;
}

/** The text of the label of the form field `element` belongs to. */
function fieldLabel(element: Element): string | undefined {
  const field = element.closest('[class*="-ControlContainer"]');
  return field?.querySelector('label')?.textContent?.trim() || undefined;
}

/** “展开或收起这一项：2026-11-25 · 走访…”: what a row button does, and to which row when it shows a summary. */
function rowName(button: Element, action: string): string {
  // Decap's list row: the top bar, then the summary it shows while the row is folded.
  const summary = button.parentElement?.nextElementSibling;
  const text = summary?.matches('[class*="-NestedObjectLabel"]') ? summary.textContent?.trim() : undefined;
  return text ? `${action}这一项：${text}` : `${action}这一项`;
}

export const FIXES: readonly Fix[] = [
  { selector: '.Toastify__close-button', apply: (e) => set(e, 'aria-label', '关闭通知') },
  {
    selector: '.Toastify__progress-bar[aria-label]',
    apply: (e) => set(e, 'aria-label', '通知自动关闭倒计时'),
  },
  { selector: 'iframe:not([title])', apply: (e) => set(e, 'title', '预览') },
  {
    selector: '[role="dialog"]:not([aria-labelledby])',
    apply: (e) => set(e, 'aria-label', e.querySelector('h1, h2')?.textContent?.trim() || '对话框'),
  },
  {
    selector: '[data-slate-editor][role="textbox"]',
    apply: (e) => set(e, 'aria-label', fieldLabel(e) ?? '正文'),
  },
  {
    // On is Markdown, as the labels on either side of the switch say. Decap gives the switch a state only
    // once it has been clicked, and each mode's toolbar has its own switch.
    selector: '[role="switch"]',
    apply: (e, storage) =>
      [
        set(e, 'aria-label', 'Markdown 模式'),
        set(e, 'aria-checked', String(storage.getItem(MODE) === 'raw')),
      ].some(Boolean),
  },
  {
    // The headings menu: the button inside is the control, so it takes the menu's attributes; the span
    // keeps its click and key handlers, which the button's events bubble to.
    selector: 'span[aria-haspopup]:has(> button)',
    apply: (e) => {
      const button = e.querySelector(':scope > button')!;
      for (const name of ['aria-haspopup', 'aria-expanded']) {
        const value = e.getAttribute(name);
        if (value !== null) button.setAttribute(name, value);
        e.removeAttribute(name);
      }
      e.removeAttribute('role');
      e.removeAttribute('tabindex');
      return true;
    },
  },
  {
    // A list row's top bar (a work log's day, a visit): Decap's collapse chevron and remove cross are bare icons.
    // The chevron is the bar's first button; it says which row it opens when the row shows its summary.
    selector: '[class*="-TopBarButton"]:first-child',
    apply: (e) => set(e, 'aria-label', rowName(e, '展开或收起')),
  },
  {
    selector: '[class*="-TopBarButton"]:last-child:not(:first-child)',
    apply: (e) => set(e, 'aria-label', rowName(e, '删除')),
  },
  {
    // The row's drag handle is a role=button div with only a roledescription.
    selector: '[role="button"][aria-roledescription="sortable"]:not([aria-label])',
    apply: (e) => set(e, 'aria-label', '拖动以调整顺序'),
  },
  {
    // Status and publish menus put their items in a <ul> of <div>s: neither a list nor the menu's children.
    selector: '[role="menu"] :is(ul, li):not([role="none"])',
    apply: (e) => set(e, 'role', 'none'),
  },
];

/** Applies FIXES under `root`; returns how many elements it changed. */
export function applyFixes(root: ParentNode, storage: Pick<Storage, 'getItem'>): number {
  let changed = 0;
  for (const fix of FIXES) {
    for (const element of root.querySelectorAll(fix.selector)) if (fix.apply(element, storage)) changed++;
  }
  return changed;
}

/** Keeps FIXES applied under `root` for the life of the page. */
export function keepFixed(root: HTMLElement, storage: Pick<Storage, 'getItem'>): MutationObserver {
  const observer = new MutationObserver(() => applyFixes(root, storage));
  observer.observe(root, { childList: true, subtree: true });
  applyFixes(root, storage);
  return observer;
}
