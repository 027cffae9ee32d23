/**
 * The template language of the corpus and the writer that fills it.
 *   {slot}      a value from the scene: a hospital, a colleague, a number…
 *   [a|b|c]     one of the options (options may hold slots and nested choices; an option may be empty)
 * Templates are compiled once and cached.
 */
import type { Rng } from './random.ts';
import { CONFERENCES, DEPARTMENTS, DISEASES, PRODUCTS, SPECIALTIES } from './corpus/places.ts';
import { SURNAMES } from './corpus/names.ts';
import { RELATIVE_TIMES } from './corpus/phrases.ts';
import { CAUSES, POLICIES, PROGRESS_PHRASES } from './corpus/meeting-text.ts';

type Part = string | { slot: string } | { choice: Part[][] };

const cache = new Map<string, Part[]>();

function parse(src: string, pos: { i: number }, inChoice: boolean): Part[] {
  const parts: Part[] = [];
  let literal = '';
  const flush = () => {
    if (literal) parts.push(literal);
    literal = '';
  };
  while (pos.i < src.length) {
    const ch = src[pos.i] as string;
    if (inChoice && (ch === '|' || ch === ']')) break;
    if (ch === '{') {
      const close = src.indexOf('}', pos.i);
      if (close < 0) throw new Error(`unclosed slot in template: ${src}`);
      flush();
      parts.push({ slot: src.slice(pos.i + 1, close) });
      pos.i = close + 1;
    } else if (ch === '[') {
      flush();
      pos.i++;
      const options: Part[][] = [];
      for (;;) {
        options.push(parse(src, pos, true));
        const end = src[pos.i];
        pos.i++;
        if (end === ']') break;
        if (end !== '|') throw new Error(`unclosed choice in template: ${src}`);
      }
      parts.push({ choice: options });
    } else {
      literal += ch;
      pos.i++;
    }
  }
  flush();
  return parts;
}

function compile(src: string): Part[] {
  let parts = cache.get(src);
  if (!parts) {
    parts = parse(src, { i: 0 }, false);
    cache.set(src, parts);
  }
  return parts;
}

export interface SceneRegion {
  name: string;
  provinces: readonly string[];
  cities: readonly string[];
  hospitals: readonly string[];
}

const CN_SMALL = ['两', '三', '四', '五', '六', '七', '八'];
const DOCTOR_TITLES = [
  '主任',
  '主任',
  '主任',
  '教授',
  '院长',
  '医生',
  '药师',
  '护士长',
  '副主任',
  '主任医师',
];

/** What an entry is about: its region, main hospital, product… Slots draw from it. */
export class Writer {
  readonly rng: Rng;
  readonly region: SceneRegion;
  readonly city: string;
  readonly hosp: string;
  readonly dept: string;
  readonly prod: string;
  readonly disease: string;
  readonly month: number;
  readonly mates: readonly string[];
  readonly bosses: readonly string[];
  /** Extra slots of one kind of entry: a fixed value or a function drawn at each use. */
  readonly vars: Record<string, string | (() => string)> = {};

  constructor(
    rng: Rng,
    region: SceneRegion,
    month: number,
    mates: readonly string[],
    bosses: readonly string[],
  ) {
    this.rng = rng;
    this.region = region;
    this.month = month;
    this.mates = mates;
    this.bosses = bosses;
    this.hosp = rng.pick(region.hospitals);
    this.city = region.cities.find((c) => this.hosp.startsWith(c)) ?? rng.pick(region.cities);
    this.dept = rng.pick(DEPARTMENTS);
    this.prod = rng.pick(PRODUCTS);
    this.disease = rng.pick(DISEASES);
  }

  /** Fills one template. */
  fill(template: string): string {
    const out: string[] = [];
    this.#render(compile(template), out);
    return out.join('');
  }

  /** Fills a template picked from a list. */
  any(templates: readonly string[]): string {
    return this.fill(this.rng.pick(templates));
  }

  #render(parts: Part[], out: string[]): void {
    for (const part of parts) {
      if (typeof part === 'string') out.push(part);
      else if ('slot' in part) out.push(this.slot(part.slot));
      else this.#render(this.rng.pick(part.choice), out);
    }
  }

  surname(): string {
    return this.rng.weighted(SURNAMES, WEIGHTS)[0];
  }

  mate(): string {
    return this.mates.length > 0
      ? this.rng.pick(this.mates)
      : `${this.surname()}${this.rng.pick(['经理', '主管'])}`;
  }

  conference(): string {
    const r = this.rng;
    return r
      .pick(CONFERENCES)
      .replace(
        '{p}',
        r.pick(this.region.provinces).replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, ''),
      )
      .replace('{c}', r.pick(this.region.cities))
      .replace('{s}', r.pick(SPECIALTIES))
      .replace('{r}', this.region.name);
  }

  slot(name: string): string {
    const r = this.rng;
    const v = this.vars[name];
    if (v !== undefined) return typeof v === 'string' ? v : v();
    switch (name) {
      case 'city0':
        return this.city;
      case 'city':
        return r.pick(this.region.cities);
      case 'hosp':
        return this.hosp;
      case 'hospX':
      case 'hospY':
        return r.pick(this.region.hospitals);
      case 'dept':
        return this.dept;
      case 'deptX':
      case 'deptY':
        return r.pick(DEPARTMENTS);
      case 'prod':
        return this.prod;
      case 'prodX':
        return r.pick(PRODUCTS);
      case 'disease':
        return this.disease;
      case 'diseaseX':
        return r.pick(DISEASES);
      case 'doc':
        return `${this.surname()}${r.pick(DOCTOR_TITLES)}`;
      case 'expert':
        return r.chance(0.5)
          ? `${r.pick(this.region.hospitals)}的${this.surname()}教授`
          : `${this.surname()}${r.pick(['教授', '主任'])}`;
      case 'mate':
        return this.mate();
      case 'boss':
        return r.pick(this.bosses);
      case 'region':
        return this.region.name;
      case 'conf':
        return this.conference();
      case 'n':
        return String(r.int(2, 9));
      case 'cn':
        return r.pick(CN_SMALL);
      case 'nn':
        return String(r.int(10, 60));
      case 'nnn':
        return String(r.int(10, 90) * 10 + r.int(0, 9));
      case 'pct':
        return r.chance(0.6) ? `${r.int(5, 45)}%` : `${r.int(5, 45)}.${r.int(1, 9)}%`;
      case 'pct2':
        return `${r.int(72, 112)}%`;
      case 'wan':
        return `${r.int(8, 260)}.${r.int(0, 9)}`;
      case 'lo':
        return String(r.int(55, 74));
      case 'hi':
        return String(r.int(78, 96));
      case 'mon':
        return `${this.month}月`;
      case 'mon2':
        return `${((this.month + r.int(0, 2)) % 12) + 1}月`;
      case 'date':
        return `${this.month}月${r.int(1, 28)}日`;
      case 'time':
        return r.pick(RELATIVE_TIMES);
      case 'progress':
        return r.pick(PROGRESS_PHRASES);
      case 'cause':
        return r.pick(CAUSES);
      case 'policy':
        return r.pick(POLICIES);
      default:
        throw new Error(`unknown slot {${name}}`);
    }
  }
}

const WEIGHTS = SURNAMES.map((s) => s[2]);
