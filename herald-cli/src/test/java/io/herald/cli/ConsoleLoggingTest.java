package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's logging set up in code, and a configuration of the user's taking its place. */
class ConsoleLoggingTest {

    private static LoggerContext configured(ExecutionStatus expected) {
        LoggerContext context = new LoggerContext();
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);
        assertThat(logging.configure(context)).isEqualTo(expected);
        return context;
    }

    @Test
    void linesGoToStandardOutputAndTheLibrariesWarnOnStandardError() {
        LoggerContext context = configured(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("console");
        assertThat(console.getTarget()).isEqualTo("System.out");
        assertThat(context.getLogger("io.netty.channel").getEffectiveLevel()).isEqualTo(Level.WARN);
        for (String library : new String[] {"io.herald.sdk", "io.herald.client"}) {
            Logger logger = context.getLogger(library);
            assertThat(logger.getLevel()).isEqualTo(Level.WARN);
            assertThat(logger.isAdditive()).as("only on standard error").isFalse();
            assertThat(((ConsoleAppender<ILoggingEvent>) logger.getAppender("stderr")).getTarget()).isEqualTo("System.err");
        }
        assertThat(context.getLogger("io.herald.sdk.http").getEffectiveLevel()).isEqualTo(Level.WARN);

        LoggingEvent event = new LoggingEvent("test", context.getLogger("io.herald.server.HeraldServer"), Level.INFO,
                "Herald stopped", null, null);
        String line = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
        assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  HeraldServer - Herald stopped\\R");
    }

    @Test
    void aConfigurationFileNamedOnTheCommandLineTakesItsPlace() {
        System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, "custom.xml");
        try {
            LoggerContext context = configured(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders()).isExhausted();
        } finally {
            System.clearProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
        }
    }

    @Test
    void aLogbackXmlOnTheClasspathTakesItsPlace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ClassicConstants.AUTOCONFIG_FILE), "<configuration/>");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader withFile = new URLClassLoader(new URL[] {dir.toUri().toURL()}, before)) {
            thread.setContextClassLoader(withFile);
            configured(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
