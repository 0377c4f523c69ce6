package io.herald.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes YAML configuration files into a test's temporary directory and loads them. */
final class ConfigFiles {

    private final Path dir;

    ConfigFiles(Path dir) {
        this.dir = dir;
    }

    Path write(String yaml) {
        try {
            return Files.writeString(dir.resolve("herald.yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code yaml} with no environment and no flags. */
    ServerOptions load(String yaml) {
        return ConfigLoader.load(write(yaml), Map.of(), Map.of());
    }

    Path resolve(String name) {
        return dir.resolve(name);
    }
}
