package vn.motcua.counter.domain.identity;

/** A personal ID number that cannot be a valid one; {@link #problem()} says why. */
public final class InvalidIdNumberException extends Exception {

    private final IdNumberProblem problem;

    public InvalidIdNumberException(IdNumberProblem problem, String detail) {
        super(problem + ": " + detail);
        this.problem = problem;
    }

    public IdNumberProblem problem() {
        return problem;
    }
}
