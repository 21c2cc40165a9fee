// Date parameters (`/export?from=`, `export --from`) read strictly: a day that
// does not exist is an error, never rolled over into the next month.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** A UTC date (`2026-06-01`, midnight) or a date-time with a zone; null when it is not a real moment. */
export function parseStrictDate(text: string): Date | null {
  const date = DATE.exec(text);
  if (date) {
    const [, y, m, d] = date.map(Number) as [number, number, number, number];
    return realDay(y, m, d) ? new Date(Date.UTC(y, m - 1, d)) : null;
  }
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) return null;
  const [y, m, d, h, min, s] = dateTime.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const [offH, offM] = [Number(dateTime[9] ?? 0), Number(dateTime[10] ?? 0)];
  if (!realDay(y, m, d) || h > 23 || min > 59 || s > 59 || offH > 23 || offM > 59) return null;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

function realDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
