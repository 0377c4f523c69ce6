/**
 * Runs the official pusher-js client (its Node build) and the official `pusher` Node server SDK,
 * both unchanged, against a running Herald server.
 *
 * Prints one JSON line per scenario, {"scenario":name,"ok":true|false,"ms":n,"error"?:text}, and exits
 * 0 when all pass, 1 when any fails, 2 when the global timeout fires. Driven by PusherJsCompatibilityTest.
 *
 * Usage: node pusher-compat.mjs --port <port> [--app-id app-id] [--key app-key] [--secret app-secret]
 * (or HERALD_PORT, HERALD_APP_ID, HERALD_APP_KEY, HERALD_APP_SECRET).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import PusherClient from 'pusher-js';
import PusherServer from 'pusher';

const EVENT_TIMEOUT_MS = 5_000;
const SCENARIO_TIMEOUT_MS = 15_000;
const GLOBAL_TIMEOUT_MS = 50_000;

// ---------------------------------------------------------------- configuration

function readConfig() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'app-id': { type: 'string' },
      key: { type: 'string' },
      secret: { type: 'string' },
    },
  });
  const env = process.env;
  const port = Number(values.port ?? env.HERALD_PORT);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error('the Herald port is required: --port <port> or HERALD_PORT');
  }
  return {
    port,
    appId: values['app-id'] ?? env.HERALD_APP_ID ?? 'app-id',
    key: values.key ?? env.HERALD_APP_KEY ?? 'app-key',
    secret: values.secret ?? env.HERALD_APP_SECRET ?? 'app-secret',
  };
}

function createSdk(config, secret = config.secret) {
  return new PusherServer({
    appId: config.appId,
    key: config.key,
    secret,
    host: '127.0.0.1',
    port: String(config.port),
    useTLS: false,
    encryptionMasterKeyBase64: randomBytes(32).toString('base64'),
  });
}

// ---------------------------------------------------------------- the app's auth endpoint

/**
 * A real HTTP auth endpoint, as an app would run one. POST /auth signs with the app's SDK;
 * POST /auth-forged signs with an SDK holding the wrong secret. Presence users come from the
 * `user_id` parameter each client sends. Every request is logged so scenarios can prove it was used.
 */
async function startAuthEndpoint(sdk, forgingSdk) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const form = new URLSearchParams(await readBody(req));
    const channel = form.get('channel_name');
    requests.push({ path: req.url, channel });
    const signer = req.url === '/auth-forged' ? forgingSdk : sdk;
    try {
      const auth = signer.authorizeChannel(form.get('socket_id'), channel, presenceData(channel, form.get('user_id')));
      respond(res, 200, auth);
    } catch (e) {
      respond(res, 403, { error: e.message });
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

function presenceData(channel, userId) {
  return channel.startsWith('presence-') ? { user_id: userId, user_info: { name: `user ${userId}` } } : undefined;
}

async function readBody(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

function respond(res, status, json) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(json));
}

// ---------------------------------------------------------------- waiting helpers

/** Races {@code promise} against a timer; the result is marked handled so an abandoned wait never crashes Node. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  const raced = Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  raced.catch(() => {});
  return raced;
}

/** The next {@code eventName} a pusher-js channel (or connection) emits: {data, metadata}. Bind before acting. */
function nextEvent(emitter, eventName) {
  return withTimeout(new Promise((resolve) => {
    const handler = (data, metadata) => {
      emitter.unbind(eventName, handler);
      resolve({ data, metadata });
    };
    emitter.bind(eventName, handler);
  }), EVENT_TIMEOUT_MS, `event ${eventName}`);
}

/** The next raw protocol message for {@code channel} named {@code eventName}, as it came off the socket. */
function nextWireMessage(client, channel, eventName) {
  return withTimeout(new Promise((resolve) => {
    const handler = (message) => {
      if (message.channel === channel && message.event === eventName) {
        client.connection.unbind('message', handler);
        resolve(message);
      }
    };
    client.connection.bind('message', handler);
  }), EVENT_TIMEOUT_MS, `wire message ${eventName} on ${channel}`);
}

/** Names of the application events a channel emits from now on (pusher-js' own pusher:* events left out). */
function recordEventNames(channel) {
  const names = [];
  channel.bind_global((eventName) => {
    if (!eventName.startsWith('pusher:') || eventName.startsWith('pusher:member_')) names.push(eventName);
  });
  return names;
}

async function waitUntil(check, what) {
  const deadline = Date.now() + EVENT_TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// ---------------------------------------------------------------- pusher-js helpers

async function subscribe(client, name) {
  const channel = client.subscribe(name);
  await withTimeout(new Promise((resolve, reject) => {
    channel.bind('pusher:subscription_succeeded', resolve);
    channel.bind('pusher:subscription_error', (error) =>
      reject(new Error(`subscription to ${name} failed: ${JSON.stringify(error)}`)));
  }), EVENT_TIMEOUT_MS, `subscription to ${name}`);
  return channel;
}

function memberIds(channel) {
  const ids = [];
  channel.members.each((member) => ids.push(member.id));
  return ids.sort();
}

/**
 * Triggers a marker event through the SDK and waits until {@code channel} receives it. Herald delivers a
 * connection's frames in order, so anything that should have reached the channel earlier has arrived by then.
 */
async function syncWithMarker(ctx, channel) {
  const marker = nextEvent(channel, 'marker');
  await ctx.sdk.trigger(channel.name, 'marker', {});
  await marker;
}

/** GET on the HTTP API through the SDK's own signing; the parsed JSON body. */
async function apiGet(ctx, path, params = {}) {
  const response = await ctx.sdk.get({ path, params });
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
}

// ---------------------------------------------------------------- scenarios

async function connection(ctx) {
  const client = await ctx.connect();
  assert.equal(client.connection.state, 'connected');
  assert.match(client.connection.socket_id, /^\d+\.\d+$/);
}

async function publicChannel(ctx) {
  const name = ctx.channel('news');
  const channel = await subscribe(await ctx.connect(), name);
  const received = nextEvent(channel, 'headline');
  await ctx.sdk.trigger(name, 'headline', { title: 'hello', count: 1 });
  assert.deepEqual((await received).data, { title: 'hello', count: 1 });
}

async function socketIdExclusion(ctx) {
  const name = ctx.channel('updates');
  const sender = await ctx.connect();
  const senderChannel = await subscribe(sender, name);
  const otherChannel = await subscribe(await ctx.connect(), name);
  const senderEvents = recordEventNames(senderChannel);
  const otherReceived = nextEvent(otherChannel, 'update');
  await ctx.sdk.trigger(name, 'update', { v: 1 }, { socket_id: sender.connection.socket_id });
  assert.deepEqual((await otherReceived).data, { v: 1 });
  await syncWithMarker(ctx, senderChannel);
  assert.deepEqual(senderEvents, ['marker'], 'the excluded socket must not receive the event');
}

async function privateChannel(ctx) {
  const name = ctx.channel('private-orders');
  const channel = await subscribe(await ctx.connect(), name);
  assert.ok(ctx.auth.requests.some((r) => r.path === '/auth' && r.channel === name), 'auth endpoint was called');
  const received = nextEvent(channel, 'order-placed');
  await ctx.sdk.trigger(name, 'order-placed', { id: 42 });
  assert.deepEqual((await received).data, { id: 42 });
}

async function presenceMembers(ctx) {
  const name = ctx.channel('presence-room');
  const aliceChannel = await subscribe(await ctx.connect({ userId: 'alice' }), name);
  assert.equal(aliceChannel.members.count, 1);
  assert.equal(aliceChannel.members.me.id, 'alice');

  const added = nextEvent(aliceChannel, 'pusher:member_added');
  const bob = await ctx.connect({ userId: 'bob' });
  const bobChannel = await subscribe(bob, name);
  assert.equal(bobChannel.members.count, 2);
  assert.deepEqual(memberIds(bobChannel), ['alice', 'bob']);
  assert.deepEqual(bobChannel.members.get('alice').info, { name: 'user alice' });
  assert.deepEqual((await added).data, { id: 'bob', info: { name: 'user bob' } });
  assert.equal(aliceChannel.members.count, 2);

  const removed = nextEvent(aliceChannel, 'pusher:member_removed');
  bob.disconnect();
  assert.equal((await removed).data.id, 'bob');
  assert.equal(aliceChannel.members.count, 1);
  assert.deepEqual(memberIds(aliceChannel), ['alice']);
}

async function presenceSecondConnectionOfSameUser(ctx) {
  const name = ctx.channel('presence-lobby');
  const aliceChannel = await subscribe(await ctx.connect({ userId: 'alice' }), name);
  const bobAdded = nextEvent(aliceChannel, 'pusher:member_added');
  const bob = await ctx.connect({ userId: 'bob' });
  await subscribe(bob, name);
  await bobAdded;

  const aliceEvents = recordEventNames(aliceChannel);
  const bobAgain = await ctx.connect({ userId: 'bob' });
  const bobAgainChannel = await subscribe(bobAgain, name);
  assert.deepEqual(memberIds(bobAgainChannel), ['alice', 'bob']);
  await syncWithMarker(ctx, aliceChannel);
  assert.deepEqual(aliceEvents, ['marker'], 'a second connection of bob must not add a member');

  bobAgain.disconnect();
  await waitUntil(async () => (await apiGet(ctx, `/channels/${name}`, { info: 'subscription_count' }))
    .subscription_count === 2, 'the second connection of bob has left');
  await syncWithMarker(ctx, aliceChannel);
  assert.deepEqual(aliceEvents, ['marker', 'marker'], 'bob is still connected once, so no member_removed');
  assert.equal(aliceChannel.members.count, 2);

  const removed = nextEvent(aliceChannel, 'pusher:member_removed');
  bob.disconnect();
  assert.equal((await removed).data.id, 'bob');
}

async function clientEvents(ctx) {
  const name = ctx.channel('private-chat');
  const aChannel = await subscribe(await ctx.connect(), name);
  const bChannel = await subscribe(await ctx.connect(), name);
  const aEvents = recordEventNames(aChannel);

  const bReceived = nextEvent(bChannel, 'client-typing');
  assert.equal(aChannel.trigger('client-typing', { who: 'a' }), true);
  assert.deepEqual((await bReceived).data, { who: 'a' });

  // b answers only after a's event reached it, so a would have had its own echo before this reply
  const aReceived = nextEvent(aChannel, 'client-reply');
  bChannel.trigger('client-reply', { who: 'b' });
  assert.deepEqual((await aReceived).data, { who: 'b' });
  assert.deepEqual(aEvents, ['client-reply'], 'a client event must not be echoed to its sender');
}

async function clientEventOnPresenceCarriesUserId(ctx) {
  const name = ctx.channel('presence-chat');
  const aliceChannel = await subscribe(await ctx.connect({ userId: 'alice' }), name);
  const bobChannel = await subscribe(await ctx.connect({ userId: 'bob' }), name);
  const received = nextEvent(bobChannel, 'client-wave');
  aliceChannel.trigger('client-wave', { hi: true });
  const { data, metadata } = await received;
  assert.deepEqual(data, { hi: true });
  assert.equal(metadata.user_id, 'alice');
}

async function encryptedChannel(ctx) {
  const name = ctx.channel('private-encrypted-vault');
  const client = await ctx.connect();
  const channel = await subscribe(client, name);
  const wire = nextWireMessage(client, name, 'secret');
  const received = nextEvent(channel, 'secret');
  await ctx.sdk.trigger(name, 'secret', { plan: 'top secret plans' });
  assert.deepEqual((await received).data, { plan: 'top secret plans' });
  const wireData = (await wire).data;
  assert.ok(wireData.nonce && wireData.ciphertext, `encrypted on the wire: ${JSON.stringify(wireData)}`);
  assert.ok(!JSON.stringify(wireData).includes('top secret'), 'the plaintext never crossed the wire');
}

async function channelQueries(ctx) {
  const prefix = ctx.channel('stats') + '-';
  const presence = ctx.channel('presence-stats');
  await subscribe(await ctx.connect(), prefix + 'a');
  const second = await ctx.connect();
  await subscribe(second, prefix + 'a');
  await subscribe(second, prefix + 'b');
  await subscribe(await ctx.connect({ userId: 'alice' }), presence);
  await subscribe(await ctx.connect({ userId: 'alice' }), presence);
  await subscribe(await ctx.connect({ userId: 'bob' }), presence);

  const listed = await apiGet(ctx, '/channels', { filter_by_prefix: prefix });
  assert.deepEqual(Object.keys(listed.channels).sort(), [prefix + 'a', prefix + 'b']);

  const a = await apiGet(ctx, `/channels/${prefix}a`, { info: 'subscription_count' });
  assert.equal(a.occupied, true);
  assert.equal(a.subscription_count, 2);

  const empty = await apiGet(ctx, `/channels/${prefix}nobody`);
  assert.equal(empty.occupied, false);

  const presenceListed = await apiGet(ctx, '/channels', { filter_by_prefix: presence, info: 'user_count' });
  assert.deepEqual(presenceListed.channels, { [presence]: { user_count: 2 } });

  const presenceInfo = await apiGet(ctx, `/channels/${presence}`, { info: 'user_count,subscription_count' });
  assert.equal(presenceInfo.user_count, 2);
  assert.equal(presenceInfo.subscription_count, 3);

  const users = await apiGet(ctx, `/channels/${presence}/users`);
  assert.deepEqual(users.users.map((u) => u.id).sort(), ['alice', 'bob']);
}

async function badSignature(ctx) {
  const name = ctx.channel('private-forged');
  const client = await ctx.connect({ authPath: '/auth-forged' });
  // the forged endpoint answers 200, so this error can only come from Herald rejecting the signature
  const wire = nextWireMessage(client, name, 'pusher:subscription_error');
  const channel = client.subscribe(name);
  const error = await nextEvent(channel, 'pusher:subscription_error');
  assert.equal(error.data.status, 401, JSON.stringify(error.data));
  assert.equal(error.data.type, 'AuthError');
  await wire;
  assert.equal(channel.subscribed, false);
}

const SCENARIOS = [
  ['connection', connection],
  ['public-channel', publicChannel],
  ['socket-id-exclusion', socketIdExclusion],
  ['private-channel', privateChannel],
  ['presence-members', presenceMembers],
  ['presence-second-connection-of-same-user', presenceSecondConnectionOfSameUser],
  ['client-events', clientEvents],
  ['client-event-on-presence-carries-user-id', clientEventOnPresenceCarriesUserId],
  ['encrypted-channel', encryptedChannel],
  ['channel-queries', channelQueries],
  ['bad-signature', badSignature],
];

// ---------------------------------------------------------------- runner

/** What a scenario gets: the SDK, the auth endpoint, unique channel names and clients closed afterwards. */
function newContext(env) {
  const clients = [];
  return {
    ...env,
    channel: (base) => `${base}-${env.run}`,
    async connect({ userId = 'anonymous', authPath = '/auth' } = {}) {
      const client = new PusherClient(env.config.key, {
        cluster: 'herald', // required by pusher-js 8; unused because wsHost is set
        wsHost: '127.0.0.1',
        wsPort: env.config.port,
        forceTLS: false,
        enabledTransports: ['ws'],
        enableStats: false, // pusher-js 8 spelling; disableStats still works but logs a deprecation
        // The Node build bundles an XMLHttpRequest shim over node:http, so the ajax transport works as in a browser.
        channelAuthorization: { endpoint: env.auth.url + authPath, transport: 'ajax', params: { user_id: userId } },
      });
      clients.push(client);
      if (client.connection.state !== 'connected') {
        await nextEvent(client.connection, 'connected');
      }
      return client;
    },
    disconnectAll: () => clients.forEach((client) => client.disconnect()),
  };
}

async function runScenario(name, scenario, env) {
  const ctx = newContext(env);
  const started = Date.now();
  try {
    await withTimeout(scenario(ctx), SCENARIO_TIMEOUT_MS, `scenario ${name}`);
    return { scenario: name, ok: true, ms: Date.now() - started };
  } catch (e) {
    return { scenario: name, ok: false, ms: Date.now() - started, error: e.stack ?? String(e) };
  } finally {
    ctx.disconnectAll();
  }
}

async function main() {
  setTimeout(() => {
    console.log(JSON.stringify({ scenario: 'global-timeout', ok: false, error: `still running after ${GLOBAL_TIMEOUT_MS} ms` }));
    process.exit(2);
  }, GLOBAL_TIMEOUT_MS).unref();

  const config = readConfig();
  const sdk = createSdk(config);
  const auth = await startAuthEndpoint(sdk, createSdk(config, 'not-the-app-secret'));
  const env = { config, sdk, auth, run: randomBytes(4).toString('hex') };
  let failures = 0;
  try {
    for (const [name, scenario] of SCENARIOS) {
      const result = await runScenario(name, scenario, env);
      console.log(JSON.stringify(result));
      if (!result.ok) failures++;
    }
  } finally {
    auth.close();
  }
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((e) => {
  console.log(JSON.stringify({ scenario: 'setup', ok: false, error: e.stack ?? String(e) }));
  process.exit(1);
});
