/** 内刊投稿 (R6): one article for the internal newsletter. */
import type { Collection } from '../field.ts';
import { TITLE_MAX_CHARS } from '../limits.ts';
import { SAVED_BY } from './system.ts';
import { IMAGE_PATH_PATTERN } from '../media.ts';
import { ARTICLE_CATEGORIES } from '../options.ts';

export const articles = {
  name: 'articles',
  label: '内刊投稿',
  description: '投给《内刊》的一篇文章（规则 R6：每个区域每月至少一篇）。',
  storage: {
    kind: 'markdown',
    folder: 'articles',
    body: {
      label: '正文',
      hint: '可使用小标题、列表、表格和图片；不支持脚本和内嵌网页。',
    },
  },
  fields: [
    { name: 'title', type: 'text', label: '标题', min: 2, max: TITLE_MAX_CHARS },
    {
      name: 'region',
      type: 'ref',
      collection: 'regions',
      label: '所属区域',
      hint: '文章计入哪个区域的投稿数。',
    },
    { name: 'author', type: 'ref', collection: 'people', label: '作者' },
    {
      name: 'category',
      type: 'select',
      label: '栏目',
      options: ARTICLE_CATEGORIES,
    },
    {
      name: 'submitted',
      type: 'datetime',
      label: '投稿时间',
      hint: '由系统在创建时自动填写，不可修改（规则 R16）。',
      system: 'created',
    },
    SAVED_BY,
    {
      name: 'summary',
      type: 'text',
      label: '摘要',
      hint: '一两句话，显示在目录中。',
      max: 200,
      multiline: true,
      optional: true,
    },
    {
      name: 'tags',
      type: 'list',
      label: '标签',
      hint: '最多 8 个，每个不超过 20 字。',
      max: 8,
      itemMax: 20,
      optional: true,
    },
    {
      name: 'cover',
      type: 'text',
      label: '封面图片',
      hint: '可选：上传一张照片，显示在文章页和当月《内刊》中。',
      // Only uploaded images: the site's CSP (img-src 'self') would block a remote one on every page.
      image: true,
      pattern: IMAGE_PATH_PATTERN,
      max: 300,
      optional: true,
    },
  ],
} as const satisfies Collection;
