/**
 * pinyin-pro's `match` alone, for the admin page to import when a search first needs it: a chunk of its
 * own holding just what `match` needs of the library's dictionary.
 */
export { match } from 'pinyin-pro';
