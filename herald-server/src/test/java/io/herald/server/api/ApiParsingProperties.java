package io.herald.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.protocol.Limits;
import io.herald.protocol.RequestSigning;
import io.herald.protocol.SocketId;
import io.herald.server.app.App;
import io.herald.server.app.StaticAppStore;
import io.herald.server.channel.ChannelRegistries;
import io.herald.server.cluster.LocalAdapter;
import io.herald.server.user.UserRegistry;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The HTTP API's request parsing and validation on generated input (jqwik): trigger and batch
 * bodies, {@code info}, the channel queries and the signature check. Whatever arrives is accepted
 * within the app's limits or refused with a 4xx and a message; nothing ends in a 500.
 */
class ApiParsingProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Small limits, so generated input lands on both sides of each. */
    private static final Limits SMALL = new Limits(64, 3, 2, 5, 64, 16, 20, 20, 10, 100, 1000);
    private static final App APP = App.builder("app-1", "key-1", "secret-1").limits(SMALL).build();
    private static final Set<String> INFO_NAMES = Set.of("user_count", "subscription_count", "cache");
    private static final Set<Integer> REFUSALS = Set.of(400, 401, 404, 405, 413);

    private final ApiService api = new ApiService(new StaticAppStore(List.of(APP)),
            new LocalAdapter(new ChannelRegistries(), new UserRegistry(), Duration.ofMinutes(30)), Clock.systemUTC());

    @Property(tries = 2000)
    void aTriggerIsAcceptedOnlyWithinTheLimitsElseRefusedWith400Or413(@ForAll("triggerBodies") JsonNode body) {
        TriggerEvent event;
        try {
            event = TriggerEvent.parseTrigger(body, SMALL);
        } catch (ApiException refused) {
            assertThat(refused.status()).isIn(400, 413);
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertWithinLimits(event);
    }

    @Property(tries = 1000)
    void anyJsonAsATriggerOrBatchItemIsParsedOrRefusedWithA4xx(@ForAll("anyJson") JsonNode body) {
        for (Runnable parse : List.<Runnable>of(() -> TriggerEvent.parseTrigger(body, SMALL),
                () -> TriggerEvent.parseBatchItem(body, 0, SMALL))) {
            try {
                parse.run();
            } catch (ApiException refused) {
                assertThat(refused.status()).isIn(400, 413);
            }
        }
    }

    @Property
    void infoAcceptsExactlyListsOfKnownAttributes(@ForAll("infoValues") String info) {
        boolean known = info.isBlank() || List.of(info.split(",")).stream().map(String::trim).allMatch(INFO_NAMES::contains);
        if (known) {
            InfoAttributes parsed = InfoAttributes.parse(info);
            for (InfoAttributes.Attribute a : InfoAttributes.Attribute.values()) {
                assertThat(parsed.has(a)).isEqualTo(List.of(info.split(",")).stream().map(String::trim)
                        .anyMatch(a.wireName::equals));
            }
        } else {
            assertThat(catchThrowableOfType(ApiException.class, () -> InfoAttributes.parse(info)).status()).isEqualTo(400);
        }
    }

    @Property(tries = 600)
    void signedRequestsToAnyEndpointAreAnsweredWithoutA500(@ForAll("requests") ApiRequest unsigned) throws Exception {
        ApiResponse response = api.handle(sign(unsigned, System.currentTimeMillis() / 1000)).get(5, TimeUnit.SECONDS);

        assertThat(response.status() == 200 || REFUSALS.contains(response.status()))
                .as("%s %s %s → %d %s", unsigned.method(), unsigned.path(), unsigned.query(), response.status(),
                        response.body()).isTrue();
        if (response.status() != 200) {
            assertThat(response.body().path("error").asText()).isNotBlank();
        }
    }

    @Property(tries = 600)
    void anyOneCharacterChangedInASignedRequestIsRefusedWith401(
            @ForAll("requests") ApiRequest unsigned, @ForAll @IntRange(min = 0, max = 3) int part,
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll("printable") char replacement) {
        long now = System.currentTimeMillis() / 1000;
        ApiRequest signed = sign(unsigned, now);
        RequestAuthenticator authenticator = new RequestAuthenticator(Clock.systemUTC());
        authenticator.verify(APP, signed);

        ApiRequest changed = changeOneChar(signed, part, position, replacement);
        Assume.that(changed != null);
        ApiException refused = catchThrowableOfType(ApiException.class, () -> authenticator.verify(APP, changed));
        assertThat(refused).as("changed request verified: %s", changed).isNotNull();
        assertThat(refused.status()).isEqualTo(401);
    }

    @Property(tries = 2000)
    void aTimestampIsAcceptedExactlyWithinTheWindow(@ForAll("clocks") long nowSeconds, @ForAll boolean nearNow,
                                                     @ForAll @IntRange(min = -700, max = 700) int offset,
                                                     @ForAll long anyTimestamp) {
        long timestamp = nearNow ? nowSeconds + offset : anyTimestamp;
        Clock clock = Clock.fixed(Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC);
        ApiRequest request = sign(new ApiRequest("GET", "/apps/app-1/channels", Map.of(), new byte[0]), timestamp);
        boolean within = BigInteger.valueOf(timestamp).subtract(BigInteger.valueOf(nowSeconds)).abs()
                .compareTo(BigInteger.valueOf(RequestAuthenticator.TIMESTAMP_WINDOW_SECONDS)) <= 0;

        if (within) {
            new RequestAuthenticator(clock).verify(APP, request);
        } else {
            assertThatThrownBy(() -> new RequestAuthenticator(clock).verify(APP, request))
                    .as("timestamp %d at %d", timestamp, nowSeconds)
                    .isInstanceOf(ApiException.class).hasMessageContaining("auth_timestamp");
        }
    }

    /** Found by the property above: now - 2^63 overflowed to Long.MIN_VALUE, whose absolute value is negative. */
    @Example
    void aTimestampThatOverflowsTheDifferenceIsRefused() {
        Clock epoch = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        ApiRequest request = sign(new ApiRequest("GET", "/apps/app-1/channels", Map.of(), new byte[0]), Long.MIN_VALUE);
        assertThatThrownBy(() -> new RequestAuthenticator(epoch).verify(APP, request))
                .isInstanceOf(ApiException.class).hasMessageContaining("auth_timestamp");
    }

    private static void assertWithinLimits(TriggerEvent event) {
        assertThat(event.name()).isNotEmpty().hasSizeLessThanOrEqualTo(SMALL.maxEventNameLength())
                .doesNotStartWith("pusher:").doesNotStartWith("pusher_internal:");
        assertThat(event.data().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SMALL.maxEventPayloadBytes());
        assertThat(event.channels()).isNotEmpty().hasSizeLessThanOrEqualTo(SMALL.maxChannelsPerTrigger())
                .allSatisfy(c -> assertThat(ChannelName.problem(c, SMALL.maxChannelNameLength())).isNull());
        if (event.channels().size() > 1) {
            assertThat(event.channels()).noneMatch(c -> ChannelName.typeOf(c) == ChannelType.PRIVATE_ENCRYPTED);
        }
        assertThat(event.socketId() == null || SocketId.isValid(event.socketId())).isTrue();
    }

    /** Adds auth_key, auth_timestamp, auth_version, body_md5 and auth_signature, as Pusher's libraries do. */
    private static ApiRequest sign(ApiRequest request, long timestamp) {
        Map<String, String> query = RequestSigning.signedQuery(APP.key(), APP.secret(), request.method(), request.path(),
                request.query(), request.body(), timestamp);
        return new ApiRequest(request.method(), request.path(), query, request.body());
    }

    /** The request with one character of its path (0), body (1), a query value (2) or a query key (3) replaced. */
    private static ApiRequest changeOneChar(ApiRequest r, int part, int position, char replacement) {
        switch (part) {
            case 0:
                String path = replace(r.path(), position, replacement);
                return path.equals(r.path()) ? null : new ApiRequest(r.method(), path, r.query(), r.body());
            case 1:
                if (r.body().length == 0) {
                    return null;
                }
                byte[] body = r.body().clone();
                body[position % body.length] ^= (byte) (1 + replacement % 255);
                return new ApiRequest(r.method(), r.path(), r.query(), body);
            default:
                List<String> keys = new ArrayList<>(r.query().keySet());
                String key = keys.get(position % keys.size());
                Map<String, String> query = new LinkedHashMap<>(r.query());
                String value = query.remove(key);
                if (part == 2) {
                    query.put(key, replace(value, position / keys.size(), replacement));
                } else {
                    String newKey = replace(key, position / keys.size(), replacement);
                    // A key differing only in case is the same parameter to the signature, by design.
                    if (newKey.equalsIgnoreCase(key) || query.containsKey(newKey)) {
                        return null;
                    }
                    query.put(newKey, value);
                }
                ApiRequest changed = new ApiRequest(r.method(), r.path(), query, r.body());
                return changed.query().equals(r.query()) ? null : changed;
        }
    }

    private static String replace(String s, int position, char replacement) {
        if (s.isEmpty()) {
            return String.valueOf(replacement);
        }
        int at = position % s.length();
        return s.substring(0, at) + replacement + s.substring(at + 1);
    }

    // ---- generators ----

    @Provide
    Arbitrary<Character> printable() {
        return Arbitraries.chars().range(' ', '~');
    }

    @Provide
    Arbitrary<Long> clocks() {
        return Arbitraries.oneOf(Arbitraries.of(0L, 1_700_000_000L), Arbitraries.longs().between(0, 4_000_000_000L));
    }

    @Provide
    Arbitrary<String> channelNames() {
        Arbitrary<String> prefix = Arbitraries.of("", "private-", "presence-", "private-encrypted-", "cache-", "#server-to-user-");
        Arbitrary<String> body = Arbitraries.oneOf(
                Arbitraries.strings().withChars("-_=@,.;").alpha().numeric().ofMaxLength(24),
                Arbitraries.strings().ofMaxLength(8));
        return Combinators.combine(prefix, body).as(String::concat);
    }

    @Provide
    Arbitrary<String> infoValues() {
        Arbitrary<String> names = Arbitraries.of("user_count", "subscription_count", "cache", " cache ", "", "users", "USER_COUNT");
        return Arbitraries.oneOf(names.list().ofMaxSize(4).map(l -> String.join(",", l)), Arbitraries.strings().ofMaxLength(20));
    }

    /** Anything JSON: nested objects and arrays of every kind of value, with the fields a trigger reads. */
    @Provide
    Arbitrary<JsonNode> anyJson() {
        return json(2);
    }

    private Arbitrary<JsonNode> json(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false)));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> json(depth - 1));
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.of("name", "data", "channel", "channels", "socket_id", "info", "batch"),
                Arbitraries.strings().ofMaxLength(6));
        Arbitrary<JsonNode> objects = Arbitraries.maps(keys, child).ofMaxSize(4).map(fields -> {
            ObjectNode o = NODES.objectNode();
            fields.forEach(o::set);
            return o;
        });
        Arbitrary<JsonNode> arrays = child.list().ofMaxSize(3).map(items -> {
            ArrayNode a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaves), net.jqwik.api.Tuple.of(4, objects), net.jqwik.api.Tuple.of(2, arrays));
    }

    /** Trigger bodies near the limits: each field valid, invalid, missing or of the wrong type. */
    @Provide
    Arbitrary<JsonNode> triggerBodies() {
        Arbitrary<JsonNode> name = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(25).map(NODES::textNode),
                Arbitraries.of("pusher:x", "pusher_internal:y", "client-z").map(NODES::textNode),
                Arbitraries.just(NODES.numberNode(1)));
        Arbitrary<JsonNode> data = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(70).map(NODES::textNode),
                Arbitraries.strings().withChars("é€😀").ofMaxLength(25).map(NODES::textNode),
                Arbitraries.just(NODES.objectNode()));
        Arbitrary<JsonNode> channels = channelNames().list().ofMaxSize(5).map(list -> {
            ArrayNode a = NODES.arrayNode();
            list.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> socketId = Arbitraries.oneOf(
                Arbitraries.of("1.2", "123.456", "1.", ".1", "x.y", "1.2.3", "").map(NODES::textNode),
                Arbitraries.just(NODES.numberNode(1.5)));
        Arbitrary<JsonNode> info = infoValues().map(NODES::textNode);
        Arbitrary<JsonNode> maybeAbsent = Arbitraries.just(null);
        return Combinators.combine(
                Arbitraries.oneOf(name, maybeAbsent), Arbitraries.oneOf(data, maybeAbsent),
                Arbitraries.oneOf(channels, maybeAbsent), Arbitraries.oneOf(channelNames().map(NODES::textNode), maybeAbsent),
                Arbitraries.oneOf(socketId, maybeAbsent), Arbitraries.oneOf(info, maybeAbsent)).as((n, d, cs, c, s, i) -> {
                    ObjectNode o = NODES.objectNode();
                    putIfPresent(o, "name", n);
                    putIfPresent(o, "data", d);
                    putIfPresent(o, "channels", cs);
                    putIfPresent(o, "channel", c);
                    putIfPresent(o, "socket_id", s);
                    putIfPresent(o, "info", i);
                    return (JsonNode) o;
                });
    }

    private static void putIfPresent(ObjectNode o, String field, JsonNode value) {
        if (value != null) {
            o.set(field, value);
        }
    }

    /** Requests to every API path with generated query parameters and bodies, before signing. */
    @Provide
    Arbitrary<ApiRequest> requests() {
        Arbitrary<String> paths = Arbitraries.oneOf(
                Arbitraries.of("/events", "/batch_events", "/channels", "", "/nope"),
                channelNames().map(c -> "/channels/" + c),
                channelNames().map(c -> "/channels/" + c + "/users"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10).map(u -> "/users/" + u + "/terminate_connections"));
        Arbitrary<Map<String, String>> query = Arbitraries.maps(
                Arbitraries.oneOf(Arbitraries.of("filter_by_prefix", "info"), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)
                        .map(s -> s.toLowerCase(java.util.Locale.ROOT)).filter(s -> !s.startsWith("auth_") && !s.equals("body_md5"))),
                Arbitraries.oneOf(infoValues(), channelNames(), Arbitraries.strings().ofMaxLength(12)))
                .ofMaxSize(3);
        Arbitrary<byte[]> bodies = Arbitraries.oneOf(
                Arbitraries.just(new byte[0]),
                triggerBodies().map(ApiParsingProperties::bytes),
                triggerBodies().list().ofMaxSize(4).map(items -> {
                    ObjectNode batch = NODES.objectNode();
                    batch.putArray("batch").addAll(items);
                    return bytes(batch);
                }),
                anyJson().map(ApiParsingProperties::bytes),
                Arbitraries.strings().ofMaxLength(40).map(s -> s.getBytes(StandardCharsets.UTF_8)));
        return Combinators.combine(Arbitraries.of("GET", "POST", "PUT"), paths, query, bodies)
                .as((method, path, q, body) -> new ApiRequest(method, "/apps/" + APP.id() + path, q, body));
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
