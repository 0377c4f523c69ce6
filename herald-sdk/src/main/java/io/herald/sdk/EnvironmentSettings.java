package io.herald.sdk;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The environment variables an options builder reads, with one reading rule for every client: a
 * value is trimmed, and an empty or blank one counts as unset (so {@code PUSHER_URL=} in an env file
 * changes nothing). Parse errors name the variable. Shared by the SDK's option classes and the
 * {@code herald} command; not part of the SDK's API.
 */
public final class EnvironmentSettings {

    private final Map<String, String> env;

    /**
     * Reads from a copy of {@code env}.
     *
     * @param env the variables, e.g. {@link System#getenv()}
     * @throws NullPointerException when {@code env} is null
     */
    public EnvironmentSettings(Map<String, String> env) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /**
     * The value of one variable.
     *
     * @param name the variable
     * @return its trimmed value, or {@code null} when it is unset or blank
     */
    public String get(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Whether any of the variables has a value.
     *
     * @param names the variables
     * @return true when at least one is set and not blank
     */
    public boolean has(String... names) {
        for (String name : names) {
            if (get(name) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hands the value of {@code name} to {@code apply} when it has one.
     *
     * @param name the variable
     * @param apply receives the trimmed value; not called when unset
     */
    public void ifSet(String name, Consumer<String> apply) {
        String value = get(name);
        if (value != null) {
            apply.accept(value);
        }
    }

    /**
     * Parses the value of {@code name} and hands the result to {@code apply} when it has one.
     *
     * @param <T> the parsed type
     * @param name the variable
     * @param parse called as {@code parse(value, name)}, so that its errors can name the variable
     * @param apply receives the parsed value; not called when unset
     */
    public <T> void ifSet(String name, BiFunction<String, String, T> parse, Consumer<? super T> apply) {
        ifSet(name, value -> apply.accept(parse.apply(value, name)));
    }
}
