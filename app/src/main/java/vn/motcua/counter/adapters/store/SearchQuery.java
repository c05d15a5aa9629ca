package vn.motcua.counter.adapters.store;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.motcua.counter.domain.DiacriticFolding;

/**
 * What a typed search can mean, each part null when it cannot: a dossier code or its prefix, the code's
 * {@code YYMMDD-NNNN} tail, an ID number, and FTS5 queries for names and page text. Tokens are folded like the
 * indexed text and quoted, so nothing typed can be read as FTS5 syntax.
 */
record SearchQuery(String codePrefix, String codeTail, String idNumber, String names, String text) {

    private static final Pattern AGENCY_START = Pattern.compile("\\d{3}\\.\\d{2}.*");
    private static final Pattern CODE_TAIL = Pattern.compile("\\d{6}-\\d{4}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{9}|\\d{12}");
    /** Word prefixes shorter than this would expand to a large part of the OCR index. */
    private static final int TEXT_PREFIX_MIN = 3;

    static SearchQuery of(String typed) {
        String q = typed.strip().toUpperCase(java.util.Locale.ROOT);
        String compact = q.replaceAll("[\\s.]", "");
        List<String> tokens = Arrays.stream(DiacriticFolding.fold(typed).split("[^a-z0-9]+"))
                .filter(t -> !t.isEmpty()).toList();
        boolean hasLetters = tokens.stream().anyMatch(t -> t.chars().anyMatch(Character::isLetter));
        String names = hasLetters ? tokens.stream().map(t -> "\"" + t + "\"*").collect(Collectors.joining(" ")) : null;
        String text = tokens.isEmpty() || String.join("", tokens).length() < 2 ? null : textQuery(tokens);
        return new SearchQuery(AGENCY_START.matcher(q).matches() ? q : null,
                CODE_TAIL.matcher(q).matches() ? q : null,
                ID_NUMBER.matcher(compact).matches() ? compact : null, names, text);
    }

    /** Whole words, the last one also as a prefix (it may still be being typed). */
    private static String textQuery(List<String> tokens) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            boolean last = i == tokens.size() - 1;
            query.append(query.isEmpty() ? "" : " ").append('"').append(t).append('"')
                    .append(last && t.length() >= TEXT_PREFIX_MIN ? "*" : "");
        }
        return query.toString();
    }

    boolean isEmpty() {
        return codePrefix == null && codeTail == null && idNumber == null && names == null && text == null;
    }
}
