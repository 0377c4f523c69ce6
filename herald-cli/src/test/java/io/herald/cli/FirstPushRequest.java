package io.herald.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The Beams web SDK's first request (the default instance's VAPID key): a node makes its push store for it. */
final class FirstPushRequest {

    private FirstPushRequest() {
    }

    /** Sends it to the server on {@code port}; returns the HTTP status. */
    static int send(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/device_api/v1/instances/instance-id/web-vapid-public-key")).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
