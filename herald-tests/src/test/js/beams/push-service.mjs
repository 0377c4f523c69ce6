/**
 * The web-push-testing push service's own API (its README): create a subscription with real keys,
 * read back the pushes it received and decrypted, expire a subscription so later pushes get 410.
 */
export class PushService {
  constructor(url) {
    this.url = url.replace(/\/$/, '');
  }

  /** A new subscription for the VAPID key (base64url): {endpoint, keys:{p256dh, auth}, clientHash}. */
  async subscribe(applicationServerKey) {
    const { data } = await this.#post('/subscribe', { userVisibleOnly: 'true', applicationServerKey });
    return data;
  }

  /** The decrypted payloads received for a subscription, oldest first, as strings. */
  async messages(clientHash) {
    const { data } = await this.#post('/get-notifications', { clientHash });
    return data.messages;
  }

  async expire(clientHash) {
    await this.#post(`/expire-subscription/${clientHash}`, {});
  }

  async #post(path, body) {
    const response = await fetch(this.url + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`push service ${path}: ${response.status} ${text}`);
    }
    // some answers are a plain "OK"
    return (response.headers.get('content-type') || '').includes('json') ? JSON.parse(text) : {};
  }
}
