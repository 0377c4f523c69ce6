package io.herald.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.config.ServerOptions;
import org.junit.jupiter.api.Test;

class AdminAccessTest {

    private static final String TOKEN = "0123456789abcdef-admin";

    private final AdminAccess access = AdminAccess.of(ServerOptions.builder().adminToken(TOKEN).build());

    @Test
    void theBearerTokenIsLetInWhateverTheSchemesCase() {
        assertThat(access.enabled()).isTrue();
        assertThat(access.permits("Bearer " + TOKEN)).isTrue();
        assertThat(access.permits("bearer " + TOKEN)).isTrue();
        assertThat(access.permitsToken(TOKEN)).isTrue();
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(access.permits(null)).isFalse();
        assertThat(access.permits("")).isFalse();
        assertThat(access.permits(TOKEN)).as("no scheme").isFalse();
        assertThat(access.permits("Basic " + TOKEN)).isFalse();
        assertThat(access.permits("Bearer " + TOKEN + "x")).isFalse();
        assertThat(access.permits("Bearer " + TOKEN.substring(1))).isFalse();
        assertThat(access.permitsToken(null)).isFalse();
    }

    @Test
    void withoutATokenNobodyIsLetIn() {
        AdminAccess off = AdminAccess.of(ServerOptions.builder().build());

        assertThat(off.enabled()).isFalse();
        assertThat(off.permits("Bearer ")).isFalse();
        assertThat(off.permitsToken("")).isFalse();
    }
}
