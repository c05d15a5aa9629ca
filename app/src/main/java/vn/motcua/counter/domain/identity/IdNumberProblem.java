package vn.motcua.counter.domain.identity;

/** Why a personal ID number was refused or looks inconsistent; each has a message key for the UI bundles. */
public enum IdNumberProblem implements IdentityProblem {
    EMPTY,
    WRONG_LENGTH,
    NOT_DIGITS,
    UNKNOWN_PROVINCE,
    UNKNOWN_CENTURY,
    BIRTH_YEAR_IN_FUTURE,
    BIRTH_YEAR_MISMATCH,
    SEX_MISMATCH;

    @Override
    public String messageKey() {
        return "id.problem." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
