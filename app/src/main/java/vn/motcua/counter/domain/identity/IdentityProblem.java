package vn.motcua.counter.domain.identity;

/** Something wrong with an identity document or number; the UI shows {@link #messageKey()} in the clerk's language. */
public interface IdentityProblem {

    String messageKey();
}
