/**
 * People and regions by name in the admin page (issue 11), through Decap's extension points:
 *
 * - Lists and the workflow board: Decap's summary templates read only an entry's own data, so the submissions'
 *   formats are registered again with a `fromFile` that puts each id's name next to it (`_shown_author:
 *   徐宁（华东区）`, src/model/cms.ts shownKey); `toFile` leaves those keys out, and a preSave listener renews them
 *   when a person picks someone else. Nothing is stored: the names are read from the roster in the browser.
 * - Pickers: the relation control is subclassed again (after src/cms/pickers.ts) so that each option reads
 *   徐宁（华东区） and a search finds people by Chinese name, full pinyin or initials (src/cms/names.ts).
 *
 * The roster comes from the gate, as the pickers' own options do, before the CMS starts; the gate leaves out
 * the private fields for everyone but administrators, and none of them is read here.
 */
import { Temporal } from 'temporal-polyfill';
import { SUBMISSIONS } from '../model/collections/index.ts';
import { people, regions } from '../model/collections/org.ts';
import { CONTENT_FOLDER, formatName } from '../model/cms.ts';
import type { Collection } from '../model/field.ts';
import { inShanghai } from '../model/time.ts';
import { formatter } from './files.ts';
import { GATE_API_URL } from './backend.ts';
import {
  matches,
  namesOf,
  shownValues,
  type Names,
  type Named,
  type PinyinMatch,
  type RosterLists,
} from './names.ts';
import type { ControlClass } from './pickers.ts';

type Data = Record<string, unknown>;

/** The parts of Decap's Immutable.js entry data used here. */
interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
  toJS(): Data;
}

/** The parts of `window.CMS` used here. */
export interface NamesCms {
  registerCustomFormat(
    name: string,
    extension: string,
    formatter: { fromFile(text: string): object; toFile(data: Data): string },
  ): void;
  registerEventListener(listener: {
    name: 'preSave';
    handler: (event: { entry: ImmutableMap }) => ImmutableMap;
  }): void;
  getWidget(name: string): { control: ControlClass; preview?: unknown; schema?: unknown } | undefined;
  registerWidget(name: string, control: ControlClass, preview?: unknown, schema?: unknown): void;
}

const NO_ROSTER: RosterLists = { people: [], regions: [] };

/**
 * people.yaml and regions.yaml as the gate serves them to this user (without private fields for
 * non-administrators): the one read of the roster that the pickers, lists and the preview share. Empty lists
 * (ids are then shown as ids) when it cannot be read.
 */
export async function loadRoster(fetch: typeof window.fetch): Promise<RosterLists> {
  const lists = [people, regions] as const;
  try {
    const response = await fetch(GATE_API_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        action: 'entriesByFiles',
        params: { files: lists.map((c) => ({ path: `${CONTENT_FOLDER}/${c.storage.file}` })) },
      }),
    });
    if (!response.ok) return NO_ROSTER;
    const files = (await response.json()) as { data: string | null }[];
    const [p, r] = lists.map((c, i) => {
      const list = formatter(c).fromFile(files[i]?.data ?? '')[c.name];
      return Array.isArray(list) ? (list as unknown[]) : [];
    });
    return { people: p!, regions: r! };
  } catch {
    return NO_ROSTER;
  }
}

/** The roster's labels as of today in Beijing. */
export function namesToday(roster: RosterLists): Names {
  return namesOf(roster, inShanghai(Temporal.Now.instant()).toPlainDate());
}

/** A submission's data with the names of its ids beside them. */
function withShown(c: Collection, data: Data, names: Names): Data {
  return { ...data, ...shownValues(c, data, names) };
}

/** pinyin-pro's `match` once a search has Latin letters (a chunk of its own, loaded then); none if it fails. */
async function pinyinFor(term: string): Promise<PinyinMatch | undefined> {
  if (!/[a-z]/i.test(term)) return undefined;
  try {
    return (await import('./pinyin.ts')).match;
  } catch {
    return undefined;
  }
}

/** An option of Decap's relation control. */
interface Option {
  value: string;
  label: string;
  data?: unknown;
}

/** The instance members of Decap 3.16's RelationControl (decap-cms-widget-relation) replaced here. */
interface RelationInternals {
  props: { field: { get(key: string): unknown } };
  parseHitOptions(hits: unknown[]): Option[];
  loadOptions(term: string, callback: (options: Option[]) => void): void;
}

/**
 * `Control` (Decap's relation control) with options labelled by name and searched by name and pinyin.
 * It loads the whole roster (Decap caches it, and the config asks for all of it) and filters it here,
 * because Decap's own fuzzy search knows neither pinyin nor the region's name.
 */
export function withNames<C extends ControlClass>(Control: C, names: Names): C {
  return class extends Control {
    // TypeScript requires this signature of a mixin's constructor.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    constructor(...args: any[]) {
      super(...args);
      const self = this as unknown as RelationInternals;
      const known = (): ReadonlyMap<string, Named> | undefined => {
        const collection = self.props.field.get('collection');
        return collection === 'people' || collection === 'regions' ? names[collection] : undefined;
      };
      const parse = self.parseHitOptions.bind(self);
      self.parseHitOptions = (hits) => {
        const map = known();
        return parse(hits).map((o) => ({ ...o, label: map?.get(o.value)?.label ?? o.label }));
      };
      // Decap's loadOptions is debounced and answers through the callback; asked for everything.
      const load = self.loadOptions.bind(self);
      self.loadOptions = (term, callback) =>
        load('', (options) => {
          void pinyinFor(term).then((pinyin) => {
            const map = known();
            const named = (o: Option): Named =>
              map?.get(o.value) ?? { label: o.label, name: o.label, left: false };
            const found = options.filter((o) => matches(term, named(o), o.value, pinyin));
            // People who have left can still be picked (older entries name them) but come last.
            callback([...found.filter((o) => !named(o).left), ...found.filter((o) => named(o).left)]);
          });
        });
    }
  };
}

/** Names instead of ids in the lists, on the board and in the pickers; call after the formats and widgets. */
export function registerNames(cms: NamesCms, names: Names): void {
  for (const c of SUBMISSIONS as readonly Collection[]) {
    const own = formatter(c);
    cms.registerCustomFormat(formatName(c), 'md', {
      fromFile: (text) => withShown(c, own.fromFile(text), names),
      toFile: own.toFile,
    });
  }
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const c = SUBMISSIONS.find((s) => s.name === entry.get('collection')) as Collection | undefined;
      const data = entry.get('data') as ImmutableMap;
      if (!c) return data;
      const shown = shownValues(c, data.toJS(), names);
      return Object.entries(shown).reduce((d, [key, value]) => d.set(key, value), data);
    },
  });
  const relation = cms.getWidget('relation');
  if (relation)
    cms.registerWidget('relation', withNames(relation.control, names), relation.preview, relation.schema);
}
