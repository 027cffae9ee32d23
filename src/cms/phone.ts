/**
 * What the phone layout (src/cms/admin.css) needs from script: the one piece of Decap state CSS
 * cannot reach, and a flag for the one status line that is wrong on a new entry.
 */

/** The width below which the admin shows one pane at a time; admin.css uses the same query. */
export const PHONE_QUERY = '(max-width: 799.98px)';

/** Decap's localStorage key for the pane beside the form ('preview', 'notes', 'i18n' or 'none'). */
const RIGHT_PANE = 'cms.right-pane';

/**
 * On a phone every visit starts on the form. Decap reopens the pane last shown, and on a phone the preview
 * covers the form: a rep who last looked at a preview would open the next entry without seeing its fields.
 */
export function startOnForm(win: Pick<Window, 'matchMedia' | 'localStorage'>): void {
  if (win.matchMedia(PHONE_QUERY).matches) win.localStorage.setItem(RIGHT_PANE, 'none');
}

/** Whether a Decap route is the form of a new, never saved entry (`#/collections/articles/new`). */
export function isNewEntryRoute(hash: string): boolean {
  return /^#\/collections\/[^/]+\/new(?:\?|$)/.test(hash);
}

/**
 * Keeps `data-new-entry` on <body> in step with the route: Decap says “修改已保存” on an empty new form
 * (nothing changed since it opened), which tells a rep that something was saved when nothing was; the
 * stylesheet hides that line there.
 */
export function flagNewEntry(win: Pick<Window, 'addEventListener' | 'location' | 'document'>): void {
  const update = () => {
    win.document.body.dataset.newEntry = String(isNewEntryRoute(win.location.hash));
  };
  update();
  win.addEventListener('hashchange', update);
}
