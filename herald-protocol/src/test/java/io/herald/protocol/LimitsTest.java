package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LimitsTest {

    private static final RecordComponent[] COMPONENTS = Limits.class.getRecordComponents();

    @Test
    void defaultsArePushersLimits() {
        assertThat(Limits.DEFAULT).isEqualTo(new Limits(10 * 1024, 100, 10, 100, 1024, 128, 200, 200, 10, 100, 100_000));
        assertThat(Limits.DEFAULT.maxChannelNameLength()).isEqualTo(ChannelName.MAX_LENGTH);
    }

    @Test
    void acceptsOneForEveryLimit() {
        Limits ones = new Limits(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(ones.clientEventsPerSecond()).isEqualTo(1);
    }

    static Stream<Arguments> everyLimitWithZeroAndNegative() {
        return Arrays.stream(COMPONENTS)
                .flatMap(c -> Stream.of(Arguments.of(c.getName(), 0), Arguments.of(c.getName(), -1)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("everyLimitWithZeroAndNegative")
    void rejectsAZeroOrNegativeLimitNamingIt(String component, int value) {
        assertThatThrownBy(() -> defaultsWith(component, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(component + " must be positive, was " + value);
    }

    /** {@link Limits#DEFAULT} with one component replaced, through the canonical constructor. */
    private static Limits defaultsWith(String component, int value) throws Throwable {
        Object[] args = new Object[COMPONENTS.length];
        Class<?>[] types = new Class<?>[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            types[i] = COMPONENTS[i].getType();
            args[i] = COMPONENTS[i].getName().equals(component) ? value : COMPONENTS[i].getAccessor().invoke(Limits.DEFAULT);
        }
        Constructor<Limits> canonical = Limits.class.getDeclaredConstructor(types);
        try {
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
