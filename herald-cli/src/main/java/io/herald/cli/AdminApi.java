package io.herald.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Herald's admin API ({@code /admin/v1/…}) over the JDK's HTTP client, with the bearer token. A
 * refusal is a {@link CliException} with exit code 1, {@code HTTP 409: <the server's error>}.
 */
final class AdminApi {

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration timeout;

    AdminApi(URI base, String token, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    URI base() {
        return base;
    }

    /** Sends the request ({@code body} null for none) and returns the JSON answer of a 2xx status. */
    JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException("network error: cannot connect to " + base
                    + " (connection refused: is the server running there?)", ExitCodes.FAILED);
        } catch (IOException e) {
            throw new CliException("network error: " + e, ExitCodes.FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", ExitCodes.FAILED);
        }
        JsonNode answer = Json.lenient(response.body());
        if (response.statusCode() / 100 != 2) {
            String reason = answer.path("error").isTextual() ? answer.path("error").asText() : response.body();
            throw new CliException("HTTP " + response.statusCode() + ": " + reason, ExitCodes.FAILED);
        }
        return answer;
    }
}
