// The console's front end: plain DOM and Chart.js, served only under
// /console (nothing here reaches the visitor's bundle). Every figure is drawn
// twice: a chart for the eye and, beside it, a table with the same numbers for
// screen readers and for copying.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip);

interface CategoryTally {
  offered: number;
  granted: number;
}
interface Tally {
  decisions: number;
  gpc: number;
  actions: Record<string, number>;
  categories: Record<string, CategoryTally>;
}
interface FiguresReport {
  from: string;
  to: string;
  tz: string;
  interval: 'day' | 'week';
  by: string;
  periods: { start: string }[];
  categories: string[];
  actions: string[];
  total: Tally;
  groups: { value: string; total: Tally; periods: Tally[] }[];
}
interface StoredReceipt {
  seq: number;
  receivedAt: string;
  hash: string;
  receipt: {
    id: string;
    timestamp: string;
    action: string;
    method: string;
    granted: string[];
    denied: string[];
    revision: number;
    policyVersion: string;
    configHash: string;
    jurisdiction: string;
    language: string;
    signals: { gpc: boolean };
  };
}
interface Verification {
  verifiedAt: string;
  ok: boolean;
  count: number;
  head: { seq: number; hash: string } | null;
  brokenAt: { seq: number; reason: string } | null;
}

const ACTION_LABELS: Record<string, string> = {
  'accept-all': 'Accept all',
  'reject-all': 'Reject all',
  custom: 'Custom',
  withdraw: 'Withdraw',
  object: 'Object',
  gpc: 'GPC',
};
const BY_LABELS: Record<string, string> = {
  all: 'All decisions',
  revision: 'Revision',
  policyVersion: 'Policy version',
  configHash: 'Banner version',
  jurisdiction: 'Jurisdiction',
  language: 'Language',
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let csrf = '';
const charts: Chart[] = [];

/** A share as the server's CSV prints it: percent with one decimal, "–" when nothing was counted. */
const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)}%`);
const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.method && init.method !== 'GET') headers.set('x-consentry-csrf', csrf);
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (response.status === 401 && !path.endsWith('/session')) {
    showSignIn('Your session has ended. Sign in again.');
    throw new Error('not signed in');
  }
  const body = response.status === 204 ? null : ((await response.json()) as { message?: string; error?: string } | null);
  if (!response.ok) throw new Error(body?.message ?? body?.error ?? `HTTP ${response.status}`);
  return body as T;
}

// ---- sign-in and sign-out -------------------------------------------------

function showSignIn(message = '') {
  csrf = '';
  $('console').hidden = true;
  $('sign-out-form').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
  $<HTMLInputElement>('token').focus();
}

async function showConsole(session: { csrf: string }, focus: boolean) {
  csrf = session.csrf;
  $('sign-in').hidden = true;
  $('console').hidden = false;
  $('sign-out-form').hidden = false;
  if (focus) $('figures-title').focus();
  await Promise.all([loadFigures(), loadChain()]);
}

async function signIn(event: SubmitEvent) {
  event.preventDefault();
  const input = $<HTMLInputElement>('token');
  const error = $('sign-in-error');
  if (input.value === '') {
    error.textContent = 'Enter the admin token.';
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  const response = await fetch('/console/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: input.value }),
    credentials: 'same-origin',
  });
  input.value = '';
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    error.textContent =
      response.status === 429 ? `Too many wrong tokens: ${body.message ?? 'try again later'}.` : 'That is not the admin token.';
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
  error.textContent = '';
  await showConsole((await response.json()) as { csrf: string }, true);
}
$('sign-in-form').addEventListener('submit', (event) => void signIn(event));

async function signOut(event: SubmitEvent) {
  event.preventDefault();
  await api('/console/api/session/end', { method: 'POST' });
  showSignIn('You are signed out.');
}
$('sign-out-form').addEventListener('submit', (event) => void signOut(event));

// ---- figures ----------------------------------------------------------------

function figuresQuery(format = 'json'): string {
  const form = new FormData($<HTMLFormElement>('figures-form'));
  const query = new URLSearchParams();
  for (const name of ['from', 'to', 'tz', 'interval', 'by']) {
    const value = form.get(name);
    query.set(name, typeof value === 'string' ? value : '');
  }
  query.set('format', format);
  return query.toString();
}

async function loadFigures() {
  const status = $('figures-status');
  status.textContent = 'Loading figures…';
  try {
    const report = await api<FiguresReport>(`/console/api/figures?${figuresQuery()}`);
    renderFigures(report);
    status.textContent = `Showing the figures for ${report.from} to ${report.to}, days in ${report.tz}.`;
  } catch (error) {
    status.textContent = `Could not load the figures: ${(error as Error).message}`;
  }
}

$('figures-form').addEventListener('submit', (event) => {
  event.preventDefault();
  $<HTMLInputElement>('export-tz').value = $<HTMLInputElement>('tz').value;
  void loadFigures();
});

function palette(): { series: string[]; text: string; grid: string } {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    series: [1, 2, 3, 4, 5, 6].map((i) => read(`--series-${i}`)),
    text: read('--text'),
    grid: read('--grid'),
  };
}

function drawChart(canvas: HTMLCanvasElement, config: ChartConfiguration) {
  const colours = palette();
  Chart.defaults.color = colours.text;
  Chart.defaults.borderColor = colours.grid;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  charts.push(new Chart(canvas, { ...config, options: { animation: false, maintainAspectRatio: false, ...config.options } }));
}

function chartBox(label: string): { box: HTMLDivElement; canvas: HTMLCanvasElement } {
  // The table beside it carries the numbers; the canvas only says what it shows.
  const canvas = el('canvas', { role: 'img', 'aria-label': `${label}. The same figures are in the table beside this chart.` });
  return { box: el('div', { class: 'chart' }, canvas), canvas };
}

function table(caption: string, head: string[], rows: (string | number)[][], id: string): HTMLTableElement {
  return el(
    'table',
    { id },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...rows.map(([first, ...rest]) => el('tr', {}, el('th', { scope: 'row' }, String(first)), ...rest.map((c) => el('td', {}, String(c))))),
    ),
  );
}

/** A scrollable box for a wide or long table; focusable so the keyboard can scroll it too. */
function tableBox(data: HTMLTableElement): HTMLDivElement {
  return el('div', { class: 'table-wrap', role: 'region', 'aria-label': data.caption?.textContent ?? 'table', tabindex: '0' }, data);
}

/** A chart with its table beside it, or below it when the table is `wide`. */
function figure(title: string, chart: HTMLElement, data: HTMLTableElement, note?: string, wide = false): HTMLElement {
  const heading = el('h3', {}, title);
  return el(
    'figure',
    { class: 'figure' },
    el('figcaption', {}, heading, ...(note ? [el('p', { class: 'note' }, note)] : [])),
    el('div', { class: wide ? 'pair stacked' : 'pair' }, chart, tableBox(data)),
  );
}

function renderFigures(report: FiguresReport) {
  for (const chart of charts.splice(0)) chart.destroy();
  const root = $('figures');
  root.replaceChildren();
  const colours = palette().series;
  const groupLabel = (value: string) => (report.by === 'all' ? 'All decisions' : value);
  const byLabel = BY_LABELS[report.by] ?? report.by;

  const csv = el('a', { href: `/console/api/figures?${figuresQuery('csv')}`, download: '', id: 'figures-csv' }, 'Download these figures (CSV)');
  root.append(
    el(
      'p',
      { class: 'summary' },
      `${report.total.decisions} decisions; a GPC signal came with ${report.total.gpc} of them (${percent(report.total.gpc, report.total.decisions)}). `,
      csv,
    ),
  );
  if (report.total.decisions === 0) {
    root.append(el('p', {}, 'No decisions were received in this range.'));
    return;
  }

  // 1. The split of actions, per breakdown value.
  const actions = chartBox(`Share of each action, by ${byLabel.toLowerCase()}`);
  root.append(
    figure(
      'What visitors chose',
      actions.box,
      table(
        `Actions by ${byLabel.toLowerCase()}, ${report.from} to ${report.to}`,
        [byLabel, 'Decisions', ...report.actions.map((a) => ACTION_LABELS[a] ?? a), 'With GPC'],
        report.groups.map((g) => [
          groupLabel(g.value),
          g.total.decisions,
          ...report.actions.map((a) => `${g.total.actions[a] ?? 0} (${percent(g.total.actions[a] ?? 0, g.total.decisions)})`),
          `${g.total.gpc} (${percent(g.total.gpc, g.total.decisions)})`,
        ]),
        'actions-table',
      ),
      undefined,
      true,
    ),
  );
  drawChart(actions.canvas, {
    type: 'bar',
    data: {
      labels: report.groups.map((g) => groupLabel(g.value)),
      datasets: report.actions.map((action, i) => ({
        label: ACTION_LABELS[action] ?? action,
        data: report.groups.map((g) => ratio(g.total.actions[action] ?? 0, g.total.decisions)),
        backgroundColor: colours[i % colours.length],
      })),
    },
    options: {
      indexAxis: 'y',
      scales: { x: { stacked: true, max: 100, title: { display: true, text: '% of decisions' } }, y: { stacked: true } },
    },
  });

  // 2. Per category, the share of decisions that granted it, whole range.
  const granted = chartBox(`Share of decisions that granted each category, by ${byLabel.toLowerCase()}`);
  root.append(
    figure(
      'Opt-in rate per category',
      granted.box,
      table(
        `Granted, of the decisions that offered the category, ${report.from} to ${report.to}`,
        ['Category', ...report.groups.map((g) => groupLabel(g.value))],
        report.categories.map((category) => [
          category,
          ...report.groups.map((g) => {
            const c = g.total.categories[category] ?? { offered: 0, granted: 0 };
            return `${percent(c.granted, c.offered)} (${c.granted} of ${c.offered})`;
          }),
        ]),
        'categories-table',
      ),
      'A decision offered a category when its banner listed it. Withdrawals count as decisions that granted nothing optional.',
    ),
  );
  drawChart(granted.canvas, {
    type: 'bar',
    data: {
      labels: report.categories,
      datasets: report.groups.map((g, i) => ({
        label: groupLabel(g.value),
        data: report.categories.map((c) => ratio(g.total.categories[c]?.granted ?? 0, g.total.categories[c]?.offered ?? 0)),
        backgroundColor: colours[i % colours.length],
      })),
    },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '% granted' } } } },
  });

  // 3. The same shares over time, one chart per category.
  const periodLabels = report.periods.map((p) => p.start);
  for (const category of report.categories) {
    const overTime = chartBox(`Share granting ${category} per ${report.interval}`);
    root.append(
      figure(
        `${category}: granted per ${report.interval}`,
        overTime.box,
        table(
          `${category} granted per ${report.interval} (${report.tz})`,
          [report.interval === 'day' ? 'Day' : 'Week from', ...report.groups.map((g) => groupLabel(g.value))],
          periodLabels.map((label, p) => [
            label,
            ...report.groups.map((g) => {
              const c = g.periods[p]?.categories[category] ?? { offered: 0, granted: 0 };
              return `${percent(c.granted, c.offered)} (${c.granted} of ${c.offered})`;
            }),
          ]),
          `category-${category}-table`,
        ),
      ),
    );
    drawChart(overTime.canvas, {
      type: 'line',
      data: {
        labels: periodLabels,
        datasets: report.groups.map((g, i) => ({
          label: groupLabel(g.value),
          data: g.periods.map((t) => ratio(t.categories[category]?.granted ?? 0, t.categories[category]?.offered ?? 0)),
          borderColor: colours[i % colours.length],
          backgroundColor: colours[i % colours.length],
          spanGaps: true,
        })),
      },
      options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '% granted' } } } },
    });
  }

  // 4. Decisions and the GPC share over time.
  const gpc = chartBox(`Share of decisions with a GPC signal per ${report.interval}`);
  root.append(
    figure(
      `GPC signal per ${report.interval}`,
      gpc.box,
      table(
        `Decisions and GPC share per ${report.interval} (${report.tz})`,
        [report.interval === 'day' ? 'Day' : 'Week from', ...report.groups.map((g) => groupLabel(g.value))],
        periodLabels.map((label, p) => [
          label,
          ...report.groups.map((g) => {
            const t = g.periods[p];
            return t ? `${percent(t.gpc, t.decisions)} (${t.gpc} of ${t.decisions})` : '–';
          }),
        ]),
        'gpc-table',
      ),
    ),
  );
  drawChart(gpc.canvas, {
    type: 'line',
    data: {
      labels: periodLabels,
      datasets: report.groups.map((g, i) => ({
        label: groupLabel(g.value),
        data: g.periods.map((t) => ratio(t.gpc, t.decisions)),
        borderColor: colours[i % colours.length],
        backgroundColor: colours[i % colours.length],
        spanGaps: true,
      })),
    },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '% with GPC' } } } },
  });
}

// ---- the record ---------------------------------------------------------------

async function lookUpRecord(event: SubmitEvent) {
  event.preventDefault();
  const input = $<HTMLInputElement>('consent-id');
  const status = $('record-status');
  const root = $('record');
  const subject = input.value.trim();
  root.replaceChildren();
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(subject)) {
    status.textContent = 'A consent id is a UUID such as 3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e.';
    input.setAttribute('aria-invalid', 'true');
    return;
  }
  input.removeAttribute('aria-invalid');
  try {
    const { receipts } = await api<{ receipts: StoredReceipt[] }>(`/console/api/record/${encodeURIComponent(subject)}`);
    status.textContent = receipts.length === 0 ? `No receipts for ${subject}.` : `${receipts.length} receipts for ${subject}, oldest first.`;
    if (receipts.length === 0) return;
    root.append(
      tableBox(
        table(
          `History of consent id ${subject}`,
          ['Received (UTC)', 'Action', 'Method', 'Granted', 'Denied', 'GPC', 'Revision', 'Policy', 'Jurisdiction', 'Language', 'Position'],
          receipts.map((r) => [
            r.receivedAt.replace('T', ' ').replace(/\.\d+Z$/, ''),
            ACTION_LABELS[r.receipt.action] ?? r.receipt.action,
            r.receipt.method,
            r.receipt.granted.join(', ') || '–',
            r.receipt.denied.join(', ') || '–',
            r.receipt.signals.gpc ? 'yes' : 'no',
            r.receipt.revision,
            r.receipt.policyVersion,
            r.receipt.jurisdiction,
            r.receipt.language,
            r.seq,
          ]),
          'record-table',
        ),
      ),
    );
  } catch (error) {
    status.textContent = `Could not look up the record: ${(error as Error).message}`;
  }
}
$('record-form').addEventListener('submit', (event) => void lookUpRecord(event));

// ---- the chain ----------------------------------------------------------------

function describeVerification(v: Verification | null): string {
  if (!v) return 'never';
  const when = new Date(v.verifiedAt).toLocaleString('en-GB', { timeZone: $<HTMLInputElement>('tz').value || 'UTC', timeZoneName: 'short' });
  return v.ok
    ? `${when}: intact, ${v.count} receipts checked`
    : `${when}: BROKEN at position ${v.brokenAt?.seq} (${v.brokenAt?.reason})`;
}

async function loadChain() {
  const chain = await api<{ head: { seq: number; hash: string } | null; lastVerification: Verification | null }>('/console/api/chain');
  $('head-hash').textContent = chain.head?.hash ?? '–';
  $('head-seq').textContent = chain.head ? String(chain.head.seq) : 'nothing stored yet';
  $('last-verified').textContent = describeVerification(chain.lastVerification);
}

async function verifyChain() {
  const status = $('verify-status');
  const button = $<HTMLButtonElement>('verify');
  button.disabled = true;
  status.textContent = 'Verifying the whole chain…';
  try {
    const result = await api<Verification>('/console/api/chain/verify', { method: 'POST' });
    status.textContent = result.ok
      ? `The chain is intact: ${result.count} receipts checked.`
      : `The chain is broken at position ${result.brokenAt?.seq} (${result.brokenAt?.reason}).`;
    await loadChain();
  } catch (error) {
    status.textContent = `Could not verify: ${(error as Error).message}`;
  } finally {
    button.disabled = false;
    button.focus();
  }
}
$('verify').addEventListener('click', () => void verifyChain());

async function copyHead() {
  const hash = $('head-hash').textContent ?? '';
  try {
    await navigator.clipboard.writeText(hash);
    $('verify-status').textContent = 'Head hash copied.';
  } catch {
    // No clipboard permission: select it so Ctrl+C copies it.
    const range = document.createRange();
    range.selectNodeContents($('head-hash'));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    $('verify-status').textContent = 'Head hash selected: press Ctrl+C (⌘C) to copy it.';
  }
}
$('copy-head').addEventListener('click', () => void copyHead());

// ---- start ----------------------------------------------------------------------

function startingRange() {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const today = new Date().toLocaleDateString('en-CA', { timeZone: tz });
  const start = new Date(Date.parse(`${today}T00:00:00Z`) - 27 * 86_400_000).toISOString().slice(0, 10);
  for (const [id, value] of [['from', start], ['to', today], ['export-from', start], ['export-to', today], ['tz', tz], ['export-tz', tz]]) {
    $<HTMLInputElement>(id as string).value = value as string;
  }
  const zones = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  $('time-zones').append(...['UTC', ...zones].map((zone) => el('option', { value: zone })));
}

startingRange();
try {
  const session = await fetch('/console/api/session', { credentials: 'same-origin' });
  if (session.ok) await showConsole((await session.json()) as { csrf: string }, false);
  else showSignIn();
} catch {
  showSignIn('The receipts server did not answer.');
}
