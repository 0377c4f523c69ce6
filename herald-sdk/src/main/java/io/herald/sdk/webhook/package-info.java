/** Checking webhook signatures (with key rotation) and parsing webhook bodies into typed events. */
package io.herald.sdk.webhook;
