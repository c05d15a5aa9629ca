package vn.motcua.counter.domain.identity;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The QR code on the chip ID card (CCCD / thẻ căn cước), as a USB 2D reader types it:
 * {@code ID|old 9-digit ID (may be empty)|full name|ddMMyyyy birth|Nam/Nữ|address|ddMMyyyy issue}. Some cards carry
 * fewer fields and newer ones more; missing fields are null, extra fields are kept in {@link #extraFields()}.
 * {@code toString} hides the personal data so that the value can be logged.
 */
public record CardQrCode(PersonalIdNumber idNumber, String oldIdNumber, String fullName, LocalDate birthDate, Sex sex,
                         String address, LocalDate issueDate, List<String> extraFields) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("ddMMuuuu").withResolverStyle(ResolverStyle.STRICT);

    public enum Problem implements IdentityProblem {
        EMPTY,
        NOT_A_CARD_QR,
        BAD_OLD_ID_NUMBER,
        BAD_BIRTH_DATE,
        BAD_SEX,
        BAD_ISSUE_DATE;

        @Override
        public String messageKey() {
            return IdentityProblem.key("qr", this);
        }
    }

    public CardQrCode {
        extraFields = List.copyOf(extraFields);
    }

    /**
     * Reads the scanned text. Rejected only when no valid 12-digit ID number leads it; unreadable later fields are
     * null with a warning, and a birth date or sex that disagrees with the ID number is a warning too.
     */
    public static ParseResult<CardQrCode> parse(String scanned) {
        String text = clean(scanned);
        if (text.isEmpty()) {
            return ParseResult.rejected(Problem.EMPTY);
        }
        String[] fields = text.split("\\|", -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].strip().replaceAll("\\s+", " ");
        }
        if (!fields[0].matches("\\d{12}")) {
            return ParseResult.rejected(Problem.NOT_A_CARD_QR);
        }
        ParseResult<PersonalIdNumber> id = PersonalIdNumber.check(fields[0]);
        if (!(id instanceof ParseResult.Ok<PersonalIdNumber> okId)) {
            return ParseResult.rejected(id.problems());
        }
        List<IdentityProblem> warnings = new ArrayList<>();
        String oldId = field(fields, 1);
        if (oldId != null && !oldId.matches("\\d{9}|\\d{12}")) {
            warnings.add(Problem.BAD_OLD_ID_NUMBER);
            oldId = null;
        }
        LocalDate birth = date(field(fields, 3), Problem.BAD_BIRTH_DATE, warnings);
        Sex sex = sex(field(fields, 4), warnings);
        LocalDate issued = date(field(fields, 6), Problem.BAD_ISSUE_DATE, warnings);
        warnings.addAll(okId.value().inconsistencies(birth, sex));
        List<String> extra = fields.length > 7 ? Arrays.asList(fields).subList(7, fields.length) : List.of();
        return ParseResult.ok(new CardQrCode(okId.value(), oldId, field(fields, 2), birth, sex, field(fields, 5), issued,
                extra.stream().filter(s -> !s.isEmpty()).toList()), warnings);
    }

    /**
     * Removes what keyboard-wedge readers add around the data: an AIM symbology prefix ({@code ]Q1}), control and
     * invisible characters (CR, LF, TAB, NUL, BOM, zero-width), and normalises Vietnamese letters to NFC.
     */
    static String clean(String scanned) {
        if (scanned == null) {
            return "";
        }
        String text = Normalizer.normalize(scanned, Normalizer.Form.NFC)
                .replace('¦', '|')
                .replaceAll("[\\p{Cc}\\p{Cf}]", "")
                .strip();
        if (text.matches("(?s)^\\][A-Za-z]\\d.*")) {
            text = text.substring(3);
        }
        return text.strip();
    }

    private static String field(String[] fields, int index) {
        return index < fields.length && !fields[index].isEmpty() ? fields[index] : null;
    }

    private static LocalDate date(String value, Problem problem, List<IdentityProblem> warnings) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            warnings.add(problem);
            return null;
        }
    }

    private static Sex sex(String value, List<IdentityProblem> warnings) {
        if (value == null) {
            return null;
        }
        String folded = value.toLowerCase(Locale.ROOT);
        return switch (folded) {
            case "nam" -> Sex.MALE;
            case "nữ", "nu" -> Sex.FEMALE;
            default -> {
                warnings.add(Problem.BAD_SEX);
                yield null;
            }
        };
    }

    @Override
    public String toString() {
        return "CardQrCode[" + idNumber.masked() + "]";
    }
}
