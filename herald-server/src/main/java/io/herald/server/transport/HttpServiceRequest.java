package io.herald.server.transport;

import java.util.List;
import java.util.Map;

/**
 * A whole HTTP request as an {@link HttpService} sees it: no Netty types, the body already copied.
 *
 * @param method the HTTP method, upper case
 * @param path the raw (still percent-encoded) path
 * @param query decoded query parameters
 * @param headers header values keyed by lower-case name (the first value of a repeated header)
 * @param body the request body, empty when there is none
 * @param remoteAddress the peer's address ({@code 127.0.0.1:53412}), for audit logs
 */
public record HttpServiceRequest(String method, String path, Map<String, List<String>> query,
                                 Map<String, String> headers, byte[] body, String remoteAddress) {

    /** The header's value, or {@code null}; {@code name} in any case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The first value of a query parameter, or {@code null}. */
    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
