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

mkdirSync(SHOTS, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'sqz-e2e-chromium-'));
let context;
let page;
let step = 0;
let current = '';

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
async function noSecretOnPage() {
  const html = await page.content();
  const values = await page.$$eval('input, textarea', (els) => els.map((e) => e.value).join('\n'));
  for (const s of SECRETS) {
    check(!html.includes(s) && !values.includes(s), `a client secret appears on ${page.url()}`);
  }
}

async function shot(name) {
  await page.screenshot({ path: join(SHOTS, `${pad(step)}-${name}.png`), fullPage: true });
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
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timezoneId: ZONE,
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(20000);
  page.setDefaultNavigationTimeout(20000);

  await run('the empty configuration page', async () => {
    await page.goto(`${ADMIN}/`);
    await expectText('#status-state', /^Not configured$/);
    check(await page.locator('#client_secret-state').innerText() === 'not set', 'secret state should be "not set"');
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
    await shot('saved');
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
    await shot('mock-sign-in');
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
    await shot('authorized');
  });

  await run('mail connection test: every check passes', async () => {
    await submit('#test-connection');
    await expectText('#test-summary', /^All \d+ checks passed$/);
    for (const c of ['token', 'mailbox', 'folder-inbox', 'folder-exported', 'folder-error', 'permissions', 'clock']) {
      check(await page.locator(`#check-${c}.ok`).count() === 1, `check ${c} should be ok`);
    }
    await expectText('#check-folder-exported', /Exported/);
    // The folder fields now suggest the folders Outlook shows: no hidden one.
    const choices = await page.$$eval('#folder-choices option', (os) => os.map((o) => o.value));
    check(choices.includes('Inbox') && choices.includes('Exported') && choices.includes('Error'), `folder choices ${choices}`);
    check(!choices.includes('Hidden Stuff') && !choices.includes('Conversation Action Settings'), `hidden folders offered: ${choices}`);
    check(await page.getAttribute('#folder_error', 'list') === 'folder-choices', 'the Error field uses the folder choices');
    await page.locator('#connection-test').scrollIntoViewIfNeeded();
    await shot('connection-test');
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
}

try {
  await main();
  console.log(`done: ${step} steps`);
  console.error(`screenshots in ${SHOTS}`);
  await context.close();
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
  rmSync(profile, { recursive: true, force: true });
  process.exit(1);
}
