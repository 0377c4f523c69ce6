package io.herald.tests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT cache of {@code bin/herald server}: on JDK 25 the first run trains a cache that the JVM
 * writes when the server stops, the next run adopts and maps it, servers that train at once write
 * files of their own, a damaged cache only costs the speed-up, {@code HERALD_AOT=off} turns it off,
 * and a JDK without AOT caches or a directory that can't be made starts as usual.
 */
class LauncherAotCacheTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("bin/herald");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    @TempDir
    Path work;

    @Test
    void onJdk25TheFirstRunTrainsACacheAndTheNextRunsMapIt() throws Exception {
        Path jdk = jdk25();
        Path caches = Files.createDirectories(work.resolve("aot"));
        Path earlierBuild = Files.writeString(caches.resolve("herald-1.aot"), "a cache of an earlier build");

        Server training = Server.start(jdk, caches, work);
        assertThat(training.output()).contains("this run trains one, written when the server stops");
        assertThat(training.stop()).as("the training server's output").contains("AOTCache creation is complete");
        assertThat(earlierBuild).doesNotExist();
        List<Path> written = aotFiles(caches);
        assertThat(written).singleElement().satisfies(trained -> assertThat(Files.size(trained)).isGreaterThan(1_000_000));

        Server trained = Server.start(jdk, caches, work);
        String maps = trained.maps();
        trained.stop();
        Path cache = single(aotFiles(caches));
        assertThat(cache.getFileName().toString()).as("the adopted cache").matches("herald-\\d+\\.aot");
        assertThat(maps).as("the second server's memory maps").contains(cache.toString());
        assertThat(trainingMarkers(caches)).isEmpty();

        Files.write(cache, new byte[4096]); // damaged: the JVM warns and runs without it
        Server damaged = Server.start(jdk, caches, work);
        String output = damaged.stop();
        assertThat(output).contains("[aot]");
    }

    /** A server started while another trains the cache leaves the training to it: never two writers of one file. */
    @Test
    void aServerStartedWhileAnotherTrainsStartsWithoutACache() throws Exception {
        Path jdk = jdk25();
        Path caches = Files.createDirectories(work.resolve("aot"));

        Server first = Server.start(jdk, caches, work);
        Server second = Server.start(jdk, caches, work);
        assertThat(first.output()).contains("this run trains one");
        assertThat(second.output()).contains("the server with pid " + first.process.pid() + " is training the AOT cache");
        assertThat(second.commandLine()).doesNotContain("-XX:AOTCacheOutput").doesNotContain("-XX:AOTCache=");
        second.stop();
        first.stop();

        Server third = Server.start(jdk, caches, work);
        String maps = third.maps();
        third.stop();
        Path cache = single(aotFiles(caches));
        assertThat(maps).contains(cache.toString());
        assertThat(trainingMarkers(caches)).isEmpty();
    }

    @Test
    void heraldAotOffStartsWithoutACache() throws Exception {
        Path caches = work.resolve("aot-off");

        Server server = Server.start(newestJdk(), caches, work, Map.of("HERALD_AOT", "off"));
        String commandLine = server.commandLine();
        server.stop();
        assertThat(commandLine).doesNotContain("AOTCache");
        assertThat(caches).doesNotExist();
    }

    @Test
    void aJdkBefore25StartsWithoutACacheAndSaysWhy() throws Exception {
        Path jdk17 = Path.of(System.getProperty("java.home"), "bin", "java");
        assertThat(feature(jdk17)).isLessThan(25);
        Path caches = work.resolve("aot-17");

        Server server = Server.start(jdk17, caches, work);
        String output = server.stop();
        assertThat(output).contains("HERALD_AOT_DIR needs JDK 25 or later").contains("starting without an AOT cache");
        assertThat(caches).doesNotExist();
    }

    @Test
    void aCacheDirectoryThatCannotBeMadeOnlyCostsTheCache() throws Exception {
        Path notADirectory = Files.writeString(work.resolve("a-file"), "not a directory");

        Server server = Server.start(newestJdk(), notADirectory.resolve("aot"), work);
        String output = server.stop();
        assertThat(output).contains("is not a directory this user can write: starting without an AOT cache");
    }

    /** One {@code bin/herald server} on a free port, its output in a file, stopped with SIGTERM. */
    private record Server(Process process, Path log) {

        static Server start(Path java, Path caches, Path work) throws Exception {
            return start(java, caches, work, Map.of());
        }

        static Server start(Path java, Path caches, Path work, Map<String, String> extraEnv) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Path directory = Files.createDirectories(work.resolve("run-" + port)); // the push store's ./data
            Path log = directory.resolve("output.log");
            ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "server", "--port", Integer.toString(port))
                    .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("HERALD_JAVA", java.toString());
            env.put("HERALD_AOT_DIR", caches.toString());
            env.remove("HERALD_JAVA_OPTS");
            env.remove("HERALD_AOT");
            env.putAll(extraEnv);
            Server server = new Server(builder.start(), log);
            server.awaitHealthy(port);
            return server;
        }

        private void awaitHealthy(int port) throws Exception {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("the server is running; it printed:\n%s", output()).isTrue();
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            stop();
            throw new AssertionError("no /health within 60 s; the server printed:\n" + output());
        }

        String maps() throws IOException {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "maps"));
        }

        /** The JVM's arguments (the launcher execs it: same pid). */
        String commandLine() throws IOException {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
        }

        /** Stops the server (the JVM writes a trained cache as it exits) and returns what it printed. */
        String stop() throws Exception {
            process.destroy();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the server did not stop within 120 s; it printed:\n" + output());
            }
            return output();
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }

    private static Path single(List<Path> files) {
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    private static List<Path> trainingMarkers(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".training")).toList();
        }
    }

    private static Path jdk25() throws IOException {
        Path jdk = newestJdk();
        assertThat(feature(jdk)).as("a JDK 25 or later on this machine (%s is the newest found)", jdk)
                .isGreaterThanOrEqualTo(25);
        return jdk;
    }

    private static List<Path> aotFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".aot")).toList();
        }
    }

    /** The newest JDK where the launcher looks: $JAVA_HOME and /usr/lib/jvm. */
    private static Path newestJdk() throws IOException {
        Path best = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Path> homes = new ArrayList<>();
        if (System.getenv("JAVA_HOME") != null) {
            homes.add(Path.of(System.getenv("JAVA_HOME")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                dirs.forEach(homes::add);
            }
        }
        for (Path home : homes) {
            Path java = home.resolve("bin/java");
            if (Files.isExecutable(java) && feature(java) > feature(best)) {
                best = java;
            }
        }
        return best;
    }

    /** The feature release of the JDK whose java is {@code java}, from its {@code release} file. */
    private static int feature(Path java) throws IOException {
        Path release = java.toRealPath().getParent().getParent().resolve("release");
        if (!Files.exists(release)) {
            return 0;
        }
        Matcher version = JAVA_VERSION.matcher(Files.readString(release));
        return version.find() ? Integer.parseInt(version.group(1)) : 0;
    }
}
