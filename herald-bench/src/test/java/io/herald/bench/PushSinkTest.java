package io.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class PushSinkTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final byte[] BODY = new byte[200];

    @Test
    void countsWebPushRequestsPerDeviceAndRefusesWhatIsNotOne() throws Exception {
        try (PushSink sink = PushSink.start(3, 1, "127.0.0.1")) {
            assertThat(post(sink.endpoint(0), "aes128gcm", "vapid t=x, k=y")).isEqualTo(201);
            assertThat(post(sink.endpoint(2), "aes128gcm", "vapid t=x, k=y")).isEqualTo(201);
            assertThat(post(sink.endpoint(2), "aes128gcm", "vapid t=x, k=y")).isEqualTo(201);
            assertThat(post(sink.endpoint(1), "aesgcm", "vapid t=x, k=y")).as("old encoding").isEqualTo(400);
            assertThat(post(sink.endpoint(1), "aes128gcm", "Bearer x")).as("no VAPID").isEqualTo(400);
            assertThat(post(sink.endpoint(0).replace("/push/0", "/push/3"), "aes128gcm", "vapid t=x, k=y"))
                    .as("no such device").isEqualTo(400);

            assertThat(sink.accepted()).isEqualTo(3);
            assertThat(sink.refused()).isEqualTo(3);
            assertThat(sink.missing()).as("device 1").isEqualTo(1);
            assertThat(sink.duplicates()).as("device 2's second").isEqualTo(1);
            assertThat(sink.bytes()).isEqualTo(3L * BODY.length);
            assertThat(sink.lastNanos()).isGreaterThan(sink.firstNanos()).isPositive();
            assertThat(sink.errors()).hasSize(3).anyMatch(e -> e.contains("aes128gcm"));
        }
    }

    @Test
    void warmUpRequestsAreAnsweredButNotCounted() throws Exception {
        try (PushSink sink = PushSink.start(1, 1, "127.0.0.1")) {
            sink.warmUp(50, 4);

            assertThat(sink.accepted()).isZero();
            assertThat(sink.refused()).isZero();
            assertThat(sink.firstNanos()).isZero();
            assertThat(post(sink.endpoint(0), "aes128gcm", "vapid t=x, k=y")).as("still counts pushes").isEqualTo(201);
            assertThat(sink.accepted()).isEqualTo(1);
        }
    }

    private static int post(String endpoint, String encoding, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Encoding", encoding)
                .header("TTL", "60").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
