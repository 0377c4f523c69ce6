package io.herald.server.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a request whose answer counts by its status alone, as a webhook's does. The answer is done
 * with at its headers: its body is a stream closed unread, which closes the connection. Read to its
 * end to be discarded, a body that never ends (a byte now and then) would hold the sender as long as
 * the receiver liked, since a request's timeout stops at the headers.
 */
public final class StatusOnly {

    private StatusOnly() {
    }

    /** The answer's status, or the failure to get one (within the request's timeout). */
    public static CompletableFuture<Integer> send(HttpClient http, HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
            closeUnread(response.body());
            return response.statusCode();
        });
    }

    private static void closeUnread(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // the connection is gone either way
        }
    }
}
