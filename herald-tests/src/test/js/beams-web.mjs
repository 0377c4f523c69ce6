/**
 * The Beams web SDK (@pusher/push-notifications-web 2.1.0, its own code, in beams/browser.mjs) and the
 * official Node server SDK (@pusher/push-notifications-server 1.2.7) against Herald, with web-push-testing
 * as the browsers' push service. Runs one scenario and prints one JSON line,
 * {"scenario", "ok", ...what it observed} or {"scenario", "ok": false, "error"}; the Java test asserts
 * on what was observed. Driven by BeamsWebPushTest.
 *
 * Usage: node beams-web.mjs --scenario <name> --herald <url> --push-service <url>
 *                           --instance-id <id> --secret <secret key>
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import PushNotifications from '@pusher/push-notifications-server';
import { Browser } from './beams/browser.mjs';
import { PushService } from './beams/push-service.mjs';

const WAIT_MS = 20_000;
const QUIET_MS = 1_500;
const { values: args } = parseArgs({
  options: {
    scenario: { type: 'string' },
    herald: { type: 'string' },
    'push-service': { type: 'string' },
    'instance-id': { type: 'string' },
    secret: { type: 'string' },
  },
});
const instanceId = args['instance-id'];
const heraldUrl = new URL(args.herald);
const pushService = new PushService(args['push-service']);
// the SDK's `endpoint` option is a host name; with it, the SDK speaks plain http to that host and `port`
const beams = new PushNotifications({
  instanceId,
  secretKey: args.secret,
  endpoint: heraldUrl.hostname,
  port: Number(heraldUrl.port),
});
const deviceApi = `${heraldUrl.origin}/device_api/v1/instances/${encodeURIComponent(instanceId)}`;

/** A browser whose web SDK has registered with Herald (client.start()). */
async function startedBrowser() {
  const browser = new Browser(pushService);
  const client = browser.beamsClient(instanceId, heraldUrl.origin);
  await client.start();
  return { browser, client, deviceId: await client.getDeviceId() };
}

async function until(what, condition) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await condition();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    }
    await sleep(100);
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function deviceStatus(deviceId) {
  return (await fetch(`${deviceApi}/devices/web/${encodeURIComponent(deviceId)}`)).status;
}

/** The status Herald answered to the web SDK, from the SDK's error message ("Unexpected status code 401: ..."). */
async function statusOf(promise) {
  try {
    await promise;
    return 200;
  } catch (e) {
    const match = /Unexpected status code (\d+)/.exec(e.message);
    if (!match) {
      throw e;
    }
    return Number(match[1]);
  }
}

const jwtPart = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** An HS256 JWT, built by hand so that tokens the official SDK would never make can be tried too. */
function jwt(claims, secret) {
  const unsigned = `${jwtPart({ alg: 'HS256', typ: 'JWT' })}.${jwtPart(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/**
 * The customer's token endpoint a page's TokenProvider calls (GET ?user_id=...): it answers what
 * `issue(userId)` returns, normally the official SDK's generateToken.
 */
async function tokenEndpoint(issue) {
  const server = http.createServer((req, res) => {
    const userId = new URL(req.url, 'http://x').searchParams.get('user_id');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(issue.current(userId)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/beams-auth`, close: () => server.close() };
}

const scenarios = {
  /** A device on two interests gets one decrypted copy of a publish to both; a device on another gets none. */
  async interests() {
    const { browser, client, deviceId } = await startedBrowser();
    await client.addDeviceInterest('donuts');
    await client.addDeviceInterest('pastries');
    await client.addDeviceInterest('to-be-removed');
    await client.removeDeviceInterest('to-be-removed');
    const { interests } = await client.getDeviceInterests();
    const other = await startedBrowser();
    await other.client.setDeviceInterests(['bagels']);
    const otherInterests = (await other.client.getDeviceInterests()).interests;

    const { publishId } = await beams.publishToInterests(['donuts', 'pastries'], {
      web: {
        notification: {
          title: 'Hello',
          body: 'Hello, world!',
          icon: 'https://app.example/icon.png',
          deep_link: 'https://app.example/orders/1',
          hide_notification_if_site_has_focus: true,
        },
        data: { orderId: 1, tags: ['a', 'b'] },
        time_to_live: 3600,
      },
    });
    await until('the push at the device', async () => (await browser.received()).length > 0);
    await sleep(QUIET_MS); // a second copy would arrive now
    const received = await browser.received();

    // what the SDK's service worker reports on receiving it (best effort there; its status observed here)
    const report = await fetch(`${heraldUrl.origin}/reporting_api/v2/instances/${instanceId}/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        publishId,
        event: 'delivery',
        deviceId,
        userId: null,
        timestampSecs: Math.floor(Date.now() / 1000),
        appInBackground: true,
        hasDisplayableContent: true,
        hasData: true,
      }),
    });
    return {
      deviceId,
      interests,
      otherInterests,
      publishId,
      received,
      otherReceived: await other.browser.received(),
      reportStatus: report.status,
    };
  },

  /** A subscription the push service has expired answers 410, and Herald removes its device. */
  async expired() {
    const gone = await startedBrowser();
    const live = await startedBrowser();
    await gone.client.addDeviceInterest('expiring');
    await live.client.addDeviceInterest('expiring');
    const statusBefore = await deviceStatus(gone.deviceId);
    await pushService.expire(gone.browser.clientHash);

    const { publishId } = await beams.publishToInterests(['expiring'], {
      web: { notification: { title: 'Still there?' } },
    });
    await until('the push at the live device', async () => (await live.browser.received()).length > 0);
    const started = Date.now();
    await until('the expired device to be removed', async () => (await deviceStatus(gone.deviceId)) === 404);
    return {
      publishId,
      statusBefore,
      removedWithinMs: Date.now() - started,
      statusAfter: await deviceStatus(gone.deviceId),
      liveStatusAfter: await deviceStatus(live.deviceId),
      liveReceived: await live.browser.received(),
      expiredReceived: await gone.browser.received(),
    };
  },

  /** generateToken binds a device to a user, publishToUsers reaches it; bad tokens are refused. */
  async users() {
    const issue = { current: (userId) => beams.generateToken(userId) };
    const endpoint = await tokenEndpoint(issue);
    try {
      const alice = await startedBrowser();
      const tokenProvider = new alice.browser.sdk.TokenProvider({ url: endpoint.url });
      await alice.client.setUserId('alice', tokenProvider);
      const { publishId } = await beams.publishToUsers(['alice'], {
        web: { notification: { title: 'For Alice' }, data: { n: 1 } },
      });
      await until('the push at alice', async () => (await alice.browser.received()).length > 0);

      const claims = (overrides) => ({
        sub: 'bob',
        iss: `https://${instanceId}.pushnotifications.pusher.com`,
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 3600,
        ...overrides,
      });
      const refusedWith = async (token) => {
        issue.current = () => ({ token });
        const bob = await startedBrowser();
        const provider = new bob.browser.sdk.TokenProvider({ url: endpoint.url });
        return statusOf(bob.client.setUserId('bob', provider));
      };
      const refused = {
        forged: await refusedWith(jwt(claims({}), `${args.secret}-not`)),
        expired: await refusedWith(jwt(claims({ exp: Math.floor(Date.now() / 1000) - 3600 }), args.secret)),
        wrongIssuer: await refusedWith(jwt(claims({ iss: 'https://another.pushnotifications.pusher.com' }), args.secret)),
        notAJwt: await refusedWith('not-a-token'),
        unsigned: await refusedWith(`${jwt(claims({}), args.secret).split('.').slice(0, 2).join('.')}.`),
        algNone: await refusedWith(`${jwtPart({ alg: 'none', typ: 'JWT' })}.${jwtPart(claims({}))}.`),
      };
      const userUrl = `${deviceApi}/devices/web/${alice.deviceId}/user`;
      refused.missing = (await fetch(userUrl, { method: 'PUT' })).status;
      refused.secondUser = (await fetch(userUrl, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${beams.generateToken('bob').token}` },
      })).status;

      await beams.deleteUser('alice');
      const afterDelete = await beams.publishToUsers(['alice'], { web: { notification: { title: 'Gone' } } });
      await sleep(QUIET_MS);
      return {
        publishId,
        received: await alice.browser.received(),
        refused,
        statusAfterDelete: await deviceStatus(alice.deviceId),
        publishAfterDelete: afterDelete,
      };
    } finally {
      endpoint.close();
    }
  },
};

const scenario = scenarios[args.scenario];
if (!scenario) {
  console.log(JSON.stringify({ scenario: args.scenario, ok: false, error: 'no such scenario' }));
  process.exit(2);
}
try {
  console.log(JSON.stringify({ scenario: args.scenario, ok: true, ...(await scenario()) }));
  process.exit(0);
} catch (e) {
  console.log(JSON.stringify({ scenario: args.scenario, ok: false, error: e.stack || String(e) }));
  process.exit(1);
}
