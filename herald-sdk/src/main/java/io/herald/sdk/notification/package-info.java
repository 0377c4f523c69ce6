/** Structured UI notifications (toast, download link, navigate, info, audio, data) in versions 1 and 2. */
package io.herald.sdk.notification;
