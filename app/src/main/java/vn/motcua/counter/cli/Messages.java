package vn.motcua.counter.cli;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts for message keys, Vietnamese by default; an unknown key shows as itself rather than failing. */
final class Messages {

    private static final ResourceBundle BUNDLE =
            ResourceBundle.getBundle("vn.motcua.counter.cli.messages", Locale.ROOT);

    private Messages() {
    }

    static String text(String key) {
        try {
            return BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
