package io.herald.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.api.ApiException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** {@link JsonResponse#failure}: how a failed API request is answered. */
class JsonResponseTest {

    @Test
    void anApiRefusalIsItsStatusWithItsMessageAsTheError() {
        assertAnswer(JsonResponse.failure(ApiException.tooLarge("data is larger than 10240 bytes")),
                413, "{\"error\":\"data is larger than 10240 bytes\"}");
    }

    @Test
    void aRefusalThatFailedAnAsyncStageIsUnwrapped() {
        assertAnswer(JsonResponse.failure(new CompletionException(ApiException.notFound("App 9 does not exist"))),
                404, "{\"error\":\"App 9 does not exist\"}");
    }

    @Test
    void anythingElseIsA500ThatKeepsItsMessageInTheLog() {
        assertAnswer(JsonResponse.failure(new IllegalStateException("a bug's details")),
                500, "{\"error\":\"internal error\"}");
    }

    private static void assertAnswer(FullHttpResponse response, int status, String body) {
        try {
            assertThat(response.status().code()).isEqualTo(status);
            assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(response.content().toString(StandardCharsets.UTF_8)).isEqualTo(body);
        } finally {
            response.release();
        }
    }
}
