package io.herald.server.webhook;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator about one endpoint's outage without flooding the log: one WARN when it starts
 * failing, one WARN when the first events are given up, and one INFO once it is back and its backlog
 * is delivered, with how long it was down and the counts. Every other failure is DEBUG. Thread-safe.
 */
final class EndpointHealth {

    private static final Logger log = LoggerFactory.getLogger(EndpointSender.class);

    private final String endpoint;
    /** When the outage began (nanoTime), 0 while healthy. */
    private long downSince;
    /** When the first request after the outage succeeded, 0 while still down. */
    private long backSince;
    private long failedAttempts;
    private long givenUp;
    private long deliveredSinceBack;

    EndpointHealth(String endpoint) {
        this.endpoint = endpoint;
    }

    synchronized void failed(String problem, long queued) {
        if (downSince == 0) {
            downSince = System.nanoTime();
            failedAttempts = 0;
            givenUp = 0;
            deliveredSinceBack = 0;
            log.warn("Webhook endpoint {} is failing ({}); {} event(s) queued; retrying, further failures are"
                    + " logged at DEBUG until it is back", endpoint, problem, queued);
        } else {
            log.debug("Webhook endpoint {} still failing ({}); {} event(s) queued", endpoint, problem, queued);
        }
        backSince = 0;
        failedAttempts++;
    }

    synchronized void gaveUp(int events, int attempts, String why, long queued) {
        givenUp += events;
        if (givenUp == events) {
            log.warn("Webhook endpoint {}: gave up {} event(s) after {} attempt(s) ({}); {} event(s) queued;"
                    + " later give-ups are counted in the recovery line", endpoint, events, attempts, why, queued);
        } else {
            log.debug("Webhook endpoint {}: gave up {} more event(s)", endpoint, events);
        }
    }

    synchronized void delivered(int events) {
        if (downSince != 0) {
            if (backSince == 0) {
                backSince = System.nanoTime();
            }
            deliveredSinceBack += events;
        }
    }

    /** The queue is empty: if the endpoint came back from an outage, its backlog is through. */
    synchronized void drained() {
        if (downSince == 0 || backSince == 0) {
            return;
        }
        long now = System.nanoTime();
        log.info("Webhook endpoint {} is back after {} ms down ({} failed attempt(s)); delivered {} event(s)"
                + " in {} ms once it answered, {} given up", endpoint, Duration.ofNanos(backSince - downSince).toMillis(),
                failedAttempts, deliveredSinceBack, Duration.ofNanos(now - backSince).toMillis(), givenUp);
        downSince = 0;
        backSince = 0;
    }
}
