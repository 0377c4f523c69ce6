package io.herald.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.protocol.Limits;
import io.herald.protocol.PropertyGenerators;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The HTTP API's request parsing and validation on generated input (QuickTheories): trigger and batch
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

    @Test
    void aTriggerIsAcceptedOnlyWithinTheLimitsElseRefusedWith400Or413() {
        qt().withExamples(3000).forAll(triggerBodies()).checkAssert(body -> {
            TriggerEvent event;
            try {
                event = TriggerEvent.parseTrigger(body, SMALL);
            } catch (ApiException refused) {
                assertThat(refused.status()).isIn(400, 413);
                assertThat(refused.getMessage()).isNotBlank();
                return;
            }
            assertWithinLimits(event);
        });
    }

    @Test
    void anyJsonAsATriggerOrBatchItemIsParsedOrRefusedWithA4xx() {
        qt().withExamples(1500).forAll(anyJson()).checkAssert(body -> {
            for (Runnable parse : List.<Runnable>of(() -> TriggerEvent.parseTrigger(body, SMALL),
                    () -> TriggerEvent.parseBatchItem(body, 0, SMALL))) {
                try {
                    parse.run();
                } catch (ApiException refused) {
                    assertThat(refused.status()).isIn(400, 413);
                }
            }
        });
    }

    @Test
    void infoAcceptsExactlyListsOfKnownAttributes() {
        qt().withExamples(1500).forAll(infoValues()).checkAssert(info -> {
            boolean known = info.isBlank()
                    || List.of(info.split(",")).stream().map(String::trim).allMatch(INFO_NAMES::contains);
            if (known) {
                InfoAttributes parsed = InfoAttributes.parse(info);
                for (InfoAttributes.Attribute a : InfoAttributes.Attribute.values()) {
                    assertThat(parsed.has(a)).isEqualTo(List.of(info.split(",")).stream().map(String::trim)
                            .anyMatch(a.wireName::equals));
                }
            } else {
                assertThat(catchThrowableOfType(ApiException.class, () -> InfoAttributes.parse(info)).status())
                        .isEqualTo(400);
            }
        });
    }

    @Test
    void signedRequestsToAnyEndpointAreAnsweredWithoutA500() {
        qt().withExamples(900).forAll(requests()).checkAssert(unsigned -> {
            int status;
            String answer;
            try {
                ApiResponse response = api.handle(sign(unsigned, System.currentTimeMillis() / 1000)).get(5, TimeUnit.SECONDS);
                status = response.status();
                answer = response.body().toString();
            } catch (ExecutionException e) {
                // A refusal is an ApiException, which the transport writes as {"error": message}.
                assertThat(e.getCause()).as("failure for %s", unsigned).isInstanceOf(ApiException.class);
                status = ((ApiException) e.getCause()).status();
                answer = e.getCause().getMessage();
                assertThat(answer).isNotBlank();
            } catch (Exception e) {
                throw new AssertionError("no answer to " + unsigned, e);
            }
            assertThat(status == 200 || REFUSALS.contains(status))
                    .as("%s %s %s → %d %s", unsigned.method(), unsigned.path(), unsigned.query(), status, answer)
                    .isTrue();
        });
    }

    @Test
    void anyOneCharacterChangedInASignedRequestIsRefusedWith401() {
        RequestAuthenticator authenticator = new RequestAuthenticator(Clock.systemUTC());
        qt().withExamples(900)
                .forAll(requests(), integers().between(0, 3), integers().between(0, 100_000), printable())
                .checkAssert((unsigned, part, position, replacement) -> {
                    ApiRequest signed = sign(unsigned, System.currentTimeMillis() / 1000);
                    authenticator.verify(APP, signed);

                    ApiRequest changed = changeOneChar(signed, part, position, replacement);
                    if (changed == null) {
                        return; // nothing of that part to change, or a change the signature rightly ignores
                    }
                    ApiException refused = catchThrowableOfType(ApiException.class,
                            () -> authenticator.verify(APP, changed));
                    assertThat(refused).as("changed request verified: %s", changed).isNotNull();
                    assertThat(refused.status()).isEqualTo(401);
                });
    }

    @Test
    void aTimestampIsAcceptedExactlyWithinTheWindow() {
        qt().withExamples(3000)
                .forAll(clocks(), booleans().all(), integers().between(-700, 700), longs().all())
                .checkAssert((nowSeconds, nearNow, offset, anyTimestamp) -> {
                    long timestamp = nearNow ? nowSeconds + offset : anyTimestamp;
                    Clock clock = Clock.fixed(Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC);
                    ApiRequest request = sign(new ApiRequest("GET", "/apps/app-1/channels", Map.of(), new byte[0]),
                            timestamp);
                    boolean within = BigInteger.valueOf(timestamp).subtract(BigInteger.valueOf(nowSeconds)).abs()
                            .compareTo(BigInteger.valueOf(RequestAuthenticator.TIMESTAMP_WINDOW_SECONDS)) <= 0;

                    if (within) {
                        new RequestAuthenticator(clock).verify(APP, request);
                    } else {
                        assertThatThrownBy(() -> new RequestAuthenticator(clock).verify(APP, request))
                                .as("timestamp %d at %d", timestamp, nowSeconds)
                                .isInstanceOf(ApiException.class).hasMessageContaining("auth_timestamp");
                    }
                });
    }

    /** Found by the property above: now - 2^63 overflowed to Long.MIN_VALUE, whose absolute value is negative. */
    @Test
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
                return sameOnTheWire(path, r.path()) ? null : new ApiRequest(r.method(), path, r.query(), r.body());
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
                    String newValue = replace(value, position / keys.size(), replacement);
                    if (sameOnTheWire(newValue, value)) {
                        return null;
                    }
                    query.put(key, newValue);
                } else {
                    String newKey = replace(key, position / keys.size(), replacement);
                    // A key differing only in case is the same parameter to the signature, by design.
                    if (newKey.equalsIgnoreCase(key) || sameOnTheWire(newKey, key) || query.containsKey(newKey)) {
                        return null;
                    }
                    query.put(newKey, value);
                }
                return new ApiRequest(r.method(), r.path(), query, r.body());
        }
    }

    /**
     * Whether two strings are the same bytes in a request. A generated string may hold a lone surrogate,
     * which UTF-8 encodes as '?': replacing it with '?' changes the Java string, not the request (a
     * request read off a socket never holds one).
     */
    private static boolean sameOnTheWire(String a, String b) {
        return Arrays.equals(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String replace(String s, int position, char replacement) {
        if (s.isEmpty()) {
            return String.valueOf(replacement);
        }
        int at = position % s.length();
        return s.substring(0, at) + replacement + s.substring(at + 1);
    }

    // ---- generators ----

    private static Gen<Character> printable() {
        return Generate.characters(' ', '~');
    }

    private static Gen<Long> clocks() {
        return Generate.oneOf(Generate.pick(List.of(0L, 1_700_000_000L)), longs().between(0, 4_000_000_000L));
    }

    private static Gen<String> channelNames() {
        Gen<String> prefix = Generate.pick(List.of("", "private-", "presence-", "private-encrypted-", "cache-",
                "#server-to-user-"));
        Gen<String> body = Generate.oneOf(
                PropertyGenerators.stringsOf("-_=@,.;" + PropertyGenerators.ALPHA + PropertyGenerators.NUMERIC, 0, 24),
                PropertyGenerators.anyString(0, 8));
        return prefix.zip(body, String::concat);
    }

    private static Gen<String> infoValues() {
        Gen<String> names = Generate.pick(List.of("user_count", "subscription_count", "cache", " cache ", "", "users",
                "USER_COUNT"));
        return Generate.oneOf(lists().of(names).ofSizeBetween(0, 4).map(l -> String.join(",", l)),
                PropertyGenerators.anyString(0, 20));
    }

    /** Anything JSON: nested objects and arrays of every kind of value, with the fields a trigger reads. */
    private static Gen<JsonNode> anyJson() {
        return json(2);
    }

    private static Gen<JsonNode> json(int depth) {
        Gen<JsonNode> leaves = Generate.oneOf(
                PropertyGenerators.anyString(0, 30).map(NODES::textNode),
                integers().all().map(NODES::numberNode),
                doubles().any().map(NODES::numberNode),
                Generate.pick(List.<JsonNode>of(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false))));
        if (depth == 0) {
            return leaves;
        }
        Gen<JsonNode> child = json(depth - 1);
        Gen<String> keys = Generate.oneOf(
                Generate.pick(List.of("name", "data", "channel", "channels", "socket_id", "info", "batch")),
                PropertyGenerators.anyString(0, 6));
        Gen<JsonNode> objects = PropertyGenerators.mapsOf(keys, child, 4).map(fields -> {
            ObjectNode o = NODES.objectNode();
            fields.forEach(o::set);
            return o;
        });
        Gen<JsonNode> arrays = lists().of(child).ofSizeBetween(0, 3).map(items -> {
            ArrayNode a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        return Generate.frequency(List.of(Pair.of(3, leaves), Pair.of(4, objects), Pair.of(2, arrays)));
    }

    /** Trigger bodies near the limits: each field valid, invalid, missing or of the wrong type. */
    private static Gen<JsonNode> triggerBodies() {
        Gen<JsonNode> name = Generate.oneOf(
                PropertyGenerators.stringsOf(PropertyGenerators.ALPHA, 0, 25).map(NODES::textNode),
                Generate.pick(List.of("pusher:x", "pusher_internal:y", "client-z")).map(NODES::textNode),
                Generate.constant(NODES.numberNode(1)));
        Gen<JsonNode> data = Generate.oneOf(
                PropertyGenerators.anyString(0, 70).map(NODES::textNode),
                PropertyGenerators.stringsOf("é€😀", 0, 25).map(NODES::textNode),
                Generate.constant(NODES.objectNode()));
        Gen<JsonNode> channels = lists().of(channelNames()).ofSizeBetween(0, 5).map(list -> {
            ArrayNode a = NODES.arrayNode();
            list.forEach(a::add);
            return a;
        });
        Gen<JsonNode> socketId = Generate.oneOf(
                Generate.pick(List.of("1.2", "123.456", "1.", ".1", "x.y", "1.2.3", "")).map(NODES::textNode),
                Generate.constant(NODES.numberNode(1.5)));
        Gen<JsonNode> info = infoValues().map(NODES::textNode);
        Gen<JsonNode> channel = channelNames().map(NODES::textNode);
        Map<String, Gen<Optional<JsonNode>>> fields = new LinkedHashMap<>();
        fields.put("name", name.toOptionals(50)); // each field absent half the time
        fields.put("data", data.toOptionals(50));
        fields.put("channels", channels.toOptionals(50));
        fields.put("channel", channel.toOptionals(50));
        fields.put("socket_id", socketId.toOptionals(50));
        fields.put("info", info.toOptionals(50));
        return in -> {
            ObjectNode o = NODES.objectNode();
            fields.forEach((field, value) -> value.generate(in).ifPresent(v -> o.set(field, v)));
            return o;
        };
    }

    /** Requests to every API path with generated query parameters and bodies, before signing. */
    private static Gen<ApiRequest> requests() {
        Gen<String> paths = Generate.oneOf(
                Generate.pick(List.of("/events", "/batch_events", "/channels", "", "/nope")),
                channelNames().map(c -> "/channels/" + c),
                channelNames().map(c -> "/channels/" + c + "/users"),
                PropertyGenerators.stringsOf(PropertyGenerators.ALPHA + PropertyGenerators.NUMERIC, 1, 10)
                        .map(u -> "/users/" + u + "/terminate_connections"));
        // Letters only, so no generated key is one the signing adds (auth_*, body_md5); no assumption
        // needed (rejected draws can make QuickTheories give up).
        Gen<String> queryKeys = Generate.oneOf(
                Generate.pick(List.of("filter_by_prefix", "info")),
                PropertyGenerators.stringsOf(PropertyGenerators.ALPHA, 1, 8).map(k -> k.toLowerCase(Locale.ROOT)));
        Gen<Map<String, String>> query = PropertyGenerators.mapsOf(queryKeys,
                Generate.oneOf(infoValues(), channelNames(), PropertyGenerators.anyString(0, 12)), 3);
        Gen<byte[]> bodies = Generate.oneOf(
                Generate.constant(new byte[0]),
                triggerBodies().map(ApiParsingProperties::bytes),
                lists().of(triggerBodies()).ofSizeBetween(0, 4).map(items -> {
                    ObjectNode batch = NODES.objectNode();
                    batch.putArray("batch").addAll(items);
                    return bytes(batch);
                }),
                anyJson().map(ApiParsingProperties::bytes),
                PropertyGenerators.anyString(0, 40).map(t -> t.getBytes(StandardCharsets.UTF_8)));
        Gen<String> methods = Generate.pick(List.of("GET", "POST", "PUT"));
        return methods.zip(paths, query, bodies,
                (method, path, q, body) -> new ApiRequest(method, "/apps/" + APP.id() + path, q, body));
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
