/**
 * pusher-js and the `pusher` Node SDK, unchanged, against a Herald server speaking TLS: pusher-js
 * connects over wss:// and subscribes, the SDK publishes over https://, pusher-js receives the event.
 * Trust comes from NODE_EXTRA_CA_CERTS (the test's CA), so Node checks the certificate as it would
 * any other. Also reports the serial number of the certificate the server shows a new connection.
 *
 * Prints one JSON line {"ok":true,"serial":"<hex>","received":<data>} or {"ok":false,"error":text};
 * exits 0 when ok. Driven by TlsTest.
 *
 * Usage: node pusher-tls.mjs --port <tls port>
 */
import { connect } from 'node:tls';
import { parseArgs } from 'node:util';
import PusherClient from 'pusher-js';
import PusherServer from 'pusher';

const TIMEOUT_MS = 15_000;

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = Number(values.port);

function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The serial of the certificate a fresh TLS connection is shown, verified against the trusted CAs. */
function serverCertificateSerial() {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername: 'localhost' }, () => {
      const serial = socket.getPeerCertificate().serialNumber;
      socket.end();
      resolve(serial);
    });
    socket.on('error', reject);
  });
}

async function main() {
  const serial = await within(serverCertificateSerial(), 'a TLS handshake');
  const client = new PusherClient('app-key', {
    cluster: 'herald', // required by pusher-js 8; unused because wsHost is set
    wsHost: '127.0.0.1',
    wssPort: port,
    forceTLS: true,
    enabledTransports: ['ws'],
    enableStats: false,
  });
  try {
    const channel = client.subscribe('tls-news');
    await within(new Promise((resolve) => channel.bind('pusher:subscription_succeeded', resolve)), 'the subscription');
    const received = new Promise((resolve) => channel.bind('headline', resolve));
    const sdk = new PusherServer({
      appId: 'app-id', key: 'app-key', secret: 'app-secret', host: '127.0.0.1', port: String(port), useTLS: true,
    });
    const response = await sdk.trigger('tls-news', 'headline', { text: 'over TLS' });
    if (response.status !== 200) {
      throw new Error(`trigger answered ${response.status}`);
    }
    const data = await within(received, 'the event');
    console.log(JSON.stringify({ ok: true, serial, received: data }));
  } finally {
    client.disconnect();
  }
}

main().then(() => process.exit(0), (e) => {
  console.log(JSON.stringify({ ok: false, error: String(e && e.stack || e) }));
  process.exit(1);
});
