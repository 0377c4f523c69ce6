package io.herald.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a dotenv file: {@code NAME=value} lines, {@code #} comments, blank lines, an optional
 * {@code export } prefix and values in single or double quotes.
 */
final class EnvFile {

    private EnvFile() {
    }

    /**
     * The {@code PUSHER_*} settings of the env file ({@code envFile}, else {@code ./.env} when it
     * exists) laid over those of the environment: what every command reads its settings from.
     */
    static Map<String, String> settings(CliContext context, Path envFile) {
        return settings(context, envFile, "PUSHER_");
    }

    /** Like {@link #settings(CliContext, Path)}, for the variables starting with {@code prefix} ({@code HERALD_ADMIN_}). */
    static Map<String, String> settings(CliContext context, Path envFile, String prefix) {
        Map<String, String> merged = new HashMap<>(context.environment());
        Path file = context.workingDirectory().resolve(envFile != null ? envFile : Path.of(".env"));
        if (envFile != null && !Files.isRegularFile(file)) {
            throw new CliException("env file " + envFile + " does not exist");
        }
        if (Files.isRegularFile(file)) {
            merged.putAll(read(file));
        }
        merged.keySet().removeIf(name -> !name.startsWith(prefix));
        return merged;
    }

    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read env file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new CliException(file + " line " + (i + 1) + ": expected NAME=value");
            }
            values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
