/** Results as DOM nodes, built from text only: nothing a page or a reader wrote is parsed as HTML. */
import { MATCH_LABELS, type ResultView } from './view.ts';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

export function resultItem(view: ResultView): HTMLLIElement {
  const item = element('li', 'result');
  const heading = element('h2', 'result-title');
  if (view.href) {
    const link = element('a', '', view.title);
    link.href = view.href;
    heading.append(link);
  } else {
    heading.textContent = view.title;
  }
  const facts = element('p', 'result-facts', view.facts.join(' · '));
  if (view.match) facts.append(' ', element('span', `match ${view.match}`, MATCH_LABELS[view.match]));
  const excerpt = element('p', 'result-excerpt');
  for (const part of view.excerpt) {
    excerpt.append(part.mark ? element('mark', '', part.text) : document.createTextNode(part.text));
  }
  item.append(heading, facts, excerpt);
  return item;
}
