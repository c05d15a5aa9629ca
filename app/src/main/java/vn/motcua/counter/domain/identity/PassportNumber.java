package vn.motcua.counter.domain.identity;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A passport number with its issuing country (ISO 3166-1 alpha-3 as in the MRZ, e.g. {@code VNM}). Vietnamese
 * passports carry one letter and 7 digits (e.g. {@code C1234567}); other countries' numbers are checked only as
 * 6 to 9 letters or digits, since formats vary.
 */
public record PassportNumber(String number, String issuingCountry) implements ApplicantId {

    public static final String VIETNAM = "VNM";
    /** The shortest number of any country; the longest is 9. */
    public static final int MIN_LENGTH = 6;

    /** ISO alpha-3 codes plus the ICAO codes that are not ISO codes (Germany "D", UN documents, stateless persons). */
    private static final Set<String> COUNTRIES = Stream.concat(
                    Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3).stream(),
                    Stream.of("D", "UNO", "UNA", "UNK", "XXA", "XXB", "XXC", "XXX", "EUE", "GBD", "GBN", "GBO", "GBP", "GBS"))
            .collect(Collectors.toUnmodifiableSet());

    public enum Problem implements IdentityProblem {
        EMPTY,
        MISSING_COUNTRY,
        UNKNOWN_COUNTRY,
        BAD_VIETNAMESE_FORMAT,
        BAD_FORMAT;

        @Override
        public String messageKey() {
            return IdentityProblem.key("passport", this);
        }
    }

    /** Reads a number as typed (spaces ignored, any case) for the given issuing country. */
    public static ParseResult<PassportNumber> parse(String number, String issuingCountry) {
        if (number == null || number.isBlank()) {
            return ParseResult.rejected(Problem.EMPTY);
        }
        if (issuingCountry == null || issuingCountry.isBlank()) {
            return ParseResult.rejected(Problem.MISSING_COUNTRY);
        }
        String country = issuingCountry.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            return ParseResult.rejected(Problem.UNKNOWN_COUNTRY);
        }
        String compact = number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (country.equals(VIETNAM)) {
            return compact.matches("[A-Z]\\d{7}")
                    ? ParseResult.ok(new PassportNumber(compact, country))
                    : ParseResult.rejected(Problem.BAD_VIETNAMESE_FORMAT);
        }
        return compact.matches("[A-Z0-9]{" + MIN_LENGTH + ",9}")
                ? ParseResult.ok(new PassportNumber(compact, country))
                : ParseResult.rejected(Problem.BAD_FORMAT);
    }

    @Override
    public IdKind kind() {
        return IdKind.PASSPORT;
    }

    @Override
    public String value() {
        return number;
    }

    /** The last three characters only: a passport number is personal data. */
    @Override
    public String masked() {
        return "*".repeat(number.length() - 3) + number.substring(number.length() - 3);
    }

    @Override
    public String toString() {
        return masked() + " (" + issuingCountry + ")";
    }

    public boolean vietnamese() {
        return VIETNAM.equals(issuingCountry);
    }
}
