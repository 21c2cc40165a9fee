// The console's one HTML page. It holds no figures and no record: those come
// from /console/api/ after sign-in, so without a session it shows a form only.
export const CONSOLE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>Consentry console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/assets/console.css">
<script type="module" src="/console/assets/console.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="bar">
  <p class="brand">Consentry <span>console</span></p>
  <form id="sign-out-form" hidden><button type="submit" class="quiet">Sign out</button></form>
</header>
<main id="main">
  <section id="sign-in" aria-labelledby="sign-in-title" hidden>
    <h1 id="sign-in-title">Sign in</h1>
    <p>Sign in with the server's admin token (<code>ADMIN_TOKEN</code>). It is kept as a session cookie for 8 hours.</p>
    <form id="sign-in-form" novalidate>
      <input type="text" name="username" value="admin" autocomplete="username" hidden>
      <label for="token">Admin token</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required aria-describedby="sign-in-error">
      <button type="submit">Sign in</button>
      <p id="sign-in-error" class="error" role="alert"></p>
    </form>
  </section>

  <div id="console" hidden>
    <h1 class="visually-hidden">Consentry console</h1>
    <section aria-labelledby="figures-title">
      <h2 id="figures-title" tabindex="-1">Opt-in figures</h2>
      <form id="figures-form" class="filters">
        <div><label for="from">From</label><input id="from" name="from" type="date" required></div>
        <div><label for="to">To (included)</label><input id="to" name="to" type="date" required></div>
        <div><label for="tz">Time zone</label><input id="tz" name="tz" list="time-zones" required autocomplete="off" spellcheck="false"><datalist id="time-zones"></datalist></div>
        <div><label for="interval">Per</label><select id="interval" name="interval"><option value="day">day</option><option value="week">week</option></select></div>
        <div><label for="by">Broken down by</label><select id="by" name="by">
          <option value="all">nothing (all decisions)</option>
          <option value="revision">config revision</option>
          <option value="policyVersion">policy version</option>
          <option value="configHash">banner version (configHash)</option>
          <option value="jurisdiction">jurisdiction</option>
          <option value="language">language</option>
        </select></div>
        <div class="actions"><button type="submit">Show figures</button></div>
      </form>
      <p id="figures-status" role="status"></p>
      <div id="figures"></div>
    </section>

    <section aria-labelledby="record-title">
      <h2 id="record-title">Consent record</h2>
      <form id="record-form" class="filters">
        <div class="wide"><label for="consent-id">Consent id</label><input id="consent-id" name="subject" required autocomplete="off" spellcheck="false" aria-describedby="record-status"></div>
        <div class="actions"><button type="submit">Look up</button></div>
      </form>
      <p id="record-status" role="status"></p>
      <div id="record"></div>
    </section>

    <section aria-labelledby="chain-title">
      <h2 id="chain-title">Receipt chain</h2>
      <dl class="facts">
        <dt>Head hash</dt><dd><code id="head-hash">–</code> <button type="button" id="copy-head" class="quiet">Copy</button></dd>
        <dt>Head position</dt><dd id="head-seq">–</dd>
        <dt>Last verified</dt><dd id="last-verified">never</dd>
      </dl>
      <p>Keep a copy of the head hash somewhere else (a ticket, an email): if the chain is ever rewritten, the copy no longer matches.</p>
      <button type="button" id="verify">Verify now</button>
      <p id="verify-status" role="status"></p>
    </section>

    <section aria-labelledby="export-title">
      <h2 id="export-title">Export receipts</h2>
      <form id="export-form" class="filters" method="get" action="/console/api/export">
        <div><label for="export-from">From</label><input id="export-from" name="from" type="date" required></div>
        <div><label for="export-to">To (included)</label><input id="export-to" name="to" type="date" required></div>
        <input type="hidden" id="export-tz" name="tz" value="UTC">
        <div><label for="export-format">Format</label><select id="export-format" name="format">
          <option value="csv">CSV (spreadsheet-safe)</option>
          <option value="jsonl">JSON lines (to recompute every hash)</option>
        </select></div>
        <div class="actions"><button type="submit">Download</button></div>
      </form>
    </section>
  </div>
</main>
</body>
</html>
`;
