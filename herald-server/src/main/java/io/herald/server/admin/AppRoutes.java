package io.herald.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.Durations;
import io.herald.server.app.App;
import io.herald.server.app.AppCatalog;
import io.herald.server.app.AppSourceException;
import io.herald.server.config.AppDefinitions;
import io.herald.server.config.ConfigException;
import io.herald.server.transport.HttpServiceRequest;
import io.herald.server.transport.HttpServiceResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's app endpoints. Bodies and answers use the configuration's fields in snake_case
 * ({@code max_connections}, {@code limits.max_channels}); a definition is checked like the file's, and
 * a refusal names the field. Secrets appear only in the answers to create and rotate-secret. Changes
 * run on the catalog's thread and are written to the audit log (who, which app, which fields).
 */
public final class AppRoutes {

    /** Every change, one INFO line: who, which app, which fields; never a secret. */
    private static final Logger audit = LoggerFactory.getLogger("io.herald.audit.apps");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Ids and keys go into URL paths ({@code /apps/{id}}, {@code /app/{key}}): plain characters only. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final String APP = "/admin/v1/apps/([^/]+)";

    private AppRoutes() {
    }

    public static List<AdminRoute> of(AppCatalog apps) {
        return List.of(
                AdminRoute.of("GET", "/admin/v1/apps", (request, path) -> {
                    ObjectNode body = JsonNodeFactory.instance.objectNode();
                    ArrayNode list = body.putArray("apps");
                    apps.all().forEach(app -> list.add(summary(app)));
                    return done(HttpServiceResponse.json(200, body));
                }),
                AdminRoute.of("POST", "/admin/v1/apps", (request, path) -> answer(() -> {
                    ObjectNode definition = body(request);
                    App app = readNew(definition);
                    return apps.create(app).thenApply(created -> {
                        audit.info("{} created app {} (fields: {})", request.remoteAddress(), created.id(), fields(definition));
                        return HttpServiceResponse.json(201, summary(created).put("secret", created.secret()));
                    });
                })),
                AdminRoute.of("GET", APP, (request, path) -> done(apps.findById(path.group(1))
                        .map(app -> HttpServiceResponse.json(200, summary(app)))
                        .orElse(HttpServiceResponse.error(404, "No app with id " + path.group(1))))),
                AdminRoute.of("PATCH", APP, (request, path) -> answer(() -> {
                    String id = path.group(1);
                    ObjectNode patch = body(request);
                    checkPatch(id, patch);
                    return apps.update(id, current -> patched(current, patch)).thenApply(updated -> {
                        audit.info("{} updated app {} (fields: {})", request.remoteAddress(), id, fields(patch));
                        return HttpServiceResponse.json(200, summary(updated));
                    });
                })),
                AdminRoute.of("DELETE", APP, (request, path) -> answer(() ->
                        apps.delete(path.group(1)).thenApply(deleted -> {
                            audit.info("{} deleted app {}", request.remoteAddress(), deleted.id());
                            return HttpServiceResponse.json(200, JsonNodeFactory.instance.objectNode()
                                    .put("id", deleted.id()).put("deleted", true));
                        }))),
                AdminRoute.of("POST", APP + "/rotate-secret", (request, path) -> answer(() -> {
                    String id = path.group(1);
                    ObjectNode options = request.body().length == 0 ? JsonNodeFactory.instance.objectNode() : body(request);
                    Duration grace = grace(options.get("grace"));
                    return apps.rotateSecret(id, randomHex(16), grace).thenApply(rotated -> {
                        audit.info("{} rotated the secret of app {} (previous valid until {})", request.remoteAddress(),
                                id, rotated.previousSecretExpires());
                        return HttpServiceResponse.json(200, summary(rotated).put("secret", rotated.secret()));
                    });
                })));
    }

    /** An app as the admin API shows it: every setting but the secrets, and until when a previous secret works. */
    static ObjectNode summary(App app) {
        ObjectNode node = snakeCase(AppDefinitions.write(app, false));
        if (app.previousSecretExpires() != null && app.previousSecretExpires().isAfter(Instant.now())) {
            node.put("previous_secret_expires", app.previousSecretExpires().toString());
        }
        return node;
    }

    private static App readNew(ObjectNode definition) {
        ObjectNode kebab = kebabCase(definition);
        if (!kebab.hasNonNull("id")) {
            kebab.put("id", String.valueOf(1_000_000 + RANDOM.nextInt(9_000_000)));
        }
        if (!kebab.hasNonNull("key")) {
            kebab.put("key", randomHex(10));
        }
        if (!kebab.hasNonNull("secret")) {
            kebab.put("secret", randomHex(16));
        }
        for (String field : List.of("id", "key")) {
            if (kebab.get(field).isValueNode() && !NAME.matcher(kebab.get(field).asText()).matches()) {
                throw ConfigException.field(field, "must be 1-64 letters, digits, '_', '-' or '.', was \""
                        + kebab.get(field).asText() + "\"");
            }
        }
        return AppDefinitions.read(kebab, "");
    }

    private static void checkPatch(String id, ObjectNode patch) {
        if (patch.has("secret")) {
            throw ConfigException.field("secret", "is changed with POST /admin/v1/apps/" + id + "/rotate-secret");
        }
        if (patch.has("id") && !patch.get("id").asText().equals(id)) {
            throw ConfigException.field("id", "can't be changed (create a new app instead)");
        }
        if (patch.hasNonNull("key") && !NAME.matcher(patch.get("key").asText()).matches()) {
            throw ConfigException.field("key", "must be 1-64 letters, digits, '_', '-' or '.', was \""
                    + patch.get("key").asText() + "\"");
        }
    }

    /** The current app with the patch's fields over it ({@code limits} field by field); the previous secret stays. */
    private static App patched(App current, ObjectNode patch) {
        ObjectNode merged = AppDefinitions.write(current, true);
        ObjectNode changes = kebabCase(patch);
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isObject() && merged.get(field.getKey()) instanceof ObjectNode into) {
                into.setAll((ObjectNode) field.getValue());
            } else {
                merged.set(field.getKey(), field.getValue());
            }
        }
        return AppDefinitions.read(merged, "").toBuilder()
                .previousSecret(current.previousSecret(), current.previousSecretExpires()).build();
    }

    private static Duration grace(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            Duration grace = Durations.parse(node.asText());
            if (grace.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
            return grace;
        } catch (RuntimeException e) {
            throw ConfigException.field("grace", "must be " + Durations.GRAMMAR + ", was \"" + node.asText() + "\"");
        }
    }

    private static ObjectNode body(HttpServiceRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw new BadRequest("The body must be a JSON object: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("The body must be a JSON object");
        }
        if (body == null || !body.isObject()) {
            throw new BadRequest("The body must be a JSON object");
        }
        return (ObjectNode) body;
    }

    private static List<String> fields(ObjectNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static ObjectNode snakeCase(ObjectNode node) {
        return renamed(node, '-', '_');
    }

    private static ObjectNode kebabCase(ObjectNode node) {
        return renamed(node, '_', '-');
    }

    /** A copy with {@code from} in field names (not values) replaced by {@code to}, all the way down. */
    private static ObjectNode renamed(ObjectNode node, char from, char to) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(field -> copy.set(field.getKey().replace(from, to), renamed(field.getValue(), from, to)));
        return copy;
    }

    private static JsonNode renamed(JsonNode node, char from, char to) {
        if (node.isObject()) {
            return renamed((ObjectNode) node, from, to);
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(renamed(element, from, to)));
            return copy;
        }
        return node;
    }

    /** Runs a change and maps its refusals to answers: 400 unreadable, 422 a bad field, the source's status. */
    private static CompletableFuture<HttpServiceResponse> answer(Change change) {
        CompletableFuture<HttpServiceResponse> started;
        try {
            started = change.start();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        return started.exceptionally(AppRoutes::refusal);
    }

    private static HttpServiceResponse refusal(Throwable failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (e instanceof BadRequest) {
            return HttpServiceResponse.error(400, e.getMessage());
        }
        if (e instanceof ConfigException) {
            // Fields are named as the API names them (max_connections), not as the file does.
            String message = e.getMessage().startsWith(".") ? e.getMessage().substring(1) : e.getMessage();
            int colon = message.indexOf(": ");
            return HttpServiceResponse.error(422, colon < 0 ? message
                    : message.substring(0, colon).replace('-', '_') + message.substring(colon));
        }
        if (e instanceof AppSourceException refused) {
            return HttpServiceResponse.error(refused.status(), refused.getMessage());
        }
        throw e instanceof RuntimeException r ? r : new CompletionException(e);
    }

    private static CompletableFuture<HttpServiceResponse> done(HttpServiceResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    @FunctionalInterface
    private interface Change {
        CompletableFuture<HttpServiceResponse> start();
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
