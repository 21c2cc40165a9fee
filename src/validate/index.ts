/**
 * The config validator chunk (`validate.js`): the structure of `ConsentryConfig`
 * plus the legal rules (PECR, EDPB taskforce, WCAG contrast), each issue naming
 * the exact field (`categories[2].services[0].cookies[1].duration`).
 * It can be loaded on a visitor's first visit, so it is a tiny spec interpreter
 * rather than a JSON Schema engine; `schema.json` says the same for editors.
 */
import type { ConfigIssue } from '../core/types.js';

type Obj = Record<string, unknown>;
/** Checks one value and returns a message when it is wrong; nested checks report their own paths. */
type Check = (value: unknown, path: string) => unknown;

/** Tracker cookies that are never strictly necessary; a trailing `*` is a prefix. */
const TRACKERS = '_ga _ga_* _gid _fbp _gcl_* _gat* IDE fr _uetsid _uetvid __utm*'.split(' ');
/**
 * Days per unit, rounded up (a year 366, a month 30.5 as 13 calendar months span at most 397 days):
 * `13 months` passes, `14 months` and `2 years` do not.
 */
const DAYS: Record<string, number> = { minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30.5, year: 366 };
/** Theme tokens checked for WCAG 1.4.3 contrast, as foreground/background pairs. */
const PAIRS = 'text background buttonText buttonBackground accent background'.split(' ');

const isObj = (v: unknown): v is Obj => !!v && typeof v == 'object' && !Array.isArray(v);
const join = (path: string, key: string) => (path ? path + '.' + key : key);

/** Every problem in `config`, in document order; an empty list means valid. Never throws. */
export const validateConfig = (config: unknown): ConfigIssue[] => {
  const issues: ConfigIssue[] = [];
  const categoryIds: unknown[] = [];
  let serviceIds: unknown[] = [];
  let strict = false;
  let necessary = 0;
  let theme: Obj = {};

  const fail = (path: string, message: string) => void issues.push({ path, message });
  const run = (check: Check, v: unknown, path: string) => {
    const message = check(v, path);
    if (message) fail(path, message as string);
  };
  const is =
    (test: (v: unknown) => unknown, message: string): Check =>
    (v) =>
      test(v) ? 0 : message;
  const oneOf = (...values: unknown[]) => is((v) => values.includes(v), 'must be one of ' + values.join(', '));
  const match = (re: RegExp, message: string) => is((v) => typeof v == 'string' && re.test(v), message);
  const int = (min: number, max = 1e9) =>
    is(
      (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max,
      'must be an integer ' + (max < 1e9 ? `from ${min} to ${max}` : `≥ ${min}`),
    );
  const str = match(/./, 'must be a non-empty string');
  const bool = is((v) => typeof v == 'boolean', 'must be true or false');
  const text = is(
    (v) =>
      typeof v == 'string'
        ? v
        : isObj(v) && Object.keys(v).length && Object.values(v).every((s) => typeof s == 'string' && s),
    'must be a string or a map of language to string',
  );
  // Browsers drop tabs, newlines and leading controls from URLs (`java\tscript:`), so the check does too.
  const url = is(
    (v) => typeof v == 'string' && /^((https?|mailto):|(?![a-z][a-z\d+.-]*:))/i.test(v.replace(/[\0- ]/g, '')),
    'must be an http:, https:, mailto: or relative URL',
  );
  const id = match(/^[a-z][a-z\d-]*$/, 'must match ^[a-z][a-z0-9-]*$');
  // Where a service loads from and sends to (the head script's auto-blocking): a host, *.domain, or a URL prefix.
  const host = match(
    /^((\*\.)?[a-z\d-]+(\.[a-z\d-]+)*|https?:\/\/[^\s/]+\/\S*)$/i,
    'must be a host name (cdn.example.com), *.example.com or an http(s) URL prefix ending in /',
  );
  const days = int(1, 400);
  const duration: Check = (v) => {
    const m = typeof v == 'string' && /^(?:session|(\d+) ?(minute|hour|day|week|month|year)s?)$/.exec(v);
    return !m
      ? 'must be session or N minutes, hours, days, weeks, months or years'
      : +m[1] * DAYS[m[2]] > 400 && 'must be at most 400 days (browsers cap cookies at 400 days)';
  };
  const list =
    (item: Check, min = 0): Check =>
    (v, path) => {
      if (!Array.isArray(v)) return 'must be a list';
      if (v.length < min) return 'must not be empty';
      v.forEach((x, i) => {
        run(item, x, `${path}[${i}]`);
      });
    };
  /**
   * An object with these keys (`key!` = required). `hook` sees the object first (for the rules
   * across fields); keys not in `spec` go to `rest`, or are unknown.
   */
  const obj =
    (spec: Record<string, Check>, hook?: (v: Obj, path: string) => void, rest?: Check): Check =>
    (v, path) => {
      if (!isObj(v)) return 'must be an object';
      hook?.(v, path);
      for (const k in v)
        if (!Object.hasOwn(spec, k) && !Object.hasOwn(spec, k + '!'))
          if (rest) run(rest, v[k], join(path, k));
          else fail(join(path, k), 'unknown key');
      for (const key in spec) {
        const k = key.replace('!', ''),
          required = k != key,
          x = v[k];
        if (x !== undefined && !(required && x === '')) run(spec[key], x, join(path, k));
        else if (required) fail(join(path, k), 'required');
      }
    };

  const themeSpec: Record<string, Check> = { scheme: oneOf('light', 'dark', 'auto') };
  for (const k of 'background text accent buttonBackground buttonText border radius font'.split(' ')) themeSpec[k] = str;

  const root = obj({
    $schema: str,
    $validated: str,
    'revision!': int(0),
    jurisdiction: match(/^([A-Z]{2}|auto)$/, 'must be a country code (GB), EU or auto'),
    language: match(/^[a-z]{2,3}(-\w+)*$/, 'must be a language code (en, en-GB)'),
    policy: obj({
      'url!': url,
      'version!': str,
      updated: str,
      history: list(obj({ 'version!': str, 'date!': str, 'summary!': text, url })),
    }),
    cookie: obj({ name: str, consentDays: days, refusalDays: days, domain: str }),
    receipts: obj({ endpoint: url, retryMs: int(1) }),
    consentMode: obj({ enabled: bool, urlPassthrough: bool, adsDataRedaction: bool, waitForUpdate: int(0) }),
    gpc: obj({ honour: bool, allowOverride: bool }),
    reloadOnWithdraw: bool,
    signals: obj({
      uet: bool,
      clarity: bool,
      meta: bool,
      dataLayer: is(
        (v) => typeof v == 'boolean' || (typeof v == 'string' && /^[\w.-]+$/.test(v)),
        'must be true, false or an event name (letters, digits, _ . -)',
      ),
    }),
    devMode: bool,
    texts: obj({}, undefined, obj({}, undefined, is((v) => typeof v == 'string', 'must be a string'))),
    ui: obj({ layout: oneOf('bar', 'box', 'center'), reopenButton: oneOf(false, 'bottom-left', 'bottom-right') }),
    theme: obj(
      themeSpec,
      (t) => {
        theme = t;
        // WCAG 1.4.3: text on its background at least 4.5:1, when both colours are given.
        for (let i = 0; i < 6; i += 2) {
          const [a, b] = [0, 1].map((j) => luminance(t[PAIRS[i + j]]));
          const ratio = a != null && b != null ? (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) : 9;
          if (ratio < 4.5)
            fail(
              'theme.' + PAIRS[i],
              `${PAIRS[i]} on ${PAIRS[i + 1]} has contrast ${Math.floor(ratio * 100) / 100}:1, below 4.5:1`,
            );
        }
      },
      // Equal emphasis (PECR-6, EDPB-4): accept and reject are styled alike or not at all.
      (v, path) => {
        const m = /\.(accept|reject)([A-Z]\w*)$/.exec(path);
        if (!m) return 'unknown key';
        const other = (m[1] < 'r' ? 'reject' : 'accept') + m[2];
        return (
          str(v, path) ||
          (theme[other] !== v &&
            (m[1] < 'r' || theme[other] === undefined) &&
            'accept and reject must have equal emphasis: set the same value for ' + other)
        );
      },
    ),
    'categories!': list(
      obj(
        {
          'id!': id,
          basis: oneOf('strictly-necessary', 'consent', 'objection'),
          'title!': text,
          'description!': text,
          consentMode: list(
            oneOf(
              ...'ad_storage ad_user_data ad_personalization analytics_storage functionality_storage personalization_storage security_storage'.split(
                ' ',
              ),
            ),
          ),
          services: list(
            obj(
              {
                'id!': id,
                'name!': str,
                description: text,
                url,
                cookies: list(
                  obj(
                    {
                      'name!': str,
                      'provider!': str,
                      'purpose!': text,
                      'duration!': duration,
                      justification: text,
                      domain: str,
                    },
                    (cookie, path) => {
                      if (!strict) return;
                      const name = String(cookie.name),
                        stem = name.replace(/\*$/, '');
                      // The same cookie: equal names, a name under a tracker prefix, a declared prefix over a tracker.
                      if (
                        TRACKERS.some((t) => {
                          const tStem = t.replace(/\*$/, ''),
                            under = stem.startsWith(tStem),
                            over = tStem.startsWith(stem);
                          return (under && over) || (t != tStem && under) || (name != stem && over);
                        })
                      )
                        fail(path + '.name', 'a tracking cookie cannot be strictly necessary');
                      if (cookie.justification === undefined)
                        fail(path + '.justification', 'required for strictly-necessary cookies');
                    },
                  ),
                ),
                storage: list(str),
                hosts: list(host),
              },
              (service, path) => {
                if (serviceIds.includes(service.id)) fail(path + '.id', 'must be unique');
                serviceIds.push(service.id);
              },
            ),
          ),
        },
        (category, path) => {
          const basis = category.basis ?? 'consent';
          strict = basis == 'strictly-necessary';
          serviceIds = [];
          if (categoryIds.includes(category.id)) fail(path + '.id', 'must be unique');
          categoryIds.push(category.id);
          // Advertising always needs consent; objection is the UK-only exception (DUAA 2025).
          if (category.id == 'marketing' || /\bad_/.test(category.consentMode as string)) {
            if (basis != 'consent') fail(path + '.basis', 'must be consent: advertising always needs consent');
          } else if (basis == 'objection' && !/^(GB|auto)$/.test((config as Obj).jurisdiction as string))
            fail(path + '.basis', 'objection is allowed only with jurisdiction GB or auto');
          if (strict && necessary++) fail(path + '.basis', 'only one category may be strictly-necessary');
        },
      ),
      1,
    ),
  });

  try {
    run(root, config, '');
  } catch {
    fail('', 'must be plain JSON data');
  }
  return issues;
};

/** WCAG relative luminance of `#rgb`, `#rrggbb` or `rgb(r, g, b)`; null for anything else. */
const luminance = (colour: unknown) => {
  const m = /^#(..)(..)(..)$|^rgb\((\d+)[ ,]+(\d+)[ ,]+(\d+)\)$/.exec(
    String(colour).replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3'),
  );
  return m
    ?.slice(1)
    .filter((x) => x)
    .reduce((sum, x, i) => {
      const c = parseInt(x, m[1] ? 16 : 10) / 255;
      return sum + [0.2126, 0.7152, 0.0722][i] * (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    }, 0);
};

/** The issues of `config` as the `path: message` lines of a `ConfigError` (the core throws it when there are any). */
export const issueLines = (config: unknown): string[] => validateConfig(config).map((i) => `${i.path || 'config'}: ${i.message}`);
