package vn.motcua.counter.domain.identity;

import java.util.List;
import java.util.Optional;

/**
 * What a parser made of the clerk's input: a value (possibly with warnings that do not make it unusable, such as a
 * birth year that disagrees with the ID number) or the problems that make it unusable. Parsers return this instead of
 * throwing for bad input.
 */
public sealed interface ParseResult<T> permits ParseResult.Ok, ParseResult.Rejected {

    /** The value, empty when rejected. */
    Optional<T> result();

    /** Warnings of an accepted value, or why it was rejected. */
    List<IdentityProblem> problems();

    default boolean accepted() {
        return this instanceof Ok<T>;
    }

    static <T> ParseResult<T> ok(T value, List<? extends IdentityProblem> warnings) {
        return new Ok<>(value, List.copyOf(warnings));
    }

    static <T> ParseResult<T> ok(T value) {
        return new Ok<>(value, List.of());
    }

    static <T> ParseResult<T> rejected(List<? extends IdentityProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        return new Rejected<>(List.copyOf(problems));
    }

    static <T> ParseResult<T> rejected(IdentityProblem problem) {
        return new Rejected<>(List.of(problem));
    }

    record Ok<T>(T value, List<IdentityProblem> problems) implements ParseResult<T> {
        @Override
        public Optional<T> result() {
            return Optional.of(value);
        }
    }

    record Rejected<T>(List<IdentityProblem> problems) implements ParseResult<T> {
        @Override
        public Optional<T> result() {
            return Optional.empty();
        }
    }
}
