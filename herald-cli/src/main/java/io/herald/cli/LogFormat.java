package io.herald.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code log-format}: {@code human} keeps the lines of {@link ConsoleLogging}; {@code json}
 * gives every console and file appender a {@link JsonLogLayout}, so the same destinations get one
 * JSON object per line.
 */
final class LogFormat {

    private LogFormat() {
    }

    static void apply(String format) {
        if (!format.equals("json") || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                    useJson(context, appender);
                }
            }
        }
    }

    private static void useJson(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender) {
        JsonLogLayout layout = new JsonLogLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        appender.stop();
        appender.setEncoder(encoder);
        appender.start();
    }
}
