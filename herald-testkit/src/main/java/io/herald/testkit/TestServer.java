package io.herald.testkit;

import io.herald.server.HeraldServer;
import io.herald.server.app.App;
import io.herald.server.config.ServerOptions;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A Herald server for tests: loopback, port 0, closed with try-with-resources. Push notifications
 * keep their store in a {@link PushDataDirectory} deleted on close, unless the options name one.
 */
public final class TestServer implements AutoCloseable {

    /** The app every default test server has: {@code app-id} / {@code app-key} / {@code app-secret}. */
    public static final App APP = ServerOptions.DEFAULT_APP;

    private final HeraldServer server;
    private final PushDataDirectory pushData;

    private TestServer(HeraldServer server, PushDataDirectory pushData) {
        this.server = server;
        this.pushData = pushData;
    }

    /** A server with the default app and default settings. */
    public static TestServer start() {
        return start(b -> { });
    }

    /** A server whose options {@code customizer} may change; host and port are set for tests first. */
    public static TestServer start(Consumer<ServerOptions.Builder> customizer) {
        ServerOptions.Builder builder = ServerOptions.builder().host("127.0.0.1").port(0);
        customizer.accept(builder);
        PushDataDirectory pushData = PushDataDirectory.create();
        try {
            return new TestServer(HeraldServer.start(pushData.applyTo(builder.build())), pushData);
        } catch (RuntimeException | Error e) {
            pushData.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    public HeraldServer server() {
        return server;
    }

    /** Where push notifications keep their store unless the options named a directory. */
    public Path pushDataDirectory() {
        return pushData.path();
    }

    /** {@code ws://127.0.0.1:port/app/{key}?protocol=7} */
    public String webSocketUrl(String key) {
        return "ws://127.0.0.1:" + port() + "/app/" + key + "?protocol=7&client=herald-testkit&version=0.1";
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** A client connected with the default app's key, past {@code connection_established}. */
    public RecordingClient connect() {
        return RecordingClient.connect(webSocketUrl(APP.key()));
    }

    public RecordingClient connect(App app) {
        return RecordingClient.connect(webSocketUrl(app.key()));
    }

    /** A signed API client for the default app. */
    public ApiClient api() {
        return api(APP);
    }

    public ApiClient api(App app) {
        return new ApiClient(httpUrl(), app);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            pushData.close();
        }
    }
}
