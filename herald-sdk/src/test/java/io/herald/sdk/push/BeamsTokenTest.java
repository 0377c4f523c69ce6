package io.herald.sdk.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.sdk.HeraldValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Tokens decoded and verified with java-jwt, as a Beams server checks them. */
class BeamsTokenTest {

    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05.678Z");
    private static final HeraldPushOptions OPTIONS = HeraldPushOptions.builder()
            .instanceId("instance-id").secretKey("instance-secret").build();

    private final HeraldPush push = HeraldPush.create(OPTIONS, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void isAnHs256JwtWithSubjectIssuerAndA24HourExpiry() throws Exception {
        BeamsToken token = push.generateToken("user-42");

        DecodedJWT jwt = JWT.require(Algorithm.HMAC256("instance-secret"))
                .withIssuer("https://instance-id.pushnotifications.pusher.com")
                .withSubject("user-42")
                .build()
                .verify(token.token());

        assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
        assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(Instant.parse("2030-01-03T03:04:05Z"));
        assertThat(token.expiresAt()).isEqualTo(jwt.getExpiresAtAsInstant());
        assertThat(jwt.getIssuedAt()).as("no iat, like the Java and Go SDKs").isNull();
        String header = new String(Base64.getUrlDecoder().decode(jwt.getHeader()), StandardCharsets.UTF_8);
        assertThat(new ObjectMapper().readTree(header).path("typ").asText()).isEqualTo("JWT");
    }

    @Test
    void aTokenSignedForAnotherSecretDoesNotVerify() {
        String token = push.generateToken("user-42").token();

        assertThatThrownBy(() -> JWT.require(Algorithm.HMAC256("another-secret")).build().verify(token))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void expiresAfterTheConfiguredTtl() {
        HeraldPush shortLived = HeraldPush.create(OPTIONS.toBuilder().tokenTtl(Duration.ofSeconds(1)).build(),
                Clock.fixed(Instant.now().minusSeconds(60), ZoneOffset.UTC));
        String token = shortLived.generateToken("user-42").token();

        assertThatThrownBy(() -> JWT.require(Algorithm.HMAC256("instance-secret")).build().verify(token))
                .isInstanceOf(TokenExpiredException.class);
    }

    @Test
    void theUserIdIs1To164BytesOfUtf8() {
        assertThat(JWT.decode(push.generateToken("u".repeat(164)).token()).getSubject()).hasSize(164);
        assertThat(JWT.decode(push.generateToken("é".repeat(82)).token()).getSubject()).isEqualTo("é".repeat(82));

        assertThatThrownBy(() -> push.generateToken("u".repeat(165)))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("at most 164 bytes of UTF-8, was 165");
        assertThatThrownBy(() -> push.generateToken("é".repeat(83)))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("was 166");
        assertThatThrownBy(() -> push.generateToken(""))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> push.generateToken(null)).isInstanceOf(HeraldValidationException.class);
        assertThatThrownBy(() -> push.generateToken("bad\uD800"))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("lone surrogate");
    }

    @Test
    void toJsonIsWhatABeamsAuthEndpointReturnsAndToStringHidesTheToken() throws Exception {
        BeamsToken token = push.generateToken("user-42");

        assertThat(new ObjectMapper().readTree(token.toJson()).path("token").asText()).isEqualTo(token.token());
        assertThat(token.toString()).contains("user-42").doesNotContain(token.token());
    }
}
