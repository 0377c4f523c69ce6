/**
 * The debug console in a real browser: Debian's chromium, headless, driven by playwright-core.
 * Logs in (a wrong token first, then the right one), chooses the app, waits for the event the Java
 * SDK keeps publishing (ConsoleBrowserTest) to appear with its data, filters, pauses and resumes,
 * publishes with the event creator and checks a pusher-js client receives that event, and saves a
 * screenshot.
 *
 * Prints one JSON line per step, {"step": name, "ok": true|false, ...}. Driven by ConsoleBrowserTest.
 *
 * Usage: node console-browser.mjs --port <port> --token <admin token> --app-id <id> --key <key>
 *        --screenshot <png path> [--chromium /usr/bin/chromium]
 */
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import PusherClient from 'pusher-js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' }, token: { type: 'string' }, 'app-id': { type: 'string' }, key: { type: 'string' },
    screenshot: { type: 'string' }, chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
const WAIT = { timeout: 10_000 };
const base = `http://127.0.0.1:${values.port}`;

function report(step, ok, details = {}) {
  console.log(JSON.stringify({ step, ok, ...details }));
}

async function step(name, action) {
  try {
    const details = await action();
    report(name, true, details || {});
  } catch (error) {
    report(name, false, { error: String(error && error.stack || error) });
    throw error;
  }
}

// pusher-js as an app's page would use it; it connects once the console watches, so the console sees it
const received = [];
let client = null;

function connectPusherJs() {
  client = new PusherClient(values.key, {
    cluster: 'herald', wsHost: '127.0.0.1', wsPort: Number(values.port), forceTLS: false,
    enabledTransports: ['ws'], enableStats: false,
  });
  const orders = client.subscribe('orders');
  orders.bind('from-console', (data) => received.push(data));
  return new Promise((resolve) => orders.bind('pusher:subscription_succeeded', resolve));
}

const profile = mkdtempSync(join(tmpdir(), 'herald-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: values.chromium,
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const pageErrors = [];
let exitCode = 0;
try {
  const page = browser.pages()[0] || await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // Script errors and CSP refusals; network statuses (the wrong token's 401, the favicon's 404) are expected.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
  });
  const rows = page.locator('#feed tbody tr.row');
  const visible = page.locator('#feed tbody tr.row:not(.hidden)');

  await step('page-loads', async () => {
    const response = await page.goto(base + '/console');
    const csp = response.headers()['content-security-policy'];
    if (!csp || !csp.includes("default-src 'none'")) throw new Error('no CSP: ' + csp);
    await page.locator('#token').waitFor(WAIT);
  });

  await step('wrong-token-refused', async () => {
    await page.fill('#token', values.token + '-wrong');
    await page.click('#login');
    await page.locator('#status.error').waitFor(WAIT);
    return { status: await page.textContent('#status') };
  });

  await step('login-and-choose-app', async () => {
    await page.fill('#token', values.token);
    await page.click('#login');
    await page.locator('#app-picker').waitFor({ state: 'visible', ...WAIT });
    await page.selectOption('#app', values['app-id']);
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Watching'), null, WAIT);
    return { status: await page.textContent('#status') };
  });

  await step('pusher-js-connection-and-subscription-rows', async () => {
    await connectPusherJs();
    const id = client.connection.socket_id;
    await page.locator(`#feed tbody tr.row[data-type="connection_opened"]`).filter({ hasText: id }).first().waitFor(WAIT);
    await page.locator('#feed tbody tr.row[data-type="subscribed"][data-channel="orders"]').first().waitFor(WAIT);
    return { socketId: id };
  });

  await step('sdk-event-row-with-data', async () => {
    const row = page.locator('#feed tbody tr.row[data-event="sdk-event"]').first();
    await row.waitFor(WAIT);
    const text = await row.textContent();
    if (!text.includes('"source":"java-sdk"')) throw new Error('row without the data: ' + text);
    return { row: text };
  });

  await step('counters', async () => {
    await page.waitForFunction(() => Number(document.getElementById('stat-connections').textContent) >= 1, null, WAIT);
    return { connections: await page.textContent('#stat-connections') };
  });

  await step('filter-by-event-type-and-text', async () => {
    await page.fill('#filter-event', 'sdk-event');
    const byEvent = await visible.evaluateAll((trs) => trs.map((tr) => tr.dataset.event));
    if (byEvent.length === 0 || byEvent.some((e) => e !== 'sdk-event')) throw new Error('event filter showed ' + byEvent);
    await page.fill('#filter-event', '');
    await page.selectOption('#filter-type', 'subscribed');
    const byType = await visible.evaluateAll((trs) => trs.map((tr) => tr.dataset.type));
    if (byType.length === 0 || byType.some((t) => t !== 'subscribed')) throw new Error('type filter showed ' + byType);
    await page.selectOption('#filter-type', '');
    await page.fill('#filter-channel', 'orders');
    await page.fill('#filter-text', 'java-sdk');
    const byText = await visible.evaluateAll((trs) => trs.map((tr) => tr.textContent));
    if (byText.length === 0 || byText.some((t) => !t.includes('java-sdk'))) throw new Error('text filter showed ' + byText);
    const hidden = await page.locator('#feed tbody tr.row.hidden').count();
    if (hidden === 0) throw new Error('nothing was filtered out');
    await page.fill('#filter-channel', '');
    await page.fill('#filter-text', '');
    return { byEvent: byEvent.length, byType: byType.length, byText: byText.length, hidden };
  });

  await step('pause-and-resume', async () => {
    await page.click('#pause');
    const before = await rows.count();
    await page.waitForTimeout(1200); // the SDK publishes every 400 ms meanwhile
    const during = await rows.count();
    if (during !== before) throw new Error(`rows grew while paused: ${before} → ${during}`);
    await page.click('#pause');
    const after = await rows.count();
    if (after <= during) throw new Error('no held rows after resuming');
    return { before, during, after };
  });

  await step('event-creator-reaches-pusher-js', async () => {
    await page.fill('#pub-channel', 'orders');
    await page.fill('#pub-event', 'from-console');
    await page.fill('#pub-data', '{"hello":"browser"}');
    await page.click('#publish');
    await page.waitForFunction(() => document.getElementById('pub-result').textContent.startsWith('Published'), null, WAIT);
    const deadline = Date.now() + 10_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (received.length === 0 || received[0].hello !== 'browser') throw new Error('pusher-js got ' + JSON.stringify(received));
    await page.locator('#feed tbody tr.row[data-event="from-console"]').first().waitFor(WAIT);
    return { received: received[0] };
  });

  await step('screenshot', async () => {
    // a visitor who looks at two channels and leaves, for a feed with more than events in it
    const visitor = new PusherClient(values.key, {
      cluster: 'herald', wsHost: '127.0.0.1', wsPort: Number(values.port), forceTLS: false,
      enabledTransports: ['ws'], enableStats: false,
    });
    await new Promise((resolve) => visitor.subscribe('news').bind('pusher:subscription_succeeded', resolve));
    await new Promise((resolve) => visitor.subscribe('chat').bind('pusher:subscription_succeeded', resolve));
    visitor.unsubscribe('chat');
    await page.locator('#feed tbody tr.row[data-type="unsubscribed"]').first().waitFor(WAIT);
    visitor.disconnect();
    await page.locator('#feed tbody tr.row[data-type="connection_closed"]').first().waitFor(WAIT);
    await page.waitForTimeout(4000); // counter samples for the chart, and the channels' vacated rows
    await page.screenshot({ path: values.screenshot });
  });

  await step('clear', async () => {
    await page.click('#pause'); // nothing new while counting
    await page.click('#clear');
    const left = await rows.count();
    if (left !== 0) throw new Error(left + ' rows left');
    await page.click('#pause');
  });

  await step('no-page-errors', async () => {
    if (pageErrors.length > 0) throw new Error(pageErrors.join('\n'));
  });
} catch (error) {
  exitCode = 1;
} finally {
  await browser.close();
  if (client) client.disconnect();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);
