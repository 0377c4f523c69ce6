package io.herald.tests.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.herald.server.app.App;
import io.herald.testkit.TestServer;

/** pusher-http-java's {@link Pusher} pointed at a test server, and reading its {@link Result}s. */
final class PusherHttp {

    /** A 32-byte encryption master key, base64 ("0123456789abcdef" twice). */
    static final String MASTER_KEY_BASE64 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PusherHttp() {
    }

    /** A client for {@code app} talking plain HTTP to {@code server}, configured as its README says. */
    static Pusher client(TestServer server, App app) {
        return pointAt(new Pusher(app.id(), app.key(), app.secret()), server);
    }

    /**
     * A client that can also authorize and trigger on {@code private-encrypted-} channels, with
     * {@link #MASTER_KEY_BASE64} as its encryption master key.
     */
    static Pusher encryptingClient(TestServer server, App app) {
        return pointAt(new Pusher(app.id(), app.key(), app.secret(), MASTER_KEY_BASE64), server);
    }

    private static Pusher pointAt(Pusher pusher, TestServer server) {
        pusher.setHost("127.0.0.1:" + server.port());
        pusher.setEncrypted(false);
        return pusher;
    }

    /** Asserts the library saw success and returns the response body as JSON. */
    static JsonNode successBody(Result result) {
        assertThat(result.getStatus())
                .as("status of a call answered %s: %s", result.getHttpStatus(), result.getMessage())
                .isEqualTo(Result.Status.SUCCESS);
        return json(result.getMessage());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
