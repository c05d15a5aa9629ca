package vn.motcua.counter.adapters.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.motcua.counter.adapters.protection.FieldCipher;
import vn.motcua.counter.domain.DiacriticFolding;

/**
 * How the stores keep personal data in the SQLite file (decision 1201): each value sealed with the data folder's
 * {@link FieldCipher} (column name as associated data) and opened on read; what search compares is kept as keyed
 * tokens: an ID number's token ({@code applicant_id_token}), a token for every prefix of every folded name word
 * ({@code dossier_names}), a token for every folded page word ({@code page_text}). Without a cipher ({@link #PLAIN}:
 * a store tested on its own) values stay as they are and a token is the word itself, so the same queries work.
 */
public final class PersonalColumns {

    /** No cipher: plain values, words as their own tokens. The counter always runs with a cipher. */
    public static final PersonalColumns PLAIN = new PersonalColumns(null);

    // Free text that may name people (V17, decision 1201): sealed like the applicant's columns, "table.column" as
    // associated data. Event details and reasons, who handed a dossier to whom (the citizen, on return) and the note,
    // a component's note, a result document's name.
    static final String EVENT_DETAIL = "dossier_events.detail";
    static final String EVENT_REASON = "dossier_events.reason";
    static final String HANDOVER_GIVER = "handovers.giver";
    static final String HANDOVER_RECEIVER = "handovers.receiver";
    static final String HANDOVER_NOTE = "handovers.note";
    static final String COMPONENT_NOTE = "components.note";
    static final String RESULT_NAME = "result_documents.name";
    // A failed pipeline stage's technical cause and its message's arguments (V19): an exception's message can quote a
    // file name or a citizen's data.
    static final String STAGE_ERROR_ARGS = "stage_work.error_args";
    static final String STAGE_ERROR_DETAIL = "stage_work.error_detail";
    static final List<String> FREE_TEXT = List.of(EVENT_DETAIL, EVENT_REASON, HANDOVER_GIVER, HANDOVER_RECEIVER,
            HANDOVER_NOTE, COMPONENT_NOTE, RESULT_NAME, STAGE_ERROR_ARGS, STAGE_ERROR_DETAIL);

    /** The department's reason with a change from the hub (V16, written sealed from the start). */
    static final String HUB_CHANGE_REASON = "hub_changes.reason";
    /** The department's name for a result file it attached on the hub (V18, written sealed from the start). */
    static final String HUB_RESULT_NAME = "hub_result_files.name";

    static final String NAMES = "names";
    static final String TEXT = "text";
    static final String ID = "id";

    private final FieldCipher cipher;

    public PersonalColumns(FieldCipher cipher) {
        this.cipher = cipher;
    }

    public boolean sealing() {
        return cipher != null;
    }

    public String seal(String column, String value) {
        return cipher == null || value == null ? value : cipher.seal(column, value);
    }

    /** The value; one stored before sealing (no {@code ~1} prefix) is returned as it is. */
    public String open(String column, String stored) {
        return cipher == null ? stored : cipher.open(column, stored);
    }

    String token(String index, String word) {
        return cipher == null ? word : cipher.token(index, word);
    }

    /** The ID number's token, for {@code applicant_id_token} and for a typed number. */
    String idToken(String number) {
        return number == null ? null : token(ID, number);
    }

    /** The folded words of a text as search compares them: letters and digits, diacritics and case gone. */
    static List<String> words(String text) {
        return Arrays.stream(DiacriticFolding.fold(text).split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** {@code applicant_name_folded} since V13: a token for every prefix of every word of the names searched. */
    String nameTokens(String applicantName, String representative) {
        List<String> words = new ArrayList<>(words(applicantName));
        if (representative != null) {
            words.addAll(words(representative));
        }
        if (cipher != null) {
            return cipher.prefixTokens(NAMES, words);
        }
        Set<String> prefixes = new LinkedHashSet<>();
        for (String w : words) {
            for (int end = 1; end <= w.length(); end++) {
                prefixes.add(w.substring(0, end));
            }
        }
        return String.join(" ", prefixes);
    }

    /** What {@code page_text} indexes for a page's text: one token per word, in order. */
    String textTokens(String text) {
        List<String> words = words(text);
        return cipher != null ? cipher.wordTokens(TEXT, words) : String.join(" ", words);
    }
}
