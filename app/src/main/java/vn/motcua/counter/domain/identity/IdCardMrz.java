package vn.motcua.counter.domain.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The machine-readable zone of an ID card in ICAO Doc 9303 Part 5 "TD1" format: three lines of 30 characters.
 * <pre>
 * line 1: document code (2) · issuing state (3) · document number (9) · check · optional data (15)
 * line 2: birth YYMMDD · check · sex · expiry YYMMDD · check · nationality (3) · optional data (11) · composite check
 * line 3: SURNAME&lt;&lt;GIVEN&lt;NAMES
 * </pre>
 * Vietnamese chip cards (issuing state {@code VNM}) put the last 9 digits of the 12-digit personal ID number in the
 * document-number field and the full 12-digit number at the start of the optional data, followed by its own check
 * digit in the last position of line 1. {@code toString} hides the personal data.
 *
 * @param sex                null when the MRZ leaves it unspecified ({@code <})
 * @param expiryDate         null when the card has no expiry date (field filled with {@code <})
 * @param personalIdNumber   the 12-digit number of a Vietnamese card, null for other cards
 */
public record IdCardMrz(String documentCode, String issuingState, String documentNumber, String optionalData1,
                        LocalDate birthDate, Sex sex, LocalDate expiryDate, String nationality, String optionalData2,
                        String surname, String givenNames, PersonalIdNumber personalIdNumber) {

    public static final int LINE_LENGTH = 30;

    public enum Problem implements IdentityProblem {
        EMPTY,
        NOT_TD1,
        BAD_DOCUMENT_NUMBER_CHECK,
        BAD_BIRTH_DATE,
        BAD_BIRTH_DATE_CHECK,
        BAD_SEX,
        BAD_EXPIRY_DATE,
        BAD_EXPIRY_DATE_CHECK,
        BAD_COMPOSITE_CHECK,
        BAD_ID_NUMBER_CHECK,
        ID_NUMBER_MISMATCH;

        @Override
        public String messageKey() {
            return IdentityProblem.key("mrz", this);
        }
    }

    /**
     * Reads three MRZ lines (separated by line breaks, or as one 90-character run) as an OCR engine or a document
     * reader returns them; spaces and lower case are tolerated. Any failed check digit rejects the whole MRZ, since
     * the text then cannot be trusted. Two-digit birth years are placed in the century that keeps them before
     * {@code today}.
     */
    public static ParseResult<IdCardMrz> parse(String text, LocalDate today) {
        List<String> lines = lines(text);
        if (lines.isEmpty()) {
            return ParseResult.rejected(Problem.EMPTY);
        }
        if (lines.size() != 3 || lines.stream().anyMatch(l -> l.length() != LINE_LENGTH)
                || "IAC".indexOf(lines.get(0).charAt(0)) < 0) {
            return ParseResult.rejected(Problem.NOT_TD1);
        }
        String l1 = lines.get(0);
        String l2 = lines.get(1);
        String l3 = lines.get(2);
        List<IdentityProblem> problems = new ArrayList<>();
        check(l1.substring(5, 14), l1.charAt(14), Problem.BAD_DOCUMENT_NUMBER_CHECK, problems);
        check(l2.substring(0, 6), l2.charAt(6), Problem.BAD_BIRTH_DATE_CHECK, problems);
        String composite = l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29);
        check(composite, l2.charAt(29), Problem.BAD_COMPOSITE_CHECK, problems);

        LocalDate birth = date(l2.substring(0, 6), today, false);
        if (birth == null) {
            problems.add(Problem.BAD_BIRTH_DATE);
        }
        String expiryField = l2.substring(8, 14);
        LocalDate expiry = null;
        if (!expiryField.equals("<<<<<<")) {
            check(expiryField, l2.charAt(14), Problem.BAD_EXPIRY_DATE_CHECK, problems);
            expiry = date(expiryField, today, true);
            if (expiry == null) {
                problems.add(Problem.BAD_EXPIRY_DATE);
            }
        }
        Sex sex = switch (l2.charAt(7)) {
            case 'M' -> Sex.MALE;
            case 'F' -> Sex.FEMALE;
            case '<', 'X' -> null;
            default -> {
                problems.add(Problem.BAD_SEX);
                yield null;
            }
        };
        String state = strip(l1.substring(2, 5));
        PersonalIdNumber idNumber = null;
        List<IdentityProblem> warnings = new ArrayList<>();
        if (state.equals("VNM")) {
            idNumber = vietnameseIdNumber(l1, problems, warnings, birth, sex);
        }
        if (!problems.isEmpty()) {
            return ParseResult.rejected(problems);
        }
        // ICAO 9303: surname, "<<", given names each after one "<"; the next "<<" ends the name and only fillers
        // follow, so a mark read in that filler run is not part of the name.
        String[] names = l3.split("<<", 3);
        return ParseResult.ok(new IdCardMrz(strip(l1.substring(0, 2)), state, strip(l1.substring(5, 14)),
                strip(l1.substring(15, 30)), birth, sex, expiry, strip(l2.substring(15, 18)), strip(l2.substring(18, 29)),
                words(names[0]), names.length > 1 ? words(names[1]) : "", idNumber), warnings);
    }

    private static PersonalIdNumber vietnameseIdNumber(String l1, List<IdentityProblem> problems,
                                                       List<IdentityProblem> warnings, LocalDate birth, Sex sex) {
        String full = l1.substring(15, 27);
        if (!full.matches("\\d{12}")) {
            problems.add(Problem.ID_NUMBER_MISMATCH);
            return null;
        }
        if (!full.endsWith(l1.substring(5, 14))) {
            problems.add(Problem.ID_NUMBER_MISMATCH);
        }
        // The last character of line 1 checks the 12-digit number on the cards seen; a filler means none is given.
        if (l1.charAt(29) != '<') {
            check(full, l1.charAt(29), Problem.BAD_ID_NUMBER_CHECK, problems);
        }
        ParseResult<PersonalIdNumber> id = PersonalIdNumber.check(full);
        if (!(id instanceof ParseResult.Ok<PersonalIdNumber> ok)) {
            problems.addAll(id.problems());
            return null;
        }
        warnings.addAll(ok.value().inconsistencies(birth, sex));
        return ok.value();
    }

    private static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String cleaned = text.toUpperCase(Locale.ROOT).replace('«', '<').replaceAll("[ \\t\\x0B\\f\\u00A0]", "");
        List<String> lines = cleaned.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() == 1 && lines.get(0).length() == 3 * LINE_LENGTH) {
            String run = lines.get(0);
            return List.of(run.substring(0, 30), run.substring(30, 60), run.substring(60));
        }
        return lines;
    }

    private static void check(String field, char digit, Problem problem, List<IdentityProblem> problems) {
        if (!MrzCheckDigit.matches(field, digit)) {
            problems.add(problem);
        }
    }

    /** YYMMDD; birth dates take the latest century not after {@code today}, expiry dates the 2000s. */
    private static LocalDate date(String yymmdd, LocalDate today, boolean expiry) {
        if (!yymmdd.matches("\\d{6}")) {
            return null;
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        try {
            if (expiry) {
                return LocalDate.of(2000 + yy, month, day);
            }
            LocalDate candidate = LocalDate.of(today.getYear() / 100 * 100 + yy, month, day);
            return candidate.isAfter(today) ? candidate.minusYears(100) : candidate;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String strip(String field) {
        return field.replace('<', ' ').strip();
    }

    private static String words(String names) {
        return names.replace('<', ' ').strip().replaceAll(" +", " ");
    }

    @Override
    public String toString() {
        return "IdCardMrz[" + documentCode + " " + issuingState + (personalIdNumber == null ? "" : " " + personalIdNumber.masked()) + "]";
    }
}
