/** What an app's auth endpoints return: channel authorization and user sign-in JSON. */
package io.herald.sdk.auth;
