package io.herald.client.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs user callbacks so that one that throws never stops delivery to the others. */
public final class Callbacks {

    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

    private Callbacks() {
    }

    public static void run(String what, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("A {} listener threw; ignoring it", what, e);
        }
    }
}
