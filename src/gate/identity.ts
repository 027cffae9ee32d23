/**
 * Who is calling the gate.
 *
 * - `local` (`npm start`): one random secret per run. The terminal prints a link to /admin/ that carries it in
 *   the fragment (`#key=…`, never sent to a server); the admin page keeps it in sessionStorage, which belongs
 *   to this origin alone, and sends it as the `X-Portal-Key` header with every API request. Not a cookie:
 *   browsers send cookies to every port of 127.0.0.1, so any other local web server would receive it. The
 *   caller is the machine's owner (LOCAL_ADMIN), who has the repository anyway.
 * - `header` (production): the department's login proxy (oauth2-proxy, Authelia, nginx auth_request) has
 *   authenticated the person and sets a header with their login; the gate listens on loopback only, so the
 *   header cannot come from anyone else. The login maps to the roster (people.yaml `login`, else `id`);
 *   people who have left, or are not on the roster, are refused.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Temporal } from 'temporal-polyfill';
import { inShanghai, parseDate } from '../model/time.ts';
import type { Roster } from './entry.ts';
import { Refusal } from './refusal.ts';
import { LOCAL_ADMIN, userOf, type User } from './rights.ts';

export type Identity =
  | { kind: 'local'; token: string }
  | {
      kind: 'header';
      /** The header the login proxy sets, e.g. `Remote-User` or `X-Forwarded-User`. */
      header: string;
      /** Logins of the administrators (PORTAL_GATE_ADMINS). */
      admins: readonly string[];
    };

/** The header that carries the local secret (a custom header: no other origin can send it without CORS). */
export const KEY_HEADER = 'X-Portal-Key';

/** Compares secrets in constant time. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The user a request comes from, or a Refusal (401: not logged in, 403: not on the roster). */
export function whoIs(
  identity: Identity,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  roster: Roster,
  now: Temporal.Instant,
): User {
  if (identity.kind === 'local') {
    const key = headers[KEY_HEADER.toLowerCase()];
    if (!sameSecret(typeof key === 'string' ? key : undefined, identity.token))
      throw new Refusal(401, '未登录：请用 npm start 在终端里显示的“投稿”链接打开投稿页');
    return LOCAL_ADMIN;
  }
  const value = headers[identity.header.toLowerCase()];
  const login = typeof value === 'string' ? value.trim() : '';
  if (login === '') throw new Refusal(401, '未登录：请通过单位统一登录访问投稿页');
  const today = inShanghai(now).toPlainDate();
  const person = roster.people.find((p) => (p.login ?? p.id) === login);
  const active =
    person &&
    parseDate(person.joined)!.until(today).sign >= 0 &&
    (!person.left || today.until(parseDate(person.left)!).sign >= 0);
  if (!person || !active) throw new Refusal(403, `登录名 “${login}” 不在部门花名册中（或已离职），不能投稿`);
  return userOf(person, identity.admins.includes(login));
}
