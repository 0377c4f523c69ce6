package io.herald.tests.docs;

import io.herald.sdk.HeraldRest;
import io.herald.sdk.push.HeraldPush;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Java snippets of the docs take as given: the variables a reader's own code would have
 * around them (a client built earlier, the request being handled, the signed-in user). Every
 * snippet is compiled as a method of a subclass, so it may use these and nothing else undeclared.
 */
public abstract class SnippetContext {

    /** The signed-in user of the reader's app. */
    public record AppUser(String id, String name) {
    }

    /** The HTTP request being handled, as a servlet or any web framework offers it. */
    public interface Request {
        String getHeader(String name);
    }

    /** The reader's own record of who is in which presence channel. */
    public interface Presence {
        void joined(String channel, String userId);

        void left(String channel, String userId);

        void closed(String channel);
    }

    protected Logger log = LoggerFactory.getLogger(getClass());
    protected HeraldRest herald;
    protected HeraldPush push;
    protected Object order;
    protected String socketId;
    protected String channel;
    protected String token;
    protected AppUser user;
    protected Request request;
    protected byte[] bodyBytes;
    protected Presence presence;
    protected String dataFromAWebhook;
}
