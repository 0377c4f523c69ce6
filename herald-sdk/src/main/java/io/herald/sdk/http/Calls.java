package io.herald.sdk.http;

import io.herald.protocol.HeraldException;
import io.herald.sdk.HeraldValidationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * How the SDK's clients pair their blocking and async forms: an async call never throws (a failed
 * argument check fails its future), and a blocking call rethrows the SDK's own exception rather than
 * a {@link CompletionException}. Internal to the SDK.
 */
public final class Calls {

    private Calls() {
    }

    /**
     * Runs {@code call}, turning an argument check that throws into a failed future; a plain
     * {@link IllegalArgumentException} (from a value's own checks) becomes a
     * {@link HeraldValidationException}.
     */
    public static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (HeraldException e) {
            return CompletableFuture.failedFuture(e);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new HeraldValidationException(e.getMessage(), e));
        }
    }

    /** Waits for {@code future}, rethrowing the SDK's exception itself rather than a wrapper. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof HeraldException herald) {
                throw herald;
            }
            throw e;
        }
    }

    /** Escapes {@code segment} for one path segment ({@code %20} for a space, not {@code +}). */
    public static String pathSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
