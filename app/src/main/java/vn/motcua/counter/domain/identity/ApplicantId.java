package vn.motcua.counter.domain.identity;

/**
 * The number that identifies an applicant, of one of the {@link IdKind}s. {@link #value()} is the number as stored,
 * searched and printed; {@link #masked()} is what logs may show.
 */
public sealed interface ApplicantId permits PersonalIdNumber, PassportNumber, TaxCode {

    IdKind kind();

    String value();

    String masked();

    /**
     * Reads a number typed for {@code kind} on {@code today}; {@code issuingCountry} (ISO alpha-3) is read for passports
     * only. Birth date and sex consistency is the personal ID number's own check ({@link PersonalIdNumber#inconsistencies}).
     */
    static ParseResult<? extends ApplicantId> parse(IdKind kind, String number, String issuingCountry,
                                                    java.time.LocalDate today) {
        return switch (kind) {
            case PERSONAL_ID -> PersonalIdNumber.check(number, today);
            case PASSPORT -> PassportNumber.parse(number, issuingCountry);
            case TAX_CODE -> TaxCode.parse(number);
        };
    }

    /** Rebuilds a stored {@link #value()}, checked when it was received, without checking it again. */
    static ApplicantId stored(IdKind kind, String value, String issuingCountry) {
        return switch (kind) {
            case PERSONAL_ID -> new PersonalIdNumber(value);
            case PASSPORT -> new PassportNumber(value, issuingCountry);
            case TAX_CODE -> new TaxCode(value.substring(0, 10), value.length() > 10 ? value.substring(11) : "");
        };
    }
}
