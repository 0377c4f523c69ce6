package io.herald.server.webhook;

import io.herald.server.config.ServerOptions;
import java.time.Duration;

/**
 * The server-wide webhook settings, taken from {@link ServerOptions}.
 *
 * @param batchWindow how long events wait to share a request
 * @param batchMaxSize most events per request
 * @param queueCapacity most events waiting per endpoint
 * @param requestTimeout how long one request may take
 * @param retryBackoff wait before the first retry; doubles each time
 * @param retryMaxBackoff the longest wait between two attempts
 * @param retryHorizon how old (since it was queued) an event may get and still be retried
 */
record WebhookSettings(Duration batchWindow, int batchMaxSize, int queueCapacity, Duration requestTimeout,
                       Duration retryBackoff, Duration retryMaxBackoff, Duration retryHorizon) {

    static WebhookSettings of(ServerOptions o) {
        return new WebhookSettings(o.webhookBatchWindow(), o.webhookBatchMaxSize(), o.webhookQueueCapacity(),
                o.webhookRequestTimeout(), o.webhookRetryBackoff(), o.webhookRetryMaxBackoff(), o.webhookRetryHorizon());
    }
}
