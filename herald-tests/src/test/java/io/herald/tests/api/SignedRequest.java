package io.herald.tests.api;

import io.herald.protocol.RequestSigning;
import io.herald.server.app.App;
import io.herald.testkit.ApiClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API request signed the way the server libraries sign it, which a test can then change in one
 * place: {@code with…} methods tamper after signing (the signature no longer covers the change),
 * {@code resigned…} methods change an auth parameter and sign again, so only that parameter is wrong.
 * Immutable; every change returns a copy.
 */
final class SignedRequest {

    private final App app;
    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final String body;

    private SignedRequest(App app, String method, String path, Map<String, String> query, String body) {
        this.app = app;
        this.method = method;
        this.path = path;
        this.query = Map.copyOf(query);
        this.body = body;
    }

    /** A request signed now with {@code app}'s key and secret. */
    static SignedRequest of(App app, String method, String path, Map<String, String> query, String body) {
        return new SignedRequest(app, method, path, RequestSigning.signedQuery(app.key(), app.secret(), method, path,
                query, body, System.currentTimeMillis() / 1000), body);
    }

    static SignedRequest post(App app, String path, String body) {
        return of(app, "POST", path, Map.of(), body);
    }

    static SignedRequest get(App app, String path, Map<String, String> query) {
        return of(app, "GET", path, query, "");
    }

    String param(String name) {
        return query.get(name);
    }

    /** Sets ({@code value != null}) or removes a query parameter, keeping the old signature. */
    SignedRequest withParam(String name, String value) {
        Map<String, String> params = new LinkedHashMap<>(query);
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        return new SignedRequest(app, method, path, params, body);
    }

    /** Sets or removes a parameter and signs again, as a library with that setting would. */
    SignedRequest resignedWithParam(String name, String value) {
        return withParam(name, value).resigned();
    }

    SignedRequest withPath(String otherPath) {
        return new SignedRequest(app, method, otherPath, query, body);
    }

    SignedRequest withBody(String otherBody) {
        return new SignedRequest(app, method, path, query, otherBody);
    }

    ApiClient.Result send(ApiClient client) {
        return client.sendRaw(method, path + "?" + ApiClient.encode(query), body);
    }

    private SignedRequest resigned() {
        Map<String, String> params = new LinkedHashMap<>(query);
        params.remove(RequestSigning.AUTH_SIGNATURE);
        params.put(RequestSigning.AUTH_SIGNATURE, RequestSigning.signature(app.secret(), method, path, params));
        return new SignedRequest(app, method, path, params, body);
    }
}
