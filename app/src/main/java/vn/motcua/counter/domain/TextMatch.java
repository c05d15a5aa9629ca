package vn.motcua.counter.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How well what a clerk typed matches a text such as a procedure's code and name, so the best match comes first:
 * "khai tử" or "khai tu" put "Thủ tục đăng ký khai tử" before "Thủ tục đăng ký khai sinh", whose "thủ tục" also
 * contains "tu". Diacritics are ignored for matching and count in favour when typed.
 */
public final class TextMatch {

    private static final int PHRASE = 20;
    private static final int WHOLE_WORD = 4;
    private static final int WORD_START = 2;
    private static final int INSIDE_WORD = 1;
    private static final int SAME_MARKS = 2;

    private TextMatch() {
    }

    /**
     * 0 when a typed word occurs nowhere in {@code text} (diacritics and case aside); otherwise higher for typed
     * words that are whole words of the text, that follow each other there as typed, and that carry the same marks.
     * A blank query matches everything equally.
     */
    public static int score(String text, String query) {
        List<String> typed = words(DiacriticFolding.fold(query));
        if (typed.isEmpty()) {
            return 1;
        }
        List<String> textWords = words(DiacriticFolding.fold(text));
        int score = 0;
        for (String word : typed) {
            int best = 0;
            for (String candidate : textWords) {
                best = Math.max(best, candidate.equals(word) ? WHOLE_WORD : candidate.startsWith(word) ? WORD_START
                        : candidate.contains(word) ? INSIDE_WORD : 0);
            }
            if (best == 0) {
                return 0;
            }
            score += best;
        }
        if (phrase(textWords, typed)) {
            score += PHRASE;
        }
        List<String> marked = words(lower(text));
        for (String word : words(lower(query))) {
            if (!word.equals(DiacriticFolding.fold(word)) && marked.contains(word)) {
                score += SAME_MARKS;
            }
        }
        return score;
    }

    /** The typed words in a row among the text's words, the last one possibly still being typed. */
    private static boolean phrase(List<String> text, List<String> typed) {
        for (int start = 0; start + typed.size() <= text.size(); start++) {
            boolean all = true;
            for (int i = 0; i < typed.size() && all; i++) {
                String word = text.get(start + i);
                all = i == typed.size() - 1 ? word.startsWith(typed.get(i)) : word.equals(typed.get(i));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Words without the punctuation around them ("(nếu", "hôn,"); dots inside codes stay. */
    private static List<String> words(String text) {
        return Arrays.stream(text.split("\\s+"))
                .map(w -> w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", ""))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
