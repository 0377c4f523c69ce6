package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.client.internal.Frames;
import io.herald.protocol.ChannelAuth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalUserAuthenticatorTest {

    @Test
    void signsSocketIdUserAndTheUserDataExactlyAsGiven() {
        String userData = "{\"id\":\"42\",\"user_info\":{\"name\":\"Ada\"}}";
        UserAuthentication signed = new LocalUserAuthenticator("key", "secret", userData).authenticate("1.2").join();
        assertThat(signed.userData()).isEqualTo(userData);
        assertThat(signed.auth()).isEqualTo("key:" + ChannelAuth.userSignature("secret", "1.2", userData));
    }

    @Test
    void serialisesUserDataGivenAsAMap() {
        UserAuthentication signed = new LocalUserAuthenticator("key", "secret",
                Map.of("id", "42", "watchlist", List.of("7"))).authenticate("1.2").join();
        assertThat(Frames.json(signed.userData()).path("id").asText()).isEqualTo("42");
        assertThat(Frames.json(signed.userData()).path("watchlist").get(0).asText()).isEqualTo("7");
    }

    @Test
    void refusesUserDataWithoutAnId() {
        assertThatThrownBy(() -> new LocalUserAuthenticator("key", "secret", "{\"name\":\"Ada\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> new LocalUserAuthenticator("key", "secret", "not json"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
