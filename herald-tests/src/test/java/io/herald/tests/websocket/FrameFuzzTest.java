package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.herald.testkit.ApiClient;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import io.netty.util.ResourceLeakDetector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Random and mutated WebSocket frames over raw sockets against a real server: bad opcodes, reserved
 * bits, unmasked frames, lying lengths, truncated frames, fragments out of order, oversized or
 * fragmented control frames, invalid UTF-8, random JSON and bit-flipped valid frames. Bounded by
 * count and time; the seed is printed and can be replayed with {@code -Dherald.fuzz.seed=…}.
 * Throughout, {@code /health} answers and an honest subscriber receives every event. Afterwards no
 * exception has reached the end of a pipeline or surprised a handler, no buffer leaked (Netty's
 * paranoid leak detector) and every fuzzing connection and its channels are gone.
 */
class FrameFuzzTest {

    private static final int SOCKETS = 400;
    private static final Duration TIME_BUDGET = Duration.ofSeconds(40);
    private static final int MAX_FRAME_SIZE = 4096;
    private static final int HONEST_CHECK_EVERY = 25;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<Logger> watched = new ArrayList<>();
    private final List<Level> previousLevels = new ArrayList<>();
    private ResourceLeakDetector.Level previousLeakLevel;

    @BeforeEach
    void watchLogs() {
        previousLeakLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        logs.start();
        // Netty's warnings (an exception at the pipeline's tail, a leak) and the session handler's
        // note of an unexpected error, which it logs at DEBUG before closing the socket.
        watch(Logger.ROOT_LOGGER_NAME, null, true);
        watch("io.herald.server.transport", Level.DEBUG, false); // its events reach the root's appender
    }

    @AfterEach
    void restore() {
        for (int i = 0; i < watched.size(); i++) {
            watched.get(i).detachAppender(logs); // a no-op where none was added
            watched.get(i).setLevel(previousLevels.get(i));
        }
        ResourceLeakDetector.setLevel(previousLeakLevel);
    }

    private void watch(String name, Level level, boolean append) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        watched.add(logger);
        previousLevels.add(logger.getLevel());
        if (level != null) {
            logger.setLevel(level);
        }
        if (append) {
            logger.addAppender(logs);
        }
    }

    @Test
    void mutatedFramesNeverHurtTheServerOrAnHonestClient() throws Exception {
        long seed = Long.getLong("herald.fuzz.seed", ThreadLocalRandom.current().nextLong());
        System.out.println("FrameFuzzTest seed " + seed + " (replay with -Dherald.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TIME_BUDGET.toNanos();
        int sockets = 0;
        int closedByServer = 0;
        try (TestServer server = TestServer.start(b -> b.maxFrameSize(MAX_FRAME_SIZE));
             RecordingClient honest = server.connect()) {
            Wire.subscribe(honest, "honest");
            while (sockets < SOCKETS && System.nanoTime() < deadline) {
                try (RawWebSocket ws = RawWebSocket.connect(server.port(), "/app/" + TestServer.APP.key() + "?protocol=7", 65_536)) {
                    ws.readTextContaining("pusher:connection_established");
                    int frames = 1 + random.nextInt(6);
                    for (int f = 0; f < frames; f++) {
                        ws.write(FuzzFrames.next(random));
                    }
                    if (random.nextInt(4) > 0) { // else hang up at once, mid-conversation
                        closedByServer += ws.readUntilClosedOrQuiet(150) > 0 ? 1 : 0;
                    }
                } catch (UncheckedIOException | IOException e) {
                    // the server may reset a socket it closed while frames were still arriving
                }
                sockets++;
                if (sockets % HONEST_CHECK_EVERY == 0) {
                    assertHealthy(http, server);
                    Wire.trigger(server, "honest", "tick", "{\"n\":" + sockets + "}");
                    assertThat(honest.awaitEvent("tick").json().path("n").asInt()).isEqualTo(sockets);
                }
            }
            System.out.printf("FrameFuzzTest: %d sockets, %d closed by the server with a close frame%n",
                    sockets, closedByServer);
            assertThat(sockets).as("sockets fuzzed within %s", TIME_BUDGET).isGreaterThanOrEqualTo(100);

            // Every fuzzing connection ends; those that never read are cut off after the close grace.
            Wire.awaitConnectionCount(server, 1, Duration.ofSeconds(15));
            ApiClient.Result channels = server.api().get("/apps/" + TestServer.APP.id() + "/channels", Map.of());
            assertThat(channels.body().path("channels").fieldNames()).toIterable().containsExactly("honest");
            Wire.assertOpen(honest);

            // Leaks are reported when a leaked buffer is collected and the detector next samples.
            System.gc();
            for (int i = 0; i < 20; i++) {
                Wire.trigger(server, "honest", "after", "{}");
                honest.awaitEvent("after");
            }
            assertHealthy(http, server);
        }
        assertThat(problems()).as("exceptions that escaped, leaks and errors in the log").isEmpty();
    }

    private static void assertHealthy(HttpClient http, TestServer server) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.httpUrl() + "/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    /**
     * Log events that mean something went wrong: any error, any warning from Netty (an exception at
     * the pipeline's tail, a leak), and a handler closing a socket after an exception other than
     * the socket's own I/O failure.
     */
    private List<String> problems() {
        List<String> found = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            boolean error = event.getLevel().isGreaterOrEqual(Level.ERROR);
            boolean nettyWarning = event.getLoggerName().startsWith("io.netty") && event.getLevel().isGreaterOrEqual(Level.WARN);
            boolean unexpected = event.getFormattedMessage().contains("after an error") && !isIoFailure(event.getThrowableProxy());
            if (error || nettyWarning || unexpected) {
                IThrowableProxy cause = event.getThrowableProxy();
                found.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                        + (cause == null ? "" : " / " + cause.getClassName() + ": " + cause.getMessage()));
            }
        }
        return found;
    }

    private static boolean isIoFailure(IThrowableProxy cause) {
        return cause instanceof ThrowableProxy proxy && proxy.getThrowable() instanceof IOException;
    }

    /** Generators of one frame's bytes each, well-formed or broken in one of many ways. */
    private static final class FuzzFrames {
        private static final String[] TOKENS = {"{", "}", "[", "]", ":", ",", "\"event\"", "\"data\"", "\"channel\"",
            "\"pusher:subscribe\"", "\"pusher:unsubscribe\"", "\"pusher:signin\"", "\"pusher:ping\"", "\"client-x\"",
            "\"auth\"", "\"channel_data\"", "\"user_data\"", "\"presence-room\"", "\"private-x\"", "\"news\"",
            "\"#server-to-user-1\"", "null", "true", "1e99999", "\"\\ud800\"", "\"app-key:00\"", "{}", "\"{}\""};

        private FuzzFrames() {
        }

        static byte[] next(Random r) {
            return switch (r.nextInt(14)) {
                case 0 -> RawWebSocket.frame(true, RawWebSocket.OPCODE_TEXT, utf8(validMessage(r)));
                case 1 -> RawWebSocket.frame(true, RawWebSocket.OPCODE_TEXT, utf8(tokenSoup(r)));
                case 2 -> RawWebSocket.frame(true, RawWebSocket.OPCODE_TEXT, randomBytes(r, r.nextInt(200)));
                case 3 -> RawWebSocket.frame(true, badOpcode(r), randomBytes(r, r.nextInt(50)));
                case 4 -> withReservedBits(r, RawWebSocket.frame(true, RawWebSocket.OPCODE_TEXT, utf8(validMessage(r))));
                case 5 -> unmasked(utf8(validMessage(r)));
                case 6 -> lyingLength(r);
                case 7 -> truncated(r, RawWebSocket.frame(true, RawWebSocket.OPCODE_TEXT, utf8(validMessage(r))));
                case 8 -> RawWebSocket.frame(r.nextBoolean(), 0x9, randomBytes(r, r.nextBoolean() ? 10 : 126 + r.nextInt(100)));
                case 9 -> RawWebSocket.frame(r.nextBoolean(), RawWebSocket.OPCODE_CONTINUATION, utf8(tokenSoup(r)));
                case 10 -> concat(RawWebSocket.frame(false, RawWebSocket.OPCODE_TEXT, utf8("{\"event\":")),
                        RawWebSocket.frame(r.nextBoolean(), RawWebSocket.OPCODE_TEXT, utf8(tokenSoup(r))));
                case 11 -> RawWebSocket.frame(true, RawWebSocket.OPCODE_CLOSE, randomBytes(r, r.nextInt(4)));
                case 12 -> bitFlipped(r, RawWebSocket.frame(true, RawWebSocket.OPCODE_TEXT, utf8(validMessage(r))));
                default -> randomBytes(r, 1 + r.nextInt(64));
            };
        }

        private static String validMessage(Random r) {
            String channel = switch (r.nextInt(4)) {
                case 0 -> "news";
                case 1 -> "fuzz-" + r.nextInt(1000);
                case 2 -> "private-fuzz";
                default -> "presence-room";
            };
            return switch (r.nextInt(5)) {
                case 0 -> "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}";
                case 1 -> "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"" + channel + "\"}}";
                case 2 -> "{\"event\":\"client-x\",\"channel\":\"" + channel + "\",\"data\":{}}";
                case 3 -> "{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"app-key:00\",\"user_data\":\"{\\\"id\\\":\\\"1\\\"}\"}}";
                default -> "{\"event\":\"pusher:ping\",\"data\":{}}";
            };
        }

        private static String tokenSoup(Random r) {
            StringBuilder text = new StringBuilder();
            int n = r.nextInt(30);
            for (int i = 0; i < n; i++) {
                text.append(TOKENS[r.nextInt(TOKENS.length)]);
            }
            return text.toString();
        }

        private static int badOpcode(Random r) {
            int[] reserved = {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF};
            return reserved[r.nextInt(reserved.length)];
        }

        private static byte[] withReservedBits(Random r, byte[] frame) {
            frame[0] |= (byte) ((1 + r.nextInt(7)) << 4);
            return frame;
        }

        /** A client frame without a mask, which RFC 6455 forbids. */
        private static byte[] unmasked(byte[] payload) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x80 | RawWebSocket.OPCODE_TEXT);
            frame.write(Math.min(payload.length, 125));
            frame.write(payload, 0, Math.min(payload.length, 125));
            return frame.toByteArray();
        }

        /** A header announcing far more (up to 2^63-1 bytes) or a non-minimal length, with a few bytes after it. */
        private static byte[] lyingLength(Random r) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x80 | RawWebSocket.OPCODE_TEXT);
            if (r.nextBoolean()) {
                frame.write(0x80 | 127);
                long length = r.nextBoolean() ? Long.MAX_VALUE : r.nextInt(1 << 20);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) (length >>> shift) & 0xFF);
                }
            } else {
                frame.write(0x80 | 126);
                int length = r.nextInt(126); // non-minimal: fits in 7 bits
                frame.write(length >>> 8);
                frame.write(length & 0xFF);
            }
            frame.writeBytes(randomBytes(r, 4 + r.nextInt(40)));
            return frame.toByteArray();
        }

        private static byte[] truncated(Random r, byte[] frame) {
            byte[] cut = new byte[1 + r.nextInt(frame.length - 1)];
            System.arraycopy(frame, 0, cut, 0, cut.length);
            return cut;
        }

        private static byte[] bitFlipped(Random r, byte[] frame) {
            int flips = 1 + r.nextInt(3);
            for (int i = 0; i < flips; i++) {
                frame[r.nextInt(frame.length)] ^= (byte) (1 << r.nextInt(8));
            }
            return frame;
        }

        private static byte[] randomBytes(Random r, int n) {
            byte[] bytes = new byte[n];
            r.nextBytes(bytes);
            return bytes;
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] concat(byte[] a, byte[] b) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
            out.writeBytes(a);
            out.writeBytes(b);
            return out.toByteArray();
        }
    }
}
