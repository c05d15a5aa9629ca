package vn.motcua.counter.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterReport;
import vn.motcua.counter.application.InvalidFileException;
import vn.motcua.scanner.ScanException;

/** The user-visible texts in the clerk's language (Vietnamese by default, English selectable). */
public final class Messages {

    /** How many problems of a refused file the one-line description lists. */
    private static final int SHOWN_PROBLEMS = 5;

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        // The root bundle is Vietnamese; never fall back to the JVM's default locale (an English PC still shows vi).
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Locale locale) {
        return new Messages(locale);
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** The label of a report figure (“Đánh giá "Hài lòng"” for a rating). */
    public String label(CounterReport.Figure figure) {
        return figure.detail() == null ? text(figure.key()) : text(figure.key(), figure.detail());
    }

    /** A report figure as people read it in this language: "1.234", "66,7 %" in Vietnamese. */
    public String value(CounterReport.Figure figure) {
        return figure.percent() ? percent(figure.value()) : count((long) figure.value());
    }

    /** A percentage with one decimal and the sign, "100,0 %". */
    public String percent(double value) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value) + " %";
    }

    /** A whole number with the language's grouping, "1.234". */
    public String count(long value) {
        return java.text.NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** One problem of a refused file, with where it is ("dòng 12: …" or "bản ghi 3: …"). */
    public String describe(InvalidFileException.Problem problem) {
        String where = problem.line() > 0 ? text("file.at_line", problem.line()) : text("file.at_record", problem.record());
        return where + ": " + text(problem.messageKey(), problem.arguments().toArray());
    }

    private String problems(InvalidFileException invalid, int shown) {
        List<String> lines = invalid.problems().stream().limit(shown).map(this::describe).toList();
        return String.join("; ", lines) + (invalid.problems().size() > shown ? "; …" : "");
    }

    /** What to tell the clerk about a failure; unknown failures get the generic message. */
    public String describe(Throwable failure) {
        if (failure != null && failure.getCause() instanceof ScanException scan) {
            return scan.error().message(locale);
        }
        if (failure instanceof InvalidFileException invalid) {
            return text(invalid.messageKey(), invalid.arguments()) + " " + problems(invalid, SHOWN_PROBLEMS);
        }
        if (failure instanceof vn.motcua.counter.application.access.AccessDenied denied
                && denied.arguments().length == 3) {   // the action and the role in this language
            Object[] a = denied.arguments();
            return text(denied.messageKey(), a[0], text(String.valueOf(a[1])), text(String.valueOf(a[2])));
        }
        if (failure instanceof CounterException ce) {
            return text(ce.messageKey(), ce.arguments());
        }
        return text("error.unexpected");
    }
}
