/**
 * Tells a rep in Chinese when the connection is gone. Decap keeps a backup of the open entry in the
 * browser (IndexedDB) on every change and offers it back when the entry is opened again, so nothing typed
 * offline is lost; what the rep needs to know is that saving waits for the network.
 */

export const OFFLINE_NOTICE =
  '网络已断开：填写的内容已保存在本机浏览器中，不会丢失。网络恢复后点“保存”即可提交；关闭页面后再打开，系统会询问是否恢复。';

/** Adds the notice (hidden while online) to `doc` and shows it whenever `win` goes offline. */
export function watchConnection(
  win: Pick<Window, 'addEventListener'> & { navigator: Pick<Navigator, 'onLine'> },
  doc: Document,
): HTMLElement {
  const notice = doc.createElement('p');
  notice.className = 'portal-offline';
  notice.setAttribute('role', 'status');
  notice.textContent = OFFLINE_NOTICE;
  notice.hidden = win.navigator.onLine;
  doc.body.append(notice);
  win.addEventListener('offline', () => (notice.hidden = false));
  win.addEventListener('online', () => (notice.hidden = true));
  return notice;
}

/** A failed request to the gate, said so that Decap's “保存失败：%{details}” reads as a sentence. */
export class GateUnreachable extends Error {
  override toString(): string {
    return this.message;
  }
}

/**
 * `fetch` whose network failures (offline, gate stopped) are Chinese: the browser's TypeError “Failed to
 * fetch” would otherwise reach the rep word for word in Decap's notice.
 */
export function explainFailures(fetch: typeof window.fetch): typeof window.fetch {
  return async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      throw new GateUnreachable('连不上投稿网关（网络可能已断开）', { cause: error });
    }
  };
}
