package vn.motcua.counter.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds Vietnamese text for diacritic-insensitive matching: "Đăng ký khai sinh" and "dang ky khai sinh" fold alike.
 * Đ/đ has no decomposition in Unicode, so it is mapped by hand.
 */
public final class DiacriticFolding {

    private DiacriticFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd')
                .replace('Đ', 'D');
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** True when every word of {@code query} occurs in {@code text}, ignoring case and diacritics. */
    public static boolean matches(String text, String query) {
        String haystack = fold(text);
        for (String word : fold(query).split(" ")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
