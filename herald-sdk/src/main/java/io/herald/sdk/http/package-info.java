/** Internal: the JDK HttpClient transport, signing through herald-protocol's RequestSigning. Not part of the SDK's API; may change. */
package io.herald.sdk.http;
