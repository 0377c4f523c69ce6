package io.herald.server.extension;

import io.herald.server.transport.HttpService;
import java.util.List;

/**
 * A part of the server that lives in another module (push notifications), started with the node and
 * closed with it. Built by a {@link ServerExtensionProvider}.
 */
public interface ServerExtension extends AutoCloseable {

    /** The HTTP services to mount on the node's port. */
    List<HttpService> httpServices();

    /** Lines for the start-up banner, such as the default credentials in use. */
    List<String> summary();

    /** Stops its threads and releases what it holds; called once, after the listener stopped. */
    @Override
    void close();
}
