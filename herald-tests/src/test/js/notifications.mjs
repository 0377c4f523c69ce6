/**
 * pusher-js (its Node build, unchanged) as a front end of the Go notification package's events, as
 * Herald's SDK sends them: subscribes to one channel and renders each notification with the render()
 * of docs/java-sdk.md's *Notifications* section (read from the page), through a `ui` that records what
 * it was asked to do.
 *
 * Prints {"subscribed":channel} once, then one line per event, {"event","data","rendered":[…]}; exits
 * 0 after --count events, 2 when the timeout fires. Driven by NotificationsPusherJsTest.
 *
 * Usage: node notifications.mjs --port <port> --key <app-key> --channel <name> --count <n>
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import PusherClient from 'pusher-js';

const TIMEOUT_MS = 30_000;
const { values } = parseArgs({
  options: { port: { type: 'string' }, key: { type: 'string' }, channel: { type: 'string' }, count: { type: 'string' } },
});

// ---------------------------------------------------------------- render(), from docs/java-sdk.md

const render = renderOfTheGuide();

/**
 * The `function render(n, ui)` of docs/java-sdk.md's pusher-js block, read from the page itself so the
 * code this test runs is the code readers copy: there is one copy, and nothing to keep in step.
 */
function renderOfTheGuide() {
  const page = readFileSync(new URL('../../../../docs/java-sdk.md', import.meta.url), 'utf8');
  const source = page.match(/^```js\n(function render\(n, ui\) \{\n[\s\S]*?^\})$/m);
  if (!source) throw new Error('docs/java-sdk.md has no ```js block starting with function render(n, ui)');
  return new Function(`${source[1]}\nreturn render;`)();
}

// ---------------------------------------------------------------- a recording ui

function recorder() {
  const steps = [];
  const record = (name) => (...args) => steps.push([name, ...args].join(' '));
  return {
    steps,
    toast: record('toast'), banner: record('banner'), navigate: record('navigate'), open: record('open'),
    play: record('play'), data: (meta) => steps.push('data ' + JSON.stringify(meta)), done: record('done'),
  };
}

const client = new PusherClient(values.key, {
  cluster: 'herald', // required by pusher-js 8; unused because wsHost is set
  wsHost: '127.0.0.1',
  wsPort: Number(values.port),
  forceTLS: false,
  enabledTransports: ['ws'],
  enableStats: false,
});
const timer = setTimeout(() => {
  console.log(JSON.stringify({ error: `timed out after ${TIMEOUT_MS} ms` }));
  process.exit(2);
}, TIMEOUT_MS);
let seen = 0;
const channel = client.subscribe(values.channel);
channel.bind('pusher:subscription_succeeded', () => console.log(JSON.stringify({ subscribed: values.channel })));
channel.bind_global((event, data) => {
  if (event.startsWith('pusher')) return;
  const ui = recorder();
  if (data && data.event_name === event) render(data, ui);
  console.log(JSON.stringify({ event, data, rendered: ui.steps }));
  if (++seen === Number(values.count)) {
    clearTimeout(timer);
    client.disconnect();
    process.exit(0);
  }
});
