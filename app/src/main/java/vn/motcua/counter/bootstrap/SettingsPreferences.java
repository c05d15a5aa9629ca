package vn.motcua.counter.bootstrap;

import java.util.Locale;
import vn.motcua.counter.application.UserPreferences;

/** The clerk's choices kept in the data folder's {@code motcua.properties}. */
final class SettingsPreferences implements UserPreferences {

    private final Settings settings;

    SettingsPreferences(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Locale language() {
        return settings.locale();
    }

    @Override
    public void rememberLanguage(Locale language) {
        settings.remember(Settings.LANGUAGE, language.getLanguage());
    }
}
