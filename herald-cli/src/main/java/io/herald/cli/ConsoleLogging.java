package io.herald.cli;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The {@code herald} command's logging, set up in code rather than from a {@code logback.xml}: the
 * XML route loaded 480 classes more (Logback's configuration model and the JDK's XML parser) and
 * kept a few MiB more resident in every server. Lines go to standard output; the SDK and client
 * libraries, which the one-shot commands use while they print JSON on standard output, may only
 * warn, on standard error. A configuration of the user's ({@code -Dlogback.configurationFile}, or a
 * {@code logback.xml} / {@code logback-test.xml} on the classpath) takes this one's place.
 * Found by Logback through {@code META-INF/services}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements ch.qos.logback.classic.spi.Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (userConfigured()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> stdout = appender(context, "console", "System.out");
        ConsoleAppender<ILoggingEvent> stderr = appender(context, "stderr", "System.err");
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stdout);
        context.getLogger("io.netty").setLevel(Level.WARN);
        for (String library : new String[] {"io.herald.sdk", "io.herald.client"}) {
            Logger logger = context.getLogger(library);
            logger.setLevel(Level.WARN);
            logger.setAdditive(false);
            logger.addAppender(stderr);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static boolean userConfigured() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ConsoleLogging.class.getClassLoader();
        }
        return System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null
                || loader.getResource(ClassicConstants.TEST_AUTOCONFIG_FILE) != null
                || loader.getResource(ClassicConstants.AUTOCONFIG_FILE) != null;
    }

    private static ConsoleAppender<ILoggingEvent> appender(LoggerContext context, String name, String target) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setTarget(target);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
