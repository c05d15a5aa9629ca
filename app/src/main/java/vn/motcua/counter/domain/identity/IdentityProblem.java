package vn.motcua.counter.domain.identity;

/** Something wrong with an identity document or number; the UI shows {@link #messageKey()} in the clerk's language. */
public interface IdentityProblem {

    String messageKey();

    /** The key convention of the problem enums: {@code prefix.problem.constant_in_lower_case}. */
    static String key(String prefix, Enum<?> problem) {
        return prefix + ".problem." + problem.name().toLowerCase(java.util.Locale.ROOT);
    }
}
