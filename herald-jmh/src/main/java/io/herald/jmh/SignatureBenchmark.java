package io.herald.jmh;

import io.herald.protocol.ChannelAuth;
import io.herald.protocol.Crypto;
import io.herald.protocol.RequestSigning;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cryptography of every API request and every private/presence subscription: the steps the
 * server's RequestAuthenticator takes (body MD5, string to sign, HMAC-SHA256, constant-time
 * compare), and a channel auth check.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SignatureBenchmark {

    private static final String SECRET = "7ad3773142a6692b25b8";
    private static final String KEY = "278d425bdf160c739803";
    private static final String PATH = "/apps/3/events";

    private byte[] body;
    private Map<String, String> query;
    private String channelAuth;
    private final String socketId = "1234.5678";
    private final String channelData = "{\"user_id\":\"42\"}";

    @Setup
    public void setUp() {
        body = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}"
                .getBytes(StandardCharsets.UTF_8);
        query = new TreeMap<>(RequestSigning.signedQuery(KEY, SECRET, "POST", PATH, Map.of(), body, 1353088179L));
        channelAuth = ChannelAuth.authString(KEY,
                ChannelAuth.channelSignature(SECRET, socketId, "presence-room", channelData));
    }

    /** Everything the server computes to accept one signed POST. */
    @Benchmark
    public boolean verifyApiRequest() {
        boolean bodyOk = Crypto.constantTimeEquals(Crypto.md5Hex(body), query.get(RequestSigning.BODY_MD5));
        String expected = RequestSigning.signature(SECRET, "POST", PATH, query);
        return bodyOk && Crypto.constantTimeEquals(expected, query.get(RequestSigning.AUTH_SIGNATURE));
    }

    @Benchmark
    public String hmacSha256Hex() {
        return Crypto.hmacSha256Hex(SECRET, "POST\n/apps/3/events\nauth_key=278d425bdf160c739803");
    }

    @Benchmark
    public boolean verifyPresenceAuth() {
        return ChannelAuth.matches(KEY, ChannelAuth.channelSignature(SECRET, socketId, "presence-room", channelData),
                channelAuth);
    }
}
