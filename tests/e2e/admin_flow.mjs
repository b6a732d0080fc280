// Drives examples/squeeze-admin in Chromium through the whole Squeeze configuration flow
// against the mock tenant. Started by admin_flow.phpt (which starts both servers); by hand:
//
//   ADMIN_URL=http://127.0.0.1:8080 MOCK_URL=http://127.0.0.1:PORT node tests/e2e/admin_flow.mjs
//
// Environment: ADMIN_URL, MOCK_URL (required; the mock tenant must be seeded with "sample"),
// SQZ_SCREENSHOT_DIR (default tests/e2e/screenshots), CHROMIUM (default /usr/bin/chromium),
// SQZ_E2E_TIMEZONE (the browser's zone, default Australia/Adelaide: UTC+09:30/+10:30).
// Prints "ok N - step" per step (TAP-like); on a failure "not ok N - step: why", the page's
// text and a screenshot NN-failed.png, exit code 1.
// Screenshots: NN-name.png in a 1280x800 window (full page), NN-name-phone.png of the same state on a
// phone (390x844, a mobile context of its own). Before each, layout() asserts what it can measure:
// no horizontal overflow, no card wider than its box, the check table inside its card, no cell overflowing.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ADMIN = (process.env.ADMIN_URL || '').replace(/\/$/, '');
const MOCK = (process.env.MOCK_URL || '').replace(/\/$/, '');
const SHOTS = process.env.SQZ_SCREENSHOT_DIR || join(here, 'screenshots');
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const ZONE = process.env.SQZ_E2E_TIMEZONE || 'Australia/Adelaide';
if (!ADMIN || !MOCK) {
  console.error('ADMIN_URL and MOCK_URL are required');
  process.exit(2);
}

const TENANT_DOMAIN = 'contoso.example';
const TENANT_GUID = '7d3c1e52-5b7a-4b1f-9a62-2f1a4c0e8b11';
const CLIENT_ID = '3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c';
const SECRET_1 = 'Sq~mock-secret-1.Contoso';
const SECRET_2 = 'Sq~rotated-secret-2.Contoso';
const USER = 'admin@contoso.example';
const SECRETS = [SECRET_1, SECRET_2];
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
// A folder name without a break opportunity, longer than the table's detail column at 1280 px.
const LONG_FOLDER = 'Lieferantenrechnungen_Eingangsbestaetigungen_und_Zahlungsavise_der_Tochtergesellschaften_2024_Q4_Archiv';
const FOLDER_FIELDS = ['folder_inbox', 'folder_exported', 'folder_error'];
const HIDDEN_FOLDERS = ['Hidden Stuff', 'Hidden Stuff/Under Hidden', 'Conversation Action Settings'];

mkdirSync(SHOTS, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'sqz-e2e-chromium-'));
let context;
let page;
let phoneBrowser;      // a second browser for the phone and no-JavaScript contexts (a persistent context has none)
let phoneContext;
let step = 0;
let current = '';
const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

class Failure extends Error {}
function check(cond, msg) {
  if (!cond) throw new Failure(msg);
}
const pad = (n) => String(n).padStart(2, '0');

async function mock(method, path, body) {
  const r = await fetch(`${MOCK}/_mock/${path}`, {
    method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  check(r.ok, `mock ${method} ${path}: HTTP ${r.status} ${text}`);
  return text === '' ? {} : JSON.parse(text);
}

async function text(sel) {
  const l = page.locator(sel).first();
  await l.waitFor({ state: 'attached' });
  return (await l.innerText()).replace(/\s+/g, ' ').trim();
}

async function expectText(sel, re) {
  const t = await text(sel);
  check(re.test(t), `${sel}: expected ${re}, found "${t}"`);
  return t;
}

async function absent(sel) {
  check(await page.locator(sel).count() === 0, `${sel} should not be on the page`);
}

/** Submits by clicking and waits for the page that the POST (and its redirects) lands on. */
async function submit(sel) {
  const nav = page.waitForNavigation({ waitUntil: 'load' });
  await page.click(sel);
  await nav;
}

/** No page ever carries a secret: not in the HTML, not in a field's value. */
async function noSecretOnPage(p = page) {
  const html = await p.content();
  const values = await p.$$eval('input, textarea', (els) => els.map((e) => e.value).join('\n'));
  for (const s of SECRETS) {
    check(!html.includes(s) && !values.includes(s), `a client secret appears on ${p.url()}`);
  }
}

/**
 * The layout facts a test can measure: the page never scrolls sideways, no card's content is wider
 * than the card, the connection-test table lies inside its card and no cell's content overflows it.
 */
async function layout(p, where) {
  const m = await p.evaluate(() => {
    const de = document.documentElement;
    const id = (e) => e.id || `${e.closest('[id]')?.id || '?'} ${e.tagName.toLowerCase()}`;
    const r = { scrollWidth: de.scrollWidth, clientWidth: de.clientWidth, innerWidth: window.innerWidth, cards: [], cells: [] };
    document.querySelectorAll('.card').forEach((c) => {
      if (c.scrollWidth > c.clientWidth) r.cards.push(`${id(c)} ${c.scrollWidth} > ${c.clientWidth}`);
    });
    const t = document.querySelector('#connection-test table.checks');
    if (t) {
      const card = document.getElementById('connection-test');
      const cs = getComputedStyle(card);
      const b = card.getBoundingClientRect();
      const tb = t.getBoundingClientRect();
      r.table = { left: tb.left, right: tb.right, boxLeft: b.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft),
        boxRight: b.right - parseFloat(cs.borderRightWidth) - parseFloat(cs.paddingRight) };
      t.querySelectorAll('td, th').forEach((c) => {
        if (c.getClientRects().length && c.scrollWidth > c.clientWidth) r.cells.push(`${id(c)}: ${c.scrollWidth} > ${c.clientWidth}`);
      });
    }
    return r;
  });
  check(m.scrollWidth <= m.clientWidth && m.scrollWidth <= m.innerWidth,
    `${where}: the page scrolls sideways (scrollWidth ${m.scrollWidth}, clientWidth ${m.clientWidth}, innerWidth ${m.innerWidth})`);
  check(m.cards.length === 0, `${where}: content wider than its card: ${m.cards.join('; ')}`);
  if (m.table) {
    check(m.table.left >= m.table.boxLeft - 0.5 && m.table.right <= m.table.boxRight + 0.5,
      `${where}: the check table (${m.table.left}..${m.table.right}) is not inside its card (${m.table.boxLeft}..${m.table.boxRight})`);
    check(m.cells.length === 0, `${where}: table cells overflow: ${m.cells.join('; ')}`);
  }
  return m;
}

/** A full-page screenshot of the laptop window (1280x800), after the layout checks on our own pages. */
async function shot(name, { ours = true } = {}) {
  if (ours) {
    await layout(page, `1280 px, ${name}`);
  }
  await page.screenshot({ path: join(SHOTS, `${pad(step)}-${name}.png`), fullPage: true });
}

async function otherBrowser() {
  phoneBrowser ??= await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: BROWSER_ARGS });
  return phoneBrowser;
}

/**
 * The same state on a phone (390x844, mobile viewport, touch): a page of its own in a mobile context
 * (cookies of its own: it gets its own CSRF token), `prepare` brings it there from GET /.
 */
async function phoneShot(name, prepare) {
  phoneContext ??= await (await otherBrowser()).newContext({
    viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, timezoneId: ZONE, locale: 'en-GB',
  });
  const p = await phoneContext.newPage();
  p.setDefaultTimeout(20000);
  try {
    await p.goto(`${ADMIN}/`);
    if (prepare) {
      await prepare(p);
    }
    const m = await layout(p, `phone, ${name}`);
    // a mobile browser zooms out to show content wider than the screen: innerWidth would grow
    check(m.innerWidth === PHONE.width && m.clientWidth <= PHONE.width, `phone, ${name}: viewport ${m.innerWidth}/${m.clientWidth}`);
    await noSecretOnPage(p);
    await p.screenshot({ path: join(SHOTS, `${pad(step)}-${name}-phone.png`), fullPage: true });
  } finally {
    await p.close();
  }
}

/** The option values of a folder field's list (null when the field has none). */
async function folderChoices(p, field) {
  if (await p.locator(`#${field}-pick`).count() === 0) {
    return null;
  }
  return p.$$eval(`#${field}-pick option`, (os) => os.map((o) => ({ value: o.value, label: o.textContent })));
}

/** Every folder field is a plain text field: no list (no token held, or the list could not be read). */
async function textOnlyFolderFields(p = page) {
  for (const f of FOLDER_FIELDS) {
    check(await p.locator(`#${f}`).count() === 1, `the text field #${f} is there`);
    check(await folderChoices(p, f) === null, `#${f} should have no folder list`);
  }
}

/** The three folder lists: the visible folders (as full paths), never a hidden one. */
async function visibleFolderChoices(p, expect) {
  let first = null;
  for (const f of FOLDER_FIELDS) {
    const opts = await folderChoices(p, f);
    check(opts !== null, `#${f} should have a folder list`);
    check(opts[0].value === '', `#${f}'s list starts with an empty choice`);
    const values = opts.slice(1).map((o) => o.value);
    for (const o of opts.slice(1)) {
      check(o.value === '/' + o.label, `#${f}: the choice "${o.label}" should put the full path "/${o.label}" into the field, not "${o.value}"`);
    }
    for (const e of expect) {
      check(values.includes(e), `#${f}: ${e} missing from ${values}`);
    }
    for (const h of HIDDEN_FOLDERS) {
      check(!values.includes('/' + h), `#${f}: the hidden folder ${h} is offered: ${values}`);
    }
    check(first === null || JSON.stringify(first) === JSON.stringify(values), `#${f}: the three lists differ`);
    first = values;
  }
  return first;
}

/** How often a text occurs in the page's visible text and in its HTML. */
async function occurrences(p, s) {
  const count = (hay) => hay.split(s).length - 1;
  return [count(await p.locator('body').innerText()), count(await p.content())];
}

async function run(name, fn) {
  step++;
  current = name;
  await fn();
  await noSecretOnPage();
  console.log(`ok ${step} - ${name}`);
}

function utcDateInDays(days) {
  return new Date(Date.now() + days * 86400e3).toISOString().slice(0, 10);
}

async function main() {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    args: BROWSER_ARGS,
    timezoneId: ZONE,
    locale: 'en-GB',
    viewport: LAPTOP,
  });
  page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(20000);
  page.setDefaultNavigationTimeout(20000);

  await run('the empty configuration page', async () => {
    await page.goto(`${ADMIN}/`);
    await expectText('#status-state', /^Not configured$/);
    check(await page.locator('#client_secret-state').innerText() === 'not set', 'secret state should be "not set"');
    await textOnlyFolderFields();
    await absent('#token-hint');
    await shot('empty-form');
  });

  await run('fill in the form and save', async () => {
    await page.selectOption('#flow', 'delegated');
    await page.fill('#tenant_id', TENANT_DOMAIN);
    await page.fill('#client_id', CLIENT_ID);
    await page.selectOption('#credential', 'secret');
    await page.fill('#client_secret', SECRET_1);
    await page.fill('#mailbox', '');
    await page.fill('#folder_inbox', 'Inbox');
    await page.fill('#folder_exported', 'Exported');
    await page.fill('#folder_error', 'Error');
    await page.click('details.advanced summary');
    await page.fill('#authority', MOCK);
    await page.fill('#graph_endpoint', `${MOCK}/v1.0`);
    await shot('form-filled');
    await submit('#save');
    check(new URL(page.url()).pathname === '/', `after Save: ${page.url()}`);
    await expectText('#result', /Configuration saved/);
    await expectText('#status-state', /^Not authorized$/);
    check(await page.getAttribute('#reauth', 'data-reason') === 'not_authorized', 'reason not_authorized');
    await expectText('#client_secret-state', /^••• \(set\)$/);
    check(await page.inputValue('#client_secret') === '', 'the secret field must be empty after saving');
    check(await page.inputValue('#redirect_uri') === `${ADMIN}/api/v2/importers/email/authenticate/end`,
      `redirect URI: ${await page.inputValue('#redirect_uri')}`);
    // No token yet: the folder fields are text fields only, and say when the list comes.
    await textOnlyFolderFields();
    await expectText('#folder-list-later', /once Squeeze holds a token/);
    await absent('#token-hint');         // delegated: Authenticate, not the connection test, gets the token
    await shot('saved');
    await phoneShot('saved', async (p) => {
      check((await p.locator('#status-state').innerText()).trim() === 'Not authorized', 'phone: not authorized');
    });
  });

  await run('Authenticate shows the mock tenant sign-in and consent page', async () => {
    await page.click('#authenticate');
    await page.waitForURL((u) => u.origin === MOCK && u.pathname === `/${TENANT_DOMAIN}/oauth2/v2.0/authorize`);
    const u = new URL(page.url());
    check(u.searchParams.get('code_challenge_method') === 'S256', 'PKCE S256');
    check(u.searchParams.get('redirect_uri') === `${ADMIN}/api/v2/importers/email/authenticate/end`, 'redirect_uri');
    await page.locator('#consent').waitFor();
    await expectText('#permissions', /Mail\.ReadWrite/);
    await page.fill('#username', USER);
    await shot('mock-sign-in', { ours: false });
  });

  let expiry = 0;
  await run('accept: back on the redirect endpoint, authorized', async () => {
    await page.click('#accept');
    await page.waitForURL((u) => u.origin === ADMIN && u.pathname === '/api/v2/importers/email/authenticate/end');
    await page.waitForLoadState('load');
    await expectText('#result', /Squeeze is now authorized.*admin@contoso\.example/);
    await expectText('#status-state', /^Authorized$/);
    await absent('#reauth');
    await expectText('#status-account', /admin@contoso\.example/);
    // expiry: epoch from the server, UTC rendered by PHP, the viewer's zone by the browser
    expiry = Number(await page.getAttribute('#status-expires time', 'data-epoch'));
    const now = Date.now() / 1000;
    check(expiry > now + 3300 && expiry < now + 3700, `token expiry ${expiry} is not about an hour from now (${now})`);
    const d = new Date(expiry * 1000);
    const utc = d.toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
    await expectText('#status-expires .utc', new RegExp('^' + utc + '$'));
    const local = await text('#status-expires .local');
    const shown = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);   // ICU may use an alias
    const expected = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(d);
    check(local.includes(`(${shown})`) && local.includes(expected), `local expiry "${local}" should show ${expected} (${ZONE})`);
    await expectText('#viewer-zone', new RegExp('^' + shown + '$'));
    const grant = Number(await page.getAttribute('#status-grant-death time', 'data-epoch'));
    check(Math.abs(grant - (now + 90 * 86400)) < 600, `idle grant death ${grant} is not 90 days from now`);
    check(new URL(page.url()).search === '', 'the code and state are removed from the address bar');
    // A token is held: each folder field gets the list of the folders Outlook shows next to it.
    await visibleFolderChoices(page, ['/Inbox', '/Exported', '/Error', '/Inbox/Invoices', '/Inbox/Invoices/2024']);
    await absent('#folder-list-later');
    await absent('#token-hint');
    await shot('authorized');
  });

  await run('mail connection test: every check passes', async () => {
    await submit('#test-connection');
    await expectText('#test-summary', /^All \d+ checks passed$/);
    for (const c of ['token', 'mailbox', 'folder-inbox', 'folder-exported', 'folder-error', 'permissions', 'clock']) {
      check(await page.locator(`#check-${c}.ok`).count() === 1, `check ${c} should be ok`);
    }
    await expectText('#check-folder-exported', /Exported/);
    await absent('#remedies');            // nothing to do when every check passes
    // The folder fields offer the folders Outlook shows: no hidden one; each list shows the folder
    // its field names (the bare names Inbox, Exported, Error are each one folder).
    await visibleFolderChoices(page, ['/Inbox', '/Exported', '/Error']);
    for (const [f, v] of [['folder_inbox', '/Inbox'], ['folder_exported', '/Exported'], ['folder_error', '/Error']]) {
      check(await page.inputValue(`#${f}-pick`) === v, `#${f}-pick should show ${v}, shows "${await page.inputValue(`#${f}-pick`)}"`);
    }
    await page.locator('#connection-test').scrollIntoViewIfNeeded();
    await shot('connection-test');
    await phoneShot('connection-test', async (p) => {
      await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.click('#test-connection')]);
      check(/^All \d+ checks passed$/.test((await p.locator('#test-summary').innerText()).trim()), 'phone: the test passes');
      await p.locator('#connection-test').scrollIntoViewIfNeeded();
    });
  });

  await run('change the tenant id: re-authentication needed', async () => {
    await page.goto(`${ADMIN}/`);
    await page.fill('#tenant_id', TENANT_GUID);
    await submit('#save');
    await expectText('#result', /Configuration saved/);
    await expectText('#status-state', /^Re-authentication needed$/);
    check(await page.getAttribute('#reauth', 'data-reason') === 'configuration_changed', 'reason configuration_changed');
    await expectText('#changed-fields', new RegExp(`tenant id: ${TENANT_DOMAIN} → ${TENANT_GUID}`));
    await expectText('#client_secret-state', /^••• \(set\)$/);
    await textOnlyFolderFields();          // the token is not valid for this configuration
    await absent('#token-hint');
    await shot('reauth-needed');
  });

  await run('Authenticate again (the mock remembers the sign-in): authorized', async () => {
    await page.click('#authenticate');
    await page.waitForURL((u) => u.origin === ADMIN && u.pathname === '/api/v2/importers/email/authenticate/end');
    await page.waitForLoadState('load');
    await expectText('#result', /Squeeze is now authorized/);
    await expectText('#status-state', /^Authorized$/);
    await shot('reauthorized');
  });

  await run('change only the secret (rotation): still authorized, expiry warning', async () => {
    // Entra ID: a second secret is created; the first one still works until it is deleted.
    await mock('POST', 'apps', { client_id: CLIENT_ID, secrets: [{ value: SECRET_1 }, { value: SECRET_2, expires: utcDateInDays(12) }] });
    await page.goto(`${ADMIN}/`);
    await page.fill('#client_secret', SECRET_2);
    await page.fill('#client_secret_expires', utcDateInDays(12));
    await submit('#save');
    await expectText('#result', /Configuration saved/);
    await expectText('#status-state', /^Authorized$/);
    await absent('#reauth');
    await expectText('#warnings', /client secret expires in \d+ days/);
    await expectText('#client_secret-state', /^••• \(set\)$/);
    await shot('secret-rotated');
  });

  await run('the old secret is deleted in Entra ID; a forced refresh uses the new one', async () => {
    await mock('POST', 'apps', { client_id: CLIENT_ID, secrets: [{ value: SECRET_2, expires: utcDateInDays(12) }] });
    const before = Number(await page.getAttribute('#status-last-refresh time', 'data-epoch'));
    await page.waitForTimeout(1100);        // a later second for lastRefreshAt
    await submit('#refresh');
    await expectText('#result', /Tokens refreshed/);
    await expectText('#status-state', /^Authorized$/);
    const after = Number(await page.getAttribute('#status-last-refresh time', 'data-epoch'));
    check(after > before, `lastRefreshAt should move on (${before} → ${after})`);
    await shot('refreshed-with-new-secret');
  });

  await run('deny consent: the error is shown', async () => {
    await context.clearCookies({ name: 'ESTSAUTH' });   // forget the mock's sign-in session
    await page.goto(`${ADMIN}/`);
    await page.click('#authenticate');
    await page.waitForURL((u) => u.origin === MOCK);
    await page.locator('#consent').waitFor();
    await page.fill('#username', USER);
    await page.click('#deny');
    await page.waitForURL((u) => u.origin === ADMIN && u.pathname === '/api/v2/importers/email/authenticate/end');
    await page.waitForLoadState('load');
    await expectText('#result', /^Authentication failed/);
    await expectText('#result .message', /AADSTS65004.*declined/);
    await shot('consent-denied');
  });

  await run('a second "Exported" folder: the connection test names both paths', async () => {
    await mock('POST', 'folders', { mailbox: USER, name: 'Exported', parent: 'inbox' });
    await page.goto(`${ADMIN}/`);
    await submit('#test-connection');
    await expectText('#test-summary', /^1 of \d+ checks failed$/);
    check(await page.locator('#check-folder-exported.fail').count() === 1, 'folder.exported should fail');
    const cands = await page.$$eval('#check-folder-exported .candidates li', (els) => els.map((e) => e.textContent.trim()));
    check(cands.includes('Exported') && cands.includes('Inbox/Exported'), `candidates: ${JSON.stringify(cands)}`);
    await expectText('#check-folder-exported', /ambiguous/);
    await page.locator('#connection-test').scrollIntoViewIfNeeded();
    await shot('ambiguous-folder');
  });

  await run('configure the full path "/Exported": no re-authentication, the test passes', async () => {
    await page.goto(`${ADMIN}/`);
    await page.fill('#folder_exported', '/Exported');
    await submit('#save');
    await expectText('#status-state', /^Authorized$/);
    check(await page.inputValue('#folder_exported') === '/Exported', 'folder saved');
    await submit('#test-connection');
    await expectText('#test-summary', /^All \d+ checks passed$/);
    await shot('folder-path-fixed');
  });

  await run('the folder picker: visible folders only, a choice fills the text field, typed names and paths still work', async () => {
    await mock('POST', 'folders', { mailbox: USER, name: LONG_FOLDER, parent: 'inbox' });
    await mock('POST', 'folders', { mailbox: USER, name: 'Under Hidden', parent: 'Hidden Stuff' });
    await page.goto(`${ADMIN}/`);
    const values = await visibleFolderChoices(page, ['/Inbox', '/Exported', '/Inbox/Exported', `/Inbox/${LONG_FOLDER}`]);
    check(!values.some((v) => v.startsWith('/Hidden Stuff')), `a folder below a hidden one is offered: ${values}`);
    // "Exported" is ambiguous now: the typed path "/Exported" is shown as that folder; Inbox, Error are single names
    for (const [f, v] of [['folder_inbox', '/Inbox'], ['folder_exported', '/Exported'], ['folder_error', '/Error']]) {
      check(await page.inputValue(`#${f}-pick`) === v, `#${f}-pick should show ${v}, shows "${await page.inputValue(`#${f}-pick`)}"`);
    }
    await page.selectOption('#folder_error-pick', `/Inbox/${LONG_FOLDER}`);
    check(await page.inputValue('#folder_error') === `/Inbox/${LONG_FOLDER}`, 'the choice is copied into the text field');
    await page.fill('#folder_inbox', 'inbox');            // a well-known name typed by hand: the list lets go
    check(await page.inputValue('#folder_inbox-pick') === '', 'typing a value that is no choice empties the list');
    await expectText('#folder-help', /choose one of the folders Outlook shows/);
    await page.locator('#configuration fieldset').nth(1).scrollIntoViewIfNeeded();
    await shot('folder-picker');
    await phoneShot('folder-picker', async (p) => {
      await visibleFolderChoices(p, ['/Inbox', `/Inbox/${LONG_FOLDER}`]);
      await p.locator('#folder_inbox').scrollIntoViewIfNeeded();
    });
    await submit('#save');
    await expectText('#result', /Configuration saved/);
    await expectText('#status-state', /^Authorized$/);   // folders do not bind the grant
    check(await page.inputValue('#folder_inbox') === 'inbox', `folder_inbox saved as typed: ${await page.inputValue('#folder_inbox')}`);
    check(await page.inputValue('#folder_error') === `/Inbox/${LONG_FOLDER}`, 'the chosen folder is saved');
    check(await page.inputValue('#folder_error-pick') === `/Inbox/${LONG_FOLDER}`, 'and shown in its list');
    // The test table wraps the long path (the detail names it twice) inside its card at 1280 px.
    await submit('#test-connection');
    await expectText('#test-summary', /^All \d+ checks passed$/);
    await expectText('#check-folder-error', new RegExp(LONG_FOLDER));
    await expectText('#check-folder-inbox', /'inbox' is Inbox/);
    await page.locator('#connection-test').scrollIntoViewIfNeeded();
    await shot('long-folder-name');
    await phoneShot('long-folder-name', async (p) => {
      await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.click('#test-connection')]);
      check((await p.locator('#check-folder-error').innerText()).includes(LONG_FOLDER), 'phone: the long folder is in the table');
      await p.locator('#connection-test').scrollIntoViewIfNeeded();
    });

    // Without JavaScript the list still works: a changed list wins over the text field, an untouched one does not.
    const nojs = await (await otherBrowser()).newContext({ javaScriptEnabled: false, viewport: LAPTOP, timezoneId: ZONE });
    try {
      const p = await nojs.newPage();
      p.setDefaultTimeout(20000);
      await p.goto(`${ADMIN}/`);
      await p.selectOption('#folder_error-pick', '/Error');
      check(await p.inputValue('#folder_error') === `/Inbox/${LONG_FOLDER}`, 'no script copies the choice');
      await p.fill('#folder_inbox', 'Inbox');               // typed; its list stays as it was shown
      await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.click('#save')]);
      check(/Configuration saved/.test(await p.locator('#result').innerText()), 'no JavaScript: saved');
      check(await p.inputValue('#folder_error') === '/Error', `no JavaScript: the chosen folder wins: ${await p.inputValue('#folder_error')}`);
      check(await p.inputValue('#folder_inbox') === 'Inbox', `no JavaScript: the typed name is kept: ${await p.inputValue('#folder_inbox')}`);
      check(await p.inputValue('#folder_exported') === '/Exported', 'no JavaScript: the untouched field is kept');
      await noSecretOnPage(p);
    } finally {
      await nojs.close();
    }
  });

  await run('a mailbox without Exchange Online: four checks fail with one remedy, shown once', async () => {
    const REMEDY = 'has no Exchange Online licence';
    await mock('POST', 'mailbox', { user: USER, mailbox: 'not_enabled', status: 404 });
    await page.goto(`${ADMIN}/`);
    await expectText('#status-state', /^Authorized$/);
    await textOnlyFolderFields();                           // the folder list cannot be read: text fields only
    await expectText('#folder-list-unavailable', /connection test shows why/);
    await submit('#test-connection');
    await expectText('#test-summary', /^\d+ of \d+ checks failed$/);
    const sharing = ['mailbox', 'folder-inbox', 'folder-exported', 'folder-error'];
    const refs = [];
    for (const c of sharing) {
      check(await page.locator(`#check-${c}.fail`).count() === 1, `check ${c} should fail`);
      await expectText(`#check-${c} .detail`, /HTTP 404 MailboxNotEnabledForRESTAPI/);
      refs.push(await page.getAttribute(`#check-${c} .remedy-ref`, 'href'));
    }
    check(new Set(refs).size === 1 && /^#remedy-\d+$/.test(refs[0]), `the four checks refer to one remedy: ${refs}`);
    await expectText(`${refs[0]} .remedy-text`, new RegExp(REMEDY));
    await expectText(`${refs[0]} .remedy-for`, /^For the checks: Mailbox, Inbox folder, Exported folder, Error folder$/);
    const [inText, inHtml] = await occurrences(page, REMEDY);
    check(inText === 1 && inHtml === 1, `the remedy should appear once, appears ${inText} times in the text, ${inHtml} in the HTML`);
    const remedies = await page.$$eval('#remedies .remedy-text', (ps) => ps.map((e) => e.textContent));
    check(new Set(remedies).size === remedies.length, `a remedy is listed twice: ${remedies}`);
    await page.locator('#connection-test').scrollIntoViewIfNeeded();
    await shot('remedy-once');
    await phoneShot('remedy-once', async (p) => {
      await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.click('#test-connection')]);
      const [t, h] = await occurrences(p, REMEDY);
      check(t === 1 && h === 1, `phone: the remedy appears ${t}/${h} times`);
      await p.locator('#remedies').scrollIntoViewIfNeeded();
    });
    await mock('POST', 'mailbox', { user: USER, mailbox: 'enabled' });
  });

  await run('client credentials: the hint to run the connection test only while no token is held', async () => {
    await page.goto(`${ADMIN}/`);
    await page.selectOption('#flow', 'client_credentials');
    await page.fill('#mailbox', USER);
    await submit('#save');
    await expectText('#result', /Configuration saved/);
    await absent('#authenticate');
    await expectText('#token-hint', /^Run the Mail connection test to acquire a token\.$/);
    const [hints] = await occurrences(page, 'to acquire a token');
    check(hints === 1, `the token hint appears ${hints} times`);
    await textOnlyFolderFields();
    await expectText('#folder-list-later', /once Squeeze holds a token/);
    await shot('client-credentials-no-token');
    await phoneShot('client-credentials-no-token', async (p) => {
      check(await p.locator('#token-hint').count() === 1, 'phone: the token hint is shown');
    });
    await submit('#test-connection');
    await expectText('#test-summary', /^All \d+ checks passed$/);
    await expectText('#check-token', /client_credentials token/);
    await expectText('#status-state', /^Authorized$/);
    await absent('#token-hint');
    check(!(await page.locator('body').innerText()).includes('to acquire a token'), 'no token hint while a token is held');
    await visibleFolderChoices(page, ['/Inbox', '/Exported', '/Error']);
    await shot('client-credentials-token');
    await phoneShot('client-credentials-token', async (p) => {
      check(await p.locator('#token-hint').count() === 0, 'phone: no token hint');
      await visibleFolderChoices(p, ['/Inbox']);
    });
  });
}

try {
  await main();
  console.log(`done: ${step} steps`);
  console.error(`screenshots in ${SHOTS}`);
  await context.close();
  await phoneBrowser?.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(0);
} catch (e) {
  console.log(`not ok ${step} - ${current}: ${e instanceof Failure ? e.message : (e && e.stack) || e}`);
  if (page) {
    try {
      console.log(`  url: ${page.url()}`);
      console.log('  page text: ' + (await page.locator('body').innerText({ timeout: 2000 })).replace(/\s+/g, ' ').slice(0, 1500));
      await page.screenshot({ path: join(SHOTS, `${pad(step)}-failed.png`), fullPage: true });
    } catch (e2) {
      console.log(`  (no page details: ${e2.message})`);
    }
  }
  try { await context?.close(); } catch { /* ignore */ }
  try { await phoneBrowser?.close(); } catch { /* ignore */ }
  rmSync(profile, { recursive: true, force: true });
  process.exit(1);
}
