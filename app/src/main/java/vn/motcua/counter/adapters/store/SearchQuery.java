package vn.motcua.counter.adapters.store;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a typed search can mean, each part null when it cannot: a dossier code or its prefix, the code's
 * {@code YYMMDD-NNNN} tail, an ID number (as its {@code applicant_id_token}), and FTS5 queries for names and page
 * text. Words are folded like the indexed text, turned into the same keyed tokens and quoted, so nothing typed can be
 * read as FTS5 syntax.
 */
record SearchQuery(String codePrefix, String codeTail, String idNumber, String names, String text) {

    private static final Pattern AGENCY_START = Pattern.compile("\\d{3}\\.\\d{2}.*");
    private static final Pattern CODE_TAIL = Pattern.compile("\\d{6}-\\d{4}");
    /**
     * How {@code applicant_id_number} holds each kind: 9- or 12-digit ID card numbers, a tax code as 10 digits or
     * {@code 10-3} for a branch, a passport as 6–9 capitals and digits.
     */
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{9,10}|\\d{12}|\\d{10}-\\d{3}|(?=.*\\d)[A-Z0-9]{6,9}");
    private static final Pattern BRANCH_TAX_CODE = Pattern.compile("^(\\d{10})(\\d{3})$");

    static SearchQuery of(String typed) {
        return of(typed, PersonalColumns.PLAIN);
    }

    /**
     * The query with what is compared as {@code columns}' keyed tokens (decision 1201): the ID number as its token,
     * each typed word as one token, which the names index holds for every prefix of a name's words and the page-text
     * index for every whole word.
     */
    static SearchQuery of(String typed, PersonalColumns columns) {
        String q = typed.strip().toUpperCase(java.util.Locale.ROOT);
        String compact = BRANCH_TAX_CODE.matcher(q.replaceAll("[\\s.]", "")).replaceFirst("$1-$2");
        List<String> tokens = PersonalColumns.words(typed);
        boolean hasLetters = tokens.stream().anyMatch(t -> t.chars().anyMatch(Character::isLetter));
        String names = hasLetters ? tokens.stream().map(t -> "\"" + columns.token(PersonalColumns.NAMES, t) + "\"")
                .collect(Collectors.joining(" ")) : null;
        String text = tokens.isEmpty() || String.join("", tokens).length() < 2 ? null
                : textQuery(tokens.stream().map(t -> columns.token(PersonalColumns.TEXT, t)).toList());
        return new SearchQuery(AGENCY_START.matcher(q).matches() ? q : null,
                CODE_TAIL.matcher(q).matches() ? q : null,
                ID_NUMBER.matcher(compact).matches() ? columns.idToken(compact) : null, names, text);
    }

    /**
     * Whole words only: FTS5 merges the complete posting lists of every term a prefix expands to, which over
     * millions of OCR'd pages costs hundreds of milliseconds (docs/benchmarks.md); whole words stop at the newest
     * matches.
     */
    private static String textQuery(List<String> tokens) {
        return tokens.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(" "));
    }

    boolean isEmpty() {
        return codePrefix == null && codeTail == null && idNumber == null && names == null && text == null;
    }
}
