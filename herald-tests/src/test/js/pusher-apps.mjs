/**
 * An app's life as an operator and a pusher-js page see it, on two nodes: the app is created through
 * node A's admin API; pusher-js connects to node B with the new key; the pusher Node SDK publishes on B
 * with the secret; the secret is rotated on A (both secrets publish during the grace, only the new one
 * after); the app is disabled on A and pusher-js is told (4003) and stays disconnected.
 *
 * Prints one JSON line of what happened, for PusherJsAppLifecycleTest to judge.
 *
 * Usage: node pusher-apps.mjs --admin-url <node A> --token <admin token> --port <node B's port>
 */
import { parseArgs } from 'node:util';
import PusherClient from 'pusher-js';
import PusherServer from 'pusher';

const { values } = parseArgs({ options: { 'admin-url': { type: 'string' }, token: { type: 'string' }, port: { type: 'string' } } });
const port = Number(values.port);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function admin(method, path, body) {
  const response = await fetch(values['admin-url'] + path, {
    method,
    headers: { Authorization: `Bearer ${values.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** The HTTP status of one publish on node B signed with {@code secret}. */
async function publish(app, secret, data) {
  const sdk = new PusherServer({ appId: app.id, key: app.key, secret, host: '127.0.0.1', port: String(port), useTLS: false });
  try {
    return (await sdk.trigger('orders', 'order', data)).status;
  } catch (error) {
    return error.status ?? String(error);
  }
}

/** pusher-js connected to node B with {@code key}, retrying (a node that does not know the key yet refuses with 4001). */
async function connect(key, withinMs) {
  const started = Date.now();
  for (;;) {
    const client = new PusherClient(key, {
      cluster: 'herald', wsHost: '127.0.0.1', wsPort: port, forceTLS: false, enabledTransports: ['ws'], enableStats: false,
    });
    const outcome = await new Promise((resolve) => {
      client.connection.bind('connected', () => resolve('connected'));
      client.connection.bind('error', (error) => resolve(error?.error?.data?.code ?? 'error'));
      setTimeout(() => resolve('timeout'), 2_000);
    });
    if (outcome === 'connected') {
      return { client, ms: Date.now() - started };
    }
    client.disconnect();
    if (Date.now() - started > withinMs) {
      throw new Error(`pusher-js did not connect within ${withinMs} ms: ${outcome}`);
    }
    await sleep(50);
  }
}

async function until(withinMs, check) {
  const started = Date.now();
  while (!(await check()) && Date.now() - started < withinMs) {
    await sleep(50);
  }
  return Date.now() - started;
}

const report = {};
const created = await admin('POST', '/admin/v1/apps', { id: 'js-shop' });
report.created = created.status;
const app = created.body;
const { client, ms } = await connect(app.key, 1_000);
report.connectMs = ms;

const received = [];
const channel = client.subscribe('orders');
await new Promise((resolve) => channel.bind('pusher:subscription_succeeded', resolve));
channel.bind('order', (data) => received.push(data));
report.publish = await publish(app, app.secret, { n: 1 });

const rotated = await admin('POST', '/admin/v1/apps/js-shop/rotate-secret', { grace: '3s' });
report.rotated = rotated.status;
const graceEnds = Date.parse(rotated.body.previous_secret_expires);
report.newSecretMs = await until(1_000, async () => (await publish(app, rotated.body.secret, { n: 2 })) === 200);
report.oldSecretInGrace = await publish(app, app.secret, { n: 3 });
await sleep(Math.max(0, graceEnds - Date.now() + 300));
report.oldSecretAfterGrace = await publish(app, app.secret, { n: 4 });
report.newSecretAfterGrace = await publish(app, rotated.body.secret, { n: 5 });

const errors = [];
const states = [];
client.connection.bind('error', (error) => errors.push(error?.error?.data?.code ?? error?.data?.code ?? error?.type));
client.connection.bind('state_change', ({ current }) => states.push(current));
const disabledAt = Date.now();
report.disabled = (await admin('PATCH', '/admin/v1/apps/js-shop', { enabled: false })).status;
report.closedMs = await until(2_000, async () => errors.length > 0);
await sleep(1_500); // time in which pusher-js would reconnect if it were going to
report.errors = errors;
report.states = states;
report.publishWhileDisabled = await publish(app, rotated.body.secret, { n: 6 });
report.received = received;
report.totalMs = Date.now() - disabledAt;
client.disconnect();
await admin('DELETE', '/admin/v1/apps/js-shop');
console.log(JSON.stringify(report));
process.exit(0);
