package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A PostgreSQL store whose database goes away (a relay between them is cut): the caller that finds
 * out waits for the connection timeout, the callers after it are refused at once while one at a
 * time tries again, and the store serves as soon as the database is back.
 */
@Timeout(60)
class StoreOutageTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final SqlWork<Integer> ONE = c -> {
        try (var statement = c.createStatement(); var result = statement.executeQuery("SELECT 1")) {
            result.next();
            return result.getInt(1);
        }
    };

    @Test
    void anOutageHoldsOneCallerForTheTimeoutAndRefusesTheRestAtOnce() throws Exception {
        String[] server = TestPostgres.server().split(":");
        try (TestPostgres database = TestPostgres.create();
             CuttableRelay relay = new CuttableRelay(server[0], Integer.parseInt(server[1]));
             Store store = Store.open(new StoreOptions(database.urlAt("127.0.0.1:" + relay.port()), null, 2, TIMEOUT),
                     StoreContract.MIGRATIONS)) {
            assertThat(store.transaction(ONE)).isEqualTo(1);

            relay.cut();
            // The pool's open connections fail at once as they are used; then a caller waits the
            // timeout for a new one and finds the database unreachable.
            Duration waited = Duration.ZERO;
            for (int i = 0; i < 5 && waited.compareTo(TIMEOUT.minusMillis(100)) < 0; i++) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> store.transaction(ONE)).isInstanceOf(StoreException.class);
                waited = Duration.ofNanos(System.nanoTime() - started);
            }
            assertThat(waited).as("a caller waited for a connection").isGreaterThanOrEqualTo(TIMEOUT.minusMillis(100));

            // Twenty callers at once during the outage: one tries again (up to the timeout), the rest
            // are refused at once instead of each waiting for a connection too.
            ExecutorService callers = Executors.newFixedThreadPool(20);
            try {
                List<Future<Duration>> calls = IntStream.range(0, 20).mapToObj(i -> callers.submit(() -> {
                    long t0 = System.nanoTime();
                    assertThatThrownBy(() -> store.transaction(ONE)).isInstanceOf(StoreException.class);
                    return Duration.ofNanos(System.nanoTime() - t0);
                })).toList();
                List<Duration> waits = new ArrayList<>();
                for (Future<Duration> call : calls) {
                    waits.add(call.get());
                }
                assertThat(waits.stream().filter(wait -> wait.compareTo(Duration.ofMillis(300)) < 0).count())
                        .as("callers refused at once, of %s", waits).isGreaterThanOrEqualTo(18);
            } finally {
                callers.shutdownNow();
            }

            relay.restore();
            Integer answer = null;
            for (int i = 0; i < 5 && answer == null; i++) { // the pool may still be between two tries
                try {
                    answer = store.transaction(ONE);
                } catch (StoreException stillDown) {
                    Thread.sleep(200);
                }
            }
            assertThat(answer).as("a call soon after the database is back").isEqualTo(1);
            assertThat(store.transaction(ONE)).isEqualTo(1);
        }
    }
}
