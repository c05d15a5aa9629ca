package vn.motcua.counter.application;

import java.util.Locale;

/** Choices a clerk makes in the window that the next start keeps, such as the language. */
public interface UserPreferences {

    Locale language();

    void rememberLanguage(Locale language);
}
