package io.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The typed entries of the settings table: the default they state in --help is the one they apply. */
class SettingTest {

    @Test
    void aDurationStatesItsDefaultInTheDurationGrammarAndAppliesIt() {
        Setting ttl = Setting.duration("cache-ttl", Duration.ofMinutes(45), "how long", ServerOptions.Builder::cacheTtl);

        assertThat(ttl.description()).isEqualTo("how long (default 45m)");
        assertThat(bind(ttl, JsonNodeFactory.instance.objectNode()).cacheTtl()).isEqualTo(Duration.ofMinutes(45));
        assertThat(bind(ttl, JsonNodeFactory.instance.objectNode().put("cache-ttl", "2h")).cacheTtl())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void wholeSecondsStateTheirDefaultAsABareNumber() {
        assertThat(Setting.seconds("pong-timeout", Duration.ofMinutes(2), "answer within", ServerOptions.Builder::pongTimeout)
                .description()).isEqualTo("answer within (default 120)");
    }

    @Test
    void aChoiceRefusesOtherValuesNamingTheField() {
        Setting format = Setting.oneOf("log-format", List.of("human", "json"), "human", "lines", ServerOptions.Builder::logFormat);

        assertThat(format.description()).isEqualTo("lines (default human)");
        assertThatThrownBy(() -> bind(format, JsonNodeFactory.instance.objectNode().put("log-format", "xml")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("log-format: must be one of [human, json], was \"xml\"");
    }

    private static ServerOptions bind(Setting setting, ObjectNode tree) {
        ServerOptions.Builder builder = ServerOptions.builder();
        setting.binding().apply(new ConfigFields(tree, "", Set.of(setting.field())), builder);
        return builder.build();
    }
}
