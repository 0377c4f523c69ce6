/**
 * pusher-js, unchanged, as a page on another origin would run it: its WebSocket sends an Origin
 * header (set through pusher-js's own Runtime hook, as a browser would set it). Reports what the
 * app sees: the connection errors pusher-js emits and the states it goes through, over a few seconds
 * in which pusher-js would have reconnected if it were going to.
 *
 * Prints one JSON line {"errors":[...],"states":[...]}. Driven by AllowedOriginsTest.
 *
 * Usage: node pusher-origin.mjs --port <port> --key <app key> --origin <origin>
 */
import { parseArgs } from 'node:util';
import PusherClient from 'pusher-js';

const WATCH_MS = 4_000;

const { values } = parseArgs({ options: { port: { type: 'string' }, key: { type: 'string' }, origin: { type: 'string' } } });

const FayeClient = PusherClient.Runtime.getWebSocketAPI();
PusherClient.Runtime.getWebSocketAPI = () => function WebSocketFromOrigin(url) {
  return new FayeClient(url, [], { headers: { Origin: values.origin } });
};

const errors = [];
const states = [];
const client = new PusherClient(values.key, {
  cluster: 'herald', // required by pusher-js 8; unused because wsHost is set
  wsHost: '127.0.0.1',
  wsPort: Number(values.port),
  forceTLS: false,
  enabledTransports: ['ws'],
  enableStats: false,
});
client.connection.bind('error', (error) => errors.push(error));
client.connection.bind('state_change', ({ current }) => states.push(current));
setTimeout(() => {
  console.log(JSON.stringify({ errors, states }));
  client.disconnect();
  process.exit(0);
}, WATCH_MS);
