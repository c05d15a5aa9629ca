package vn.motcua.counter.application;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A clerk's ordinary refusal is a WARN line without a stack trace; a defect stays an ERROR with its trace. */
class FailureLogTest {

    @Test
    void refusalsAreWarningsWithoutTraceAndDefectsAreErrorsWithTrace() {
        Logger logger = (Logger) LoggerFactory.getLogger("failure-log-test");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            FailureLog.log(logger, "reception failed", new java.util.concurrent.CompletionException(
                    new CounterException("dossier.missing.processingDays", "Nguyễn Văn A")));
            FailureLog.log(logger, "reception failed", new NullPointerException("bug"));
        } finally {
            logger.detachAppender(events);
        }
        ILoggingEvent refusal = events.list.get(0);
        assertThat(refusal.getLevel()).isEqualTo(Level.WARN);
        assertThat(refusal.getThrowableProxy()).isNull();
        assertThat(refusal.getFormattedMessage()).contains("dossier.missing.processingDays").doesNotContain("Nguyễn");
        ILoggingEvent defect = events.list.get(1);
        assertThat(defect.getLevel()).isEqualTo(Level.ERROR);
        assertThat(defect.getThrowableProxy()).isNotNull();
    }
}
