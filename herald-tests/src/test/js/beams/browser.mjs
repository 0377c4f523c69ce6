/**
 * A browser just big enough for the Beams web SDK (@pusher/push-notifications-web 2.1.0), so its own
 * code, unchanged, registers devices with Herald. Each browser is a separate V8 context with its own
 * IndexedDB (fake-indexeddb), service worker registration and push subscription; its PushManager
 * subscribes at web-push-testing instead of a vendor's push service, so Herald's pushes are received
 * and decrypted there with the subscription's real keys.
 *
 * The SDK's published ES module has no imports; its one export statement is replaced by an expression
 * that hands the exports back, the only way to load it into a context of its own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { IDBFactory } from 'fake-indexeddb';

const require = createRequire(import.meta.url);
const SDK_FILE = require.resolve('@pusher/push-notifications-web');
const SDK_EXPORT = 'export { Client, RegistrationState, TokenProvider };';
const SDK_SOURCE = (() => {
  const source = readFileSync(SDK_FILE, 'utf8');
  if (!source.trimEnd().endsWith(SDK_EXPORT)) {
    throw new Error(`${SDK_FILE} does not end with the export statement this shim expects`);
  }
  return `${source.trimEnd().slice(0, -SDK_EXPORT.length)}\n({ Client, RegistrationState, TokenProvider });`;
})();
const SDK_SCRIPT = new vm.Script(SDK_SOURCE, { filename: SDK_FILE });
const ORIGIN = 'https://app.example';
const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * fetch as a page on ORIGIN calls another origin: with an Origin header, a preflight for requests that
 * are not "simple" (any method but GET/HEAD/POST, a JSON body, an Authorization header), and the
 * response refused, as a browser refuses it, unless the server allows the origin.
 */
async function corsFetch(url, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  const nonSimpleHeaders = Object.entries(options.headers || {})
    .filter(([name, value]) => name.toLowerCase() !== 'content-type' || !SIMPLE_CONTENT_TYPES.includes(value))
    .map(([name]) => name.toLowerCase());
  if (!SAFELISTED_METHODS.includes(method) || nonSimpleHeaders.length > 0) {
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': method,
        ...(nonSimpleHeaders.length ? { 'Access-Control-Request-Headers': nonSimpleHeaders.join(',') } : {}),
      },
    });
    const allowedMethods = tokens(preflight, 'access-control-allow-methods');
    const allowedHeaders = tokens(preflight, 'access-control-allow-headers');
    const methodAllowed = SAFELISTED_METHODS.includes(method) || allowedMethods.includes(method.toLowerCase())
      || allowedMethods.includes('*');
    const headersAllowed = nonSimpleHeaders.every((h) => allowedHeaders.includes(h) || allowedHeaders.includes('*'));
    if (!preflight.ok || !allowsOrigin(preflight) || !methodAllowed || !headersAllowed) {
      throw new TypeError(`CORS preflight refused ${method} ${url}: ${preflight.status} `
        + JSON.stringify(Object.fromEntries(preflight.headers)));
    }
  }
  const response = await fetch(url, { ...options, headers: { ...options.headers, Origin: ORIGIN } });
  if (!allowsOrigin(response)) {
    throw new TypeError(`CORS refused the response to ${method} ${url}: no Access-Control-Allow-Origin for ${ORIGIN}`);
  }
  return response;
}

/** A comma-separated header of a response as lower-case tokens. */
function tokens(response, header) {
  return (response.headers.get(header) || '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
}

function allowsOrigin(response) {
  const allowed = response.headers.get('access-control-allow-origin');
  return allowed === '*' || allowed === ORIGIN;
}

/** One browser profile: `sdk` is the web SDK loaded in it; `subscription` the push subscription it holds. */
export class Browser {
  /** @param pushService a PushService (web-push-testing) */
  constructor(pushService) {
    this.pushService = pushService;
    this.subscription = null;
    const pushManager = {
      subscribe: (options) => this.#subscribe(options),
      getSubscription: async () => this.subscription,
    };
    const registration = { scope: `${ORIGIN}/`, pushManager };
    this.registration = registration;
    const context = {
      console,
      fetch: corsFetch,
      btoa,
      atob,
      setTimeout,
      clearTimeout,
      isSecureContext: true,
      location: { href: `${ORIGIN}/` },
      navigator: {
        userAgent: 'Mozilla/5.0 (herald-tests; Node.js)',
        serviceWorker: { ready: Promise.resolve(registration), register: () => {} },
      },
      indexedDB: new IDBFactory(),
      Notification: { permission: 'granted' },
      PushManager: function PushManager() {},
    };
    context.window = context;
    vm.createContext(context);
    this.sdk = SDK_SCRIPT.runInContext(context);
  }

  /** A Beams client as a page would create it, pointed at Herald with the SDK's endpointOverride. */
  beamsClient(instanceId, heraldUrl) {
    return new this.sdk.Client({
      instanceId,
      endpointOverride: heraldUrl,
      serviceWorkerRegistration: this.registration,
    });
  }

  /** The web-push-testing id of this browser's subscription. */
  get clientHash() {
    return this.subscription?.clientHash;
  }

  /** The pushes this browser received, decrypted and parsed. */
  async received() {
    return this.subscription ? (await this.pushService.messages(this.clientHash)).map((m) => JSON.parse(m)) : [];
  }

  /** PushManager.subscribe as a browser does it: a new subscription to the given VAPID key. */
  async #subscribe({ applicationServerKey }) {
    const key = Buffer.from(applicationServerKey).toString('base64url');
    const created = await this.pushService.subscribe(key);
    const json = { endpoint: created.endpoint, expirationTime: null, keys: created.keys };
    const subscription = {
      ...json,
      toJSON: () => json, // what JSON.stringify(subscription) gives in a browser, and so the Beams token
      unsubscribe: async () => {
        this.subscription = null;
        return true;
      },
    };
    Object.defineProperty(subscription, 'clientHash', { value: created.clientHash });
    this.subscription = subscription;
    return subscription;
  }
}
