/**
 * pusher-js (Node build) and the `pusher` Node SDK, unchanged, against Herald's user features:
 * sign-in and sendToUser, watchlist online/offline, subscription counts and cache channels.
 * The app must have subscription counts on.
 *
 * Prints one JSON line per scenario, {"scenario":name,"ok":true|false,"error"?:text}; exits 0 when
 * all pass. Driven by PusherJsUsersTest. Usage: node pusher-users.mjs --port <port>
 */
import { parseArgs } from 'node:util';
import PusherClient from 'pusher-js';
import PusherServer from 'pusher';

const EVENT_TIMEOUT_MS = 5_000;
const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = Number(values.port);
const config = { appId: 'app-id', key: 'app-key', secret: 'app-secret' };
const sdk = new PusherServer({ ...config, host: '127.0.0.1', port: String(port), useTLS: false });
const clients = [];

/**
 * A connected pusher-js client; with `user` it signs in as that user data through the SDK, calling
 * `beforeSignin(client)` first so listeners can be bound in time for the watchlist's initial state.
 */
async function connect(user, beforeSignin = () => {}) {
  const client = new PusherClient(config.key, {
    cluster: 'herald',
    wsHost: '127.0.0.1',
    wsPort: port,
    forceTLS: false,
    enabledTransports: ['ws'],
    enableStats: false,
    userAuthentication: {
      customHandler: ({ socketId }, callback) => callback(null, sdk.authenticateUser(socketId, user)),
    },
  });
  clients.push(client);
  await once(client.connection, 'connected');
  if (user) {
    beforeSignin(client);
    client.signin();
    await client.user.signinDonePromise;
    const channel = client.user.serverToUserChannel;
    if (!channel.subscribed) {
      await once(channel, 'pusher:subscription_succeeded');
    }
  }
  return client;
}

function once(emitter, event) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${EVENT_TIMEOUT_MS} ms`)), EVENT_TIMEOUT_MS);
    const handler = (data) => {
      clearTimeout(timer);
      emitter.unbind(event, handler);
      resolve(data);
    };
    emitter.bind(event, handler);
  });
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

const scenarios = {
  async 'signin-send-to-user'() {
    const laptop = await connect({ id: 'js-alice' });
    const phone = await connect({ id: 'js-alice' });
    const received = [once(laptop.user, 'hello'), once(phone.user, 'hello')];
    await sdk.sendToUser('js-alice', 'hello', { n: 1 });
    for (const data of await Promise.all(received)) {
      check(data.n === 1, `unexpected data ${JSON.stringify(data)}`);
    }
  },

  async watchlist() {
    let initial;
    const alice = await connect({ id: 'js-carol', watchlist: ['js-dave'] }, (client) => {
      initial = once(client.user.watchlist, 'offline');
    });
    check((await initial).user_ids.includes('js-dave'), 'js-dave not reported offline at sign-in');
    const online = once(alice.user.watchlist, 'online');
    const dave = await connect({ id: 'js-dave' });
    check((await online).user_ids[0] === 'js-dave', 'js-dave not reported online');
    const offline = once(alice.user.watchlist, 'offline');
    dave.disconnect();
    check((await offline).user_ids[0] === 'js-dave', 'js-dave not reported offline');
  },

  async 'subscription-count'() {
    const first = await connect();
    const channel = first.subscribe('counted-js');
    await once(channel, 'pusher:subscription_count');
    const second = await connect();
    const two = once(channel, 'pusher:subscription_count');
    second.subscribe('counted-js');
    check((await two).subscription_count === 2, 'count 2 not reported');
    check(channel.subscriptionCount === 2, 'channel.subscriptionCount is not 2');
  },

  async 'cache-channel'() {
    await sdk.trigger('cache-js', 'state', { v: 3 });
    const client = await connect();
    const state = once(client.subscribe('cache-js'), 'state');
    const miss = once(client.subscribe('cache-js-empty'), 'pusher:cache_miss');
    check((await state).v === 3, 'cached event not received');
    await miss;
  },
};

let failed = false;
for (const [name, scenario] of Object.entries(scenarios)) {
  try {
    await scenario();
    console.log(JSON.stringify({ scenario: name, ok: true }));
  } catch (e) {
    failed = true;
    console.log(JSON.stringify({ scenario: name, ok: false, error: String(e?.stack ?? e) }));
  }
}
clients.forEach((client) => client.disconnect());
process.exit(failed ? 1 : 0);
