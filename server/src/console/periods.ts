import { RequestError } from '../errors.js';
import { FIGURE_SLOT_SECONDS } from '../store/store.js';

// Local days and weeks in a time zone, as UTC instants. The figures are kept
// per 15-minute UTC slot; a period is the run of slots from its start to the
// next period's start, so a receipt at 00:30 BST on 1 July counts on 1 July
// in Europe/London and on 30 June in UTC.

export type Interval = 'day' | 'week';

export interface Periods {
  /** The time zone's canonical IANA name. */
  zone: string;
  /** Local start date of each period (YYYY-MM-DD). */
  labels: string[];
  /** Epoch seconds: each period's start, then the end of the last one. */
  boundaries: number[];
}

const MAX_DAYS = 732;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter for `timeZone`, or a 400 naming `field` if the zone is unknown. */
function formatterFor(timeZone: string, field: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new RequestError(400, 'invalid request', `"${timeZone}" is not an IANA time zone such as Europe/London`, field);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Seconds to add to UTC to get local wall time in `timeZone` at `epochMs`. */
function offsetSeconds(formatter: Intl.DateTimeFormat, epochMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0);
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 1000);
}

/** Epoch seconds of local midnight starting `dayMs` (a UTC midnight naming the local date). */
function localMidnight(formatter: Intl.DateTimeFormat, dayMs: number): number {
  // Two rounds settle on the offset in force at that midnight, DST included.
  let guess = dayMs - offsetSeconds(formatter, dayMs) * 1000;
  guess = dayMs - offsetSeconds(formatter, guess) * 1000;
  return guess / 1000;
}

/** A real calendar date (YYYY-MM-DD) as the UTC midnight naming it, or a 400 naming `field`. */
export function parseDay(text: string | undefined, field: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!match) throw new RequestError(400, 'invalid request', `${field} must be a date such as 2026-11-30`, field);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (year < 1970 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RequestError(400, 'invalid request', `${field} is not a real date: ${text}`, field);
  }
  return ms;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The periods covering local dates `from` to `to`, both included; weeks start on Monday. */
export function periodsFor(from: string, to: string, timeZone: string, interval: Interval): Periods {
  const first = parseDay(from, 'from');
  const last = parseDay(to, 'to');
  if (last < first) throw new RequestError(400, 'invalid request', `to (${to}) is before from (${from})`, 'to');
  if ((last - first) / DAY_MS + 1 > MAX_DAYS) {
    throw new RequestError(400, 'invalid request', `a range is at most ${MAX_DAYS} days`, 'to');
  }
  const formatter = formatterFor(timeZone, 'tz');
  const starts: number[] = [];
  for (let day = first; day <= last; day += DAY_MS) {
    // 1970-01-05 was a Monday: day index 4 of the epoch.
    if (interval === 'day' || day === first || (day / DAY_MS - 4) % 7 === 0) starts.push(day);
  }
  const days = [...starts, last + DAY_MS];
  const boundaries = days.map((day) => localMidnight(formatter, day));
  if (boundaries.some((b) => b % FIGURE_SLOT_SECONDS !== 0)) {
    throw new RequestError(400, 'invalid request', `${timeZone} was not a whole number of quarter hours from UTC in this range`, 'tz');
  }
  return { zone: formatter.resolvedOptions().timeZone, labels: starts.map(isoDay), boundaries };
}

/** The UTC instants of `from`'s local midnight and the local midnight after `to`. */
export function localRange(from: string, to: string, timeZone: string): { from: Date; to: Date } {
  const { boundaries } = periodsFor(from, to, timeZone, 'week');
  return { from: new Date((boundaries[0] ?? 0) * 1000), to: new Date((boundaries.at(-1) ?? 0) * 1000) };
}
