package vn.motcua.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.i18n.Messages;

/**
 * The fuzz tests' property (decision 0006): a parser of outside input returns a value or refuses with the project's
 * own exception, whose message key the clerk's bundles know; anything else (NullPointerException,
 * IndexOutOfBoundsException, OutOfMemoryError, a library's own exception) fails the test and becomes a regression input.
 */
public final class CleanFailures {

    @FunctionalInterface
    public interface Parse {
        void run() throws Exception;
    }

    private CleanFailures() {
    }

    /** Runs {@code parse}; a {@link CounterException} must name a message both languages have. */
    public static void onlyCounterExceptions(Parse parse) throws Exception {
        try {
            parse.run();
        } catch (CounterException refused) {
            for (Locale locale : new Locale[] {Locale.forLanguageTag("vi-VN"), Locale.ENGLISH}) {
                assertThat(Messages.of(locale).text(refused.messageKey(), refused.arguments()))
                        .as("message for %s", refused.messageKey()).isNotEqualTo(refused.messageKey());
            }
        }
    }
}
