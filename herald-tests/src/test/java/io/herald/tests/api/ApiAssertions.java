package io.herald.tests.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.testkit.ApiClient;

/** Assertions on HTTP API answers shared by the API tests. */
final class ApiAssertions {

    private ApiAssertions() {
    }

    /** Asserts a 200 and returns the body. */
    static JsonNode assertOk(ApiClient.Result result) {
        assertThat(result.status()).as("status; body %s", result.body()).isEqualTo(200);
        return result.body();
    }

    /**
     * Asserts a refusal with {@code status} and a {@code {"error": message}} body whose message
     * contains {@code problem} (what the caller got wrong); returns the message.
     */
    static String assertRefused(ApiClient.Result result, int status, String problem) {
        assertThat(result.status()).as("status; body %s", result.body()).isEqualTo(status);
        JsonNode error = result.body().get("error");
        assertThat(error).as("{\"error\": …} in %s", result.body()).isNotNull();
        assertThat(error.isTextual()).as("error is a string in %s", result.body()).isTrue();
        assertThat(error.asText()).containsIgnoringCase(problem);
        return error.asText();
    }
}
