import { describe, expect, it } from 'vitest';
import { parseYaml, splitFrontMatter } from './yaml.ts';

describe('parseYaml', () => {
  it('keeps dates and datetimes as the text written', () => {
    expect(parseYaml('joined: 2024-02-29\nat: 2026-10-12T09:30:00+08:00\n').value).toEqual({
      joined: '2024-02-29',
      at: '2026-10-12T09:30:00+08:00',
    });
  });

  it('turns an alias bomb into a Chinese problem instead of crashing', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a]',
      'c: [*b, *b, *b, *b, *b, *b, *b, *b]',
    ];
    const parsed = parseYaml(`${bomb.join('\n')}\n`);
    expect(parsed.value).toBeUndefined();
    expect(parsed.errors[0]?.message).toContain('别名');
  });

  it('gives the line of a value in the whole file', () => {
    const parsed = parseYaml('title: 标题\nregion: east\n', 2);
    expect(parsed.lineOf(['region'])).toBe(3);
    expect(parsed.lineOf(['missing'])).toBeUndefined();
  });
});

describe('splitFrontMatter', () => {
  it('splits front matter from the body and drops the blank line between them', () => {
    expect(splitFrontMatter('---\ntitle: x\n---\n\n正文\n')).toEqual({
      yaml: 'title: x\n',
      firstLine: 2,
      body: '正文\n',
      bodyLine: 5,
    });
  });

  it('knows the line the body starts on, whatever the line ends and blank lines', () => {
    expect(splitFrontMatter('---\r\na: 1\r\nb: 2\r\n---\r\n\r\n\r\n# 正文')?.bodyLine).toBe(7);
    expect(splitFrontMatter('---\na: 1\n---\n正文')?.bodyLine).toBe(4);
  });

  it('finds none when the file does not start with ---', () => {
    expect(splitFrontMatter('正文\n---\n')).toBeUndefined();
  });
});
