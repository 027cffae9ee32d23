/** Site-wide constants: names, navigation and list sizes. Everything a reader sees is Chinese. */

export const SITE_NAME = '销售部门户';

export const SITE_DESCRIPTION = '销售部内网：《内刊》、会议纪要与各区域动态。';

/** The monthly newsletter, as the department calls it. */
export const NEWSLETTER_NAME = '内刊';

export const FOOTER_NOTE = '销售部内部资料，仅限本部门人员阅读，请勿外传。所有时间均为北京时间。';

export interface NavItem {
  readonly href: string;
  readonly label: string;
}

/** The main navigation, in the order it is shown. */
export const NAV: readonly NavItem[] = [
  { href: '/', label: '首页' },
  { href: '/issues/', label: '内刊' },
  { href: '/meetings/', label: '会议纪要' },
  { href: '/regions/', label: '区域' },
  { href: '/guide/', label: '指南' },
  { href: '/manage/', label: '管理' },
];

/** How many meeting minutes the home page lists. */
export const HOME_MEETINGS = 8;

/** How many other articles of the same region an article page suggests. */
export const MORE_FROM_REGION = 4;

/** How many meeting minutes a region page lists. */
export const REGION_MEETINGS = 8;

/** Newest articles in the RSS feed. */
export const RSS_ITEMS = 50;

/** Length of plain-text excerpts (RSS descriptions, lists), in characters. */
export const EXCERPT_CHARS = 120;
