package io.herald.bench;

import io.herald.testkit.TestServer;

/** Test helpers: the target and in-process settings for a {@link TestServer}. */
final class Bench {

    private Bench() {
    }

    static BenchTarget target(TestServer server) {
        return new BenchTarget("127.0.0.1", server.port(), TestServer.APP.id(), TestServer.APP.key(), TestServer.APP.secret());
    }

    static BenchSettings settings(TestServer server) {
        return BenchSettings.inProcess(target(server));
    }

    /** A numeric result as a long. */
    static long count(Report report, String name) {
        Object value = report.get(name);
        if (value == null) {
            throw new AssertionError("no result " + name + " in\n" + report.table());
        }
        return ((Number) value).longValue();
    }

    static double number(Report report, String name) {
        Object value = report.get(name);
        if (value == null) {
            throw new AssertionError("no result " + name + " in\n" + report.table());
        }
        return ((Number) value).doubleValue();
    }
}
