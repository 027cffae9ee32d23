/**
 * Paste from Word and WPS into the body (issue 11). Decap's rich-text editor pastes HTML with its own
 * converter, which loses bold, lists and tables (office-paste.ts says how). Without forking Decap: the
 * markdown widget is registered again with a subclass of its own control that catches the paste before the
 * editor sees it, converts the clipboard's HTML to Markdown, has the editor insert a unique placeholder at the
 * cursor (a plain-text paste, which it handles itself), swaps the placeholder for the Markdown in the field's
 * value, and remounts the editor on the new value so the table, list and bold show as such.
 * Decap's Markdown mode is a plain-text editor of the same kind: there the converted Markdown is handed to it
 * as a plain-text paste (Office clipboards only; HTML from code editors is better pasted as the text it is).
 */
import type { ControlClass } from './pickers.ts';

/**
 * The converter (unified, rehype and remark) is a chunk of its own, fetched alongside Decap's 5 MB bundle
 * instead of inside the admin script that must run before it: reps open the form on phones. A paste in the
 * moment before it has arrived is left to Decap, as any other paste.
 */
let converter: typeof import('./office-paste.ts') | undefined;
void import('./office-paste.ts').then((m) => {
  converter = m;
});

/** A paragraph of inline Markdown goes where the cursor is; anything block-shaped gets its own lines. */
const BLOCK_START = /^(#{1,6} |[*+-] |\d+[.)] |\||> |```)/;

const isBlock = (markdown: string) => markdown.includes('\n') || BLOCK_START.test(markdown);

/** `value` with `token` (which the editor inserted at the cursor) replaced by `markdown`. */
export function insertAtToken(value: string, token: string, markdown: string): string {
  const at = value.indexOf(token);
  if (at < 0) return `${value.trimEnd()}${value.trim() ? '\n\n' : ''}${markdown}`;
  const before = value.slice(0, at);
  const after = value.slice(at + token.length);
  if (!isBlock(markdown)) return before + markdown + after;
  const head = before.replace(/\s+$/, '');
  const tail = after.replace(/^\s+/, '');
  return `${head}${head ? '\n\n' : ''}${markdown}${tail ? `\n\n${tail}` : ''}`;
}

/** What this module uses of React's paste event. */
interface PasteEvent {
  clipboardData: DataTransfer;
  target: EventTarget;
  preventDefault(): void;
  stopPropagation(): void;
}

/** What this module uses of Decap's MarkdownControl instance (decap-cms-widget-markdown). */
interface MarkdownControl {
  props: { value?: string; onChange(value: string): void; isEditorComponent?: boolean };
  state: { mode: 'rich_text' | 'raw' };
  forceUpdate(): void;
  componentDidUpdate?(...args: unknown[]): void;
  render(): unknown;
}

/**
 * A placeholder Decap's Markdown serialiser writes as it is (letters and digits only). getRandomValues, not
 * randomUUID: the latter exists only in secure contexts, and the intranet may serve the admin over plain http.
 */
function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `PORTALPASTE${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Has the editor paste `text` as if from the clipboard: plain text, which Decap's editors insert themselves. */
function pastePlainText(target: EventTarget, text: string): void {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}

/** How long the editor may take to report the placeholder before the paste goes to the end instead. */
const TOKEN_WAIT_MS = 3000;

export function withOfficePaste<C extends ControlClass>(
  Control: C,
  createElement: (type: unknown, props: Record<string, unknown>, ...children: unknown[]) => unknown,
): C {
  return class extends Control {
    /** Bumped to remount Decap's editor, which reads the field's value only when it mounts. */
    generation = 0;
    pending: { token: string; markdown: string; timer: ReturnType<typeof setTimeout> } | undefined;
    /** Set when the value was changed behind the editor's back: it remounts once the new value arrives. */
    remount = false;

    get self(): MarkdownControl {
      return this as unknown as MarkdownControl;
    }

    handlePaste = (event: PasteEvent) => {
      const { self } = this;
      // Only pastes into the editor's text: a form field inside it (the 表格 box, which takes a spreadsheet
      // range as tab-separated text) gets the clipboard as usual.
      const at = event.target instanceof Element ? event.target : (event.target as Node).parentElement;
      if (!at?.closest('[data-slate-editor]') || at.closest('input, textarea, [contenteditable="false"]'))
        return;
      const html = event.clipboardData?.getData('text/html');
      // Plain text (also the placeholder below) and the editor's own copied content stay with Decap.
      if (
        !converter ||
        !html ||
        self.props.isEditorComponent ||
        event.clipboardData.types.includes('application/x-slate-fragment')
      )
        return;
      if (self.state.mode === 'raw' && !converter.isOfficeHtml(html)) return;
      const markdown = converter.clipboardHtmlToMarkdown(html);
      if (!markdown) return;
      event.preventDefault();
      event.stopPropagation();
      if (self.state.mode === 'raw') {
        // The cursor may sit right after a line of text or a table row: blank lines keep the blocks apart.
        pastePlainText(event.target, isBlock(markdown) ? `\n${markdown}\n` : markdown);
        return;
      }
      const token = newToken();
      const timer = setTimeout(() => this.replaceToken(), TOKEN_WAIT_MS);
      this.pending = { token, markdown, timer };
      pastePlainText(event.target, token);
    };

    /**
     * Puts the pasted Markdown into the value: at the placeholder, or at the end when the editor has not
     * reported it in time (no cursor). A placeholder that turns up after that is then only removed.
     */
    replaceToken(): void {
      const { pending, self } = this;
      if (!pending) return;
      clearTimeout(pending.timer);
      const value = self.props.value ?? '';
      this.pending = value.includes(pending.token) ? undefined : { ...pending, markdown: '' };
      this.remount = true;
      self.props.onChange(insertAtToken(value, pending.token, pending.markdown));
    }

    componentDidUpdate(...args: unknown[]): void {
      (Control.prototype as Partial<MarkdownControl>).componentDidUpdate?.apply(this, args);
      const previous = (args[0] as { value?: string } | undefined)?.value;
      const value = this.self.props.value ?? '';
      if (this.pending && value.includes(this.pending.token)) this.replaceToken();
      else if (this.remount && value !== previous) {
        this.remount = false;
        this.generation += 1;
        this.self.forceUpdate();
      }
    }

    override render(): unknown {
      return createElement('div', { key: this.generation, onPasteCapture: this.handlePaste }, super.render());
    }
  };
}
