package io.herald.server.transport;

import io.herald.server.session.Connection;
import org.slf4j.MDC;

/**
 * Names the app and socket a log line is about ({@code app_id}, {@code socket_id} in the MDC) while
 * an event loop works for one of them, so JSON logs ({@code log-format: json}) carry them.
 */
final class LogContext {

    static final String APP_ID = "app_id";
    static final String SOCKET_ID = "socket_id";

    private LogContext() {
    }

    static void enter(Connection connection) {
        MDC.put(APP_ID, connection.app().id());
        MDC.put(SOCKET_ID, connection.socketId());
    }

    static void enterApp(String appId) {
        MDC.put(APP_ID, appId);
    }

    static void exit() {
        MDC.remove(APP_ID);
        MDC.remove(SOCKET_ID);
    }
}
