/** Internal: request signing and the JDK HttpClient transport. Not part of the SDK's API; may change. */
package io.herald.sdk.http;
