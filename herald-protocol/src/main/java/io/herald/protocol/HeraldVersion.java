package io.herald.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build, as the Maven project states it and CHANGELOG.md records it; shown by
 * {@code herald --version}, the {@code /health} body, the jar manifests, and the SDK and client in
 * what they tell a server about themselves.
 */
public final class HeraldVersion {

    private static final String CURRENT = read();

    private HeraldVersion() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = HeraldVersion.class.getResourceAsStream("herald-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("herald-version.properties is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
