package io.herald.bench;

import static io.herald.bench.Bench.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The publisher against a plain HTTP server that is not Herald. */
class PublisherTest {

    @Test
    void carriesOnWhenTheServerClosesEveryConnectionAfterItsAnswer() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        try {
            BenchTarget target = new BenchTarget("127.0.0.1", http.getAddress().getPort(), "app-id", "app-key", "app-secret");

            Report report = PublishScenario.run(BenchSettings.inProcess(target), new PublishScenario.Options(20, 10, 2, 0));

            assertThat(count(report, "http.ok")).isEqualTo(20);
            assertThat(requests).hasValue(20);
        } finally {
            http.stop(0);
        }
    }
}
