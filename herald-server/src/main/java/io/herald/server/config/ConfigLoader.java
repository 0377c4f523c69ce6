package io.herald.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds {@link ServerOptions} from, in rising precedence, a YAML file, {@code HERALD_*} environment
 * variables and command-line flags. Everything is merged into one YAML-shaped tree first, so the
 * three sources share a single set of names and a single validation ({@link OptionsBinder}).
 */
public final class ConfigLoader {

    /** A key given twice is refused: the last one silently winning would hide a mistake. */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private ConfigLoader() {
    }

    /**
     * @param file a YAML file, or {@code null} for none
     * @param env environment variables (only {@code HERALD_*} names are read)
     * @param flags flag values keyed by {@link Setting#name()}
     * @throws ConfigException naming the field when anything is unusable
     */
    public static ServerOptions load(Path file, Map<String, String> env, Map<String, String> flags) {
        ObjectNode tree = file == null ? JsonNodeFactory.instance.objectNode() : readYaml(file);
        for (Setting setting : Setting.all()) {
            String fromEnv = env.get(setting.envName());
            if (fromEnv != null) {
                override(tree, setting, fromEnv);
            }
        }
        for (Setting setting : Setting.all()) {
            String fromFlag = flags.get(setting.name());
            if (fromFlag != null) {
                override(tree, setting, fromFlag);
            }
        }
        return OptionsBinder.bind(tree);
    }

    static ObjectNode readYaml(Path file) {
        try {
            JsonNode node = YAML.readTree(Files.readString(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(file + ": the top level must be a mapping of settings");
            }
            return (ObjectNode) node;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Sets one value as text; {@link OptionsBinder} parses text and YAML scalars alike. */
    private static void override(ObjectNode tree, Setting setting, String value) {
        ObjectNode target = setting.isAppSetting() ? firstApp(tree)
                : setting.parent().isEmpty() ? tree : block(tree, setting.parent());
        target.put(setting.field(), value);
    }

    /** An extension's block, created when the file has none. */
    private static ObjectNode block(ObjectNode tree, String name) {
        JsonNode block = tree.get(name);
        if (block == null || block.isNull()) {
            return tree.putObject(name);
        }
        if (!block.isObject()) {
            throw ConfigException.field(name, "must be a mapping of settings");
        }
        return (ObjectNode) block;
    }

    /** The first app, created from {@link ServerOptions#DEFAULT_APP} when the file lists none. */
    private static ObjectNode firstApp(ObjectNode tree) {
        JsonNode apps = tree.get("apps");
        if (apps == null || apps.isNull() || (apps.isArray() && apps.isEmpty())) {
            ArrayNode list = tree.putArray("apps");
            ObjectNode app = list.addObject();
            app.put("id", ServerOptions.DEFAULT_APP.id());
            app.put("key", ServerOptions.DEFAULT_APP.key());
            app.put("secret", ServerOptions.DEFAULT_APP.secret());
            return app;
        }
        if (!apps.isArray() || !apps.get(0).isObject()) {
            throw ConfigException.field("apps", "must be a list of apps");
        }
        return (ObjectNode) apps.get(0);
    }
}
