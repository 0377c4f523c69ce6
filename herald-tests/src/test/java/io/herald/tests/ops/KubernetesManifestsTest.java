package io.herald.tests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.herald.server.HeraldServer;
import io.herald.server.config.ConfigLoader;
import io.herald.server.config.ServerOptions;
import io.herald.server.config.Setting;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifests in {@code deploy/kubernetes} against Herald itself: the ConfigMap's {@code herald.yml}
 * and the Secret's variables load without an unknown setting, the ports are the configured ones, and
 * a node started from that configuration answers every probe and the scrape path the manifests use.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("..", "deploy", "kubernetes");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void manifestsUseOnlyWhatHeraldHas(@TempDir Path tmp) throws Exception {
        Map<String, JsonNode> byKind = manifests();
        JsonNode deployment = byKind.get("Deployment");
        JsonNode pod = deployment.at("/spec/template");
        JsonNode container = pod.at("/spec/containers/0");

        // herald.yml from the ConfigMap, at the path the container is told
        JsonNode configMap = byKind.get("ConfigMap");
        JsonNode configMount = mount(container, volumeOf(pod, "configMap", configMap.at("/metadata/name").asText()));
        List<String> args = YAML.convertValue(container.get("args"), YAML.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        assertThat(args).containsExactly("server", "--config", configMount.get("mountPath").asText() + "/herald.yml");
        Path config = tmp.resolve("herald.yml");
        Files.writeString(config, configMap.at("/data/herald.yml").asText());

        // the Secret's variables are settings' variables
        JsonNode secret = byKind.get("Secret");
        assertThat(container.at("/envFrom/0/secretRef/name").asText()).isEqualTo(secret.at("/metadata/name").asText());
        Map<String, String> env = new HashMap<>();
        secret.get("stringData").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        Set<String> known = Setting.all().stream().map(Setting::envName).collect(Collectors.toSet());
        assertThat(known).containsAll(env.keySet());

        ServerOptions options = ConfigLoader.load(config, env, Map.of()); // unknown fields fail here
        assertThat(options.adapter()).isEqualTo("redis");
        assertThat(options.apps().get(0).secret()).isEqualTo(env.get("HERALD_APP_SECRET"));
        assertThat(containerPort(container, "http")).isEqualTo(options.port());
        assertThat(containerPort(container, "metrics")).isEqualTo(options.metricsPort());
        JsonNode annotations = pod.at("/metadata/annotations");
        assertThat(annotations.get("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.get("prometheus.io/port").asInt()).isEqualTo(options.metricsPort());
        assertThat(mount(container, volumeOf(pod, "emptyDir", null)).get("mountPath").asText())
                .isEqualTo(options.extension("push").get("data-dir").asText());

        // the drain fits in the grace period: the preStop pause, then the whole shutdown, which holds
        // the drain period and window; and the readiness probe notices the drain within its period
        long preStop = container.at("/lifecycle/preStop/sleep/seconds").asLong();
        assertThat(pod.at("/spec/terminationGracePeriodSeconds").asLong())
                .isGreaterThanOrEqualTo(preStop + options.shutdownTimeout().toSeconds());
        assertThat(options.drainPeriod().plus(options.drainWindow())).isLessThan(options.shutdownTimeout());
        assertThat(options.drainWindow()).isPositive();
        JsonNode readiness = container.at("/readinessProbe");
        assertThat(Duration.ofSeconds(readiness.get("periodSeconds").asLong() * readiness.get("failureThreshold").asLong()))
                .isLessThanOrEqualTo(options.drainPeriod());
        assertThat(pod.at("/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();

        // the Service, the budget and the autoscaler point at this Deployment's pods and ports
        JsonNode labels = pod.at("/metadata/labels");
        assertThat(byKind.get("Service").at("/spec/selector")).isEqualTo(labels);
        for (JsonNode port : byKind.get("Service").at("/spec/ports")) {
            assertThat(containerPort(container, port.get("targetPort").asText())).isEqualTo(port.get("port").asInt());
        }
        assertThat(byKind.get("PodDisruptionBudget").at("/spec/selector/matchLabels")).isEqualTo(labels);
        assertThat(byKind.get("HorizontalPodAutoscaler").at("/spec/scaleTargetRef/name").asText())
                .isEqualTo(deployment.at("/metadata/name").asText());

        // a node from this configuration (locally: no Redis, free ports) answers what the manifests ask
        Map<String, String> local = Map.of("host", "127.0.0.1", "port", "0", "metrics-port", "0", "adapter", "local",
                "push-data-dir", tmp.resolve("data").toString());
        try (HeraldServer server = HeraldServer.start(ConfigLoader.load(config, env, local))) {
            Map<Integer, Integer> ports = Map.of(options.port(), server.port(), options.metricsPort(), server.metricsPort());
            for (String probe : List.of("readinessProbe", "livenessProbe")) {
                JsonNode get = container.at("/" + probe + "/httpGet");
                int port = ports.get(containerPort(container, get.get("port").asText()));
                assertThat(status(port, get.get("path").asText())).as(probe).isEqualTo(200);
            }
            assertThat(status(server.metricsPort(), annotations.get("prometheus.io/path").asText())).isEqualTo(200);
        }
    }

    /** Every manifest of the kustomization, by kind (one of each here). */
    private static Map<String, JsonNode> manifests() throws IOException {
        JsonNode kustomization = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        Set<String> listed = Stream.of(YAML.convertValue(kustomization.get("resources"), String[].class))
                .collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
        Map<String, JsonNode> byKind = new HashMap<>();
        for (String file : listed) {
            JsonNode manifest = YAML.readTree(DIR.resolve(file).toFile());
            byKind.put(manifest.get("kind").asText(), manifest);
        }
        return byKind;
    }

    /** The name of the pod's volume of {@code type} (and {@code name}, when given). */
    private static String volumeOf(JsonNode pod, String type, String name) {
        for (JsonNode volume : pod.at("/spec/volumes")) {
            if (volume.has(type) && (name == null || volume.get(type).path("name").asText().equals(name))) {
                return volume.get("name").asText();
            }
        }
        throw new AssertionError("no " + type + " volume " + name);
    }

    private static JsonNode mount(JsonNode container, String volume) {
        for (JsonNode mount : container.get("volumeMounts")) {
            if (mount.get("name").asText().equals(volume)) {
                return mount;
            }
        }
        throw new AssertionError("volume " + volume + " is not mounted");
    }

    private static int containerPort(JsonNode container, String nameOrNumber) {
        for (JsonNode port : container.get("ports")) {
            if (port.get("name").asText().equals(nameOrNumber) || port.get("containerPort").asText().equals(nameOrNumber)) {
                return port.get("containerPort").asInt();
            }
        }
        throw new AssertionError("the container has no port " + nameOrNumber);
    }

    private static int status(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
