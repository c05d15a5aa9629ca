package vn.motcua.counter.domain.identity;

/**
 * A tax code (mã số thuế, MST) of an organisation: 10 digits (2-digit province, 7-digit sequence, 1 check digit) or,
 * for a dependent unit or branch, the parent's 10 digits plus a 3-digit suffix written {@code 0123456789-001}.
 * Check digit: the first nine digits weighted 31, 29, 23, 19, 17, 13, 7, 5, 3; the check digit is 10 − (sum mod 11),
 * and a number whose sum is divisible by 11 is never issued. Source: python-stdnum {@code stdnum/vn/mst.py}
 * (Leandro Regueiro, 2020, citing vi.wikipedia "Thuế Việt Nam" and easyinvoice.vn/ma-so-thue/), whose doctest
 * {@code 0100233488} is valid and {@code 0100233480} is not; other public validators use the same weights.
 *
 * @param branch the 3-digit suffix, or empty for a main unit
 */
public record TaxCode(String base, String branch) implements ApplicantId {

    /** Digits of a main unit's code; a branch adds three. */
    public static final int BASE_LENGTH = 10;

    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    public enum Problem implements IdentityProblem {
        EMPTY,
        NOT_DIGITS,
        WRONG_LENGTH,
        ZERO_SEQUENCE,
        ZERO_BRANCH,
        BAD_CHECK_DIGIT;

        @Override
        public String messageKey() {
            return IdentityProblem.key("taxcode", this);
        }
    }

    public TaxCode {
        if (base == null || !base.matches("\\d{10}") || branch == null || !branch.matches("(\\d{3})?")) {
            throw new IllegalArgumentException("not a tax code");
        }
    }

    /** Reads a tax code as typed: spaces and dots are ignored, the branch may follow a dash or not. */
    public static ParseResult<TaxCode> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return ParseResult.rejected(Problem.EMPTY);
        }
        String compact = raw.strip().replaceAll("[\\s.]", "");
        String digits = compact.matches("\\d{10}-\\d{3}") ? compact.replace("-", "") : compact;
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return ParseResult.rejected(Problem.NOT_DIGITS);
        }
        if (digits.length() != 10 && digits.length() != 13) {
            return ParseResult.rejected(Problem.WRONG_LENGTH);
        }
        if (digits.substring(2, 9).equals("0000000")) {
            return ParseResult.rejected(Problem.ZERO_SEQUENCE);
        }
        if (digits.length() == 13 && digits.endsWith("000")) {
            return ParseResult.rejected(Problem.ZERO_BRANCH);
        }
        int expected = checkDigit(digits.substring(0, 9));
        if (expected != digits.charAt(9) - '0') {
            return ParseResult.rejected(Problem.BAD_CHECK_DIGIT);
        }
        return ParseResult.ok(new TaxCode(digits.substring(0, 10), digits.substring(10)));
    }

    /** The check digit of nine digits, or 10 when no digit can complete them. */
    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (nineDigits.charAt(i) - '0');
        }
        return 10 - sum % 11;
    }

    public boolean isBranch() {
        return !branch.isEmpty();
    }

    /** The 2-digit code of the province where the organisation registered. */
    public String provinceCode() {
        return base.substring(0, 2);
    }

    @Override
    public IdKind kind() {
        return IdKind.TAX_CODE;
    }

    /** As printed on the organisation's papers: {@code 0123456789} or {@code 0123456789-001}. */
    @Override
    public String value() {
        return isBranch() ? base + "-" + branch : base;
    }

    /** An organisation's tax code is public (the tax authority publishes it), so nothing is hidden. */
    @Override
    public String masked() {
        return value();
    }

    @Override
    public String toString() {
        return value();
    }
}
