package io.herald.server.console;

import io.herald.server.admin.AdminAccess;
import io.herald.server.app.AppStore;
import io.herald.server.transport.WebSocketService;
import io.netty.channel.ChannelHandler;

/** The console's feed socket at {@value #PATH}, served only while the admin token is set. */
public final class ConsoleSockets implements WebSocketService {

    public static final String PATH = "/console/feed";
    /** The login message is the only thing a console sends. */
    private static final int MAX_FRAME_SIZE = 4096;

    private final AdminAccess access;
    private final AppStore apps;
    private final ConsoleFeed feed;

    public ConsoleSockets(AdminAccess access, AppStore apps, ConsoleFeed feed) {
        this.access = access;
        this.apps = apps;
        this.feed = feed;
    }

    @Override
    public boolean handles(String path) {
        return access.enabled() && path.equals(PATH);
    }

    @Override
    public int maxFrameSize() {
        return MAX_FRAME_SIZE;
    }

    @Override
    public ChannelHandler newSession() {
        return new ConsoleSocketHandler(access, apps, feed);
    }
}
