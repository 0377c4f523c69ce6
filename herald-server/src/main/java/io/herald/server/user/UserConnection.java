package io.herald.server.user;

import io.herald.server.channel.Subscriber;

/** What user bookkeeping needs of a signed-in connection: send it frames, or end it. */
public interface UserConnection extends Subscriber {

    /** Closes the connection because the app asked to terminate the user's connections. Any thread. */
    void terminate();
}
