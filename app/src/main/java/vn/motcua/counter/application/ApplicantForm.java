package vn.motcua.counter.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.domain.Applicant;
import vn.motcua.counter.domain.identity.ApplicantId;
import vn.motcua.counter.domain.identity.BirthDate;
import vn.motcua.counter.domain.identity.IdKind;
import vn.motcua.counter.domain.identity.IdNumberProblem;
import vn.motcua.counter.domain.identity.ParseResult;
import vn.motcua.counter.domain.identity.PersonalIdNumber;
import vn.motcua.counter.domain.identity.Sex;

/**
 * The applicant as typed, in the window's form or as {@code motcua receive}'s options: one set of checks and messages
 * for both. Text stays as typed; {@link #check()} says what is wrong, {@link #applicant()} builds the applicant once
 * nothing is.
 *
 * @param birthDate {@code dd/MM/yyyy} as the form shows it, or {@code yyyy-MM-dd} ({@link BirthDate}); a date that
 *                  does not exist (31/02) is refused, never moved to another day
 * @param identityOverride why the clerk receives although the ID number disagrees with the birth date or sex
 * @param today     the counter's day: a birth date, or an ID number's birth year, after it is refused
 */
public record ApplicantForm(IdKind kind, String fullName, String idNumber, String idCountry, String representative,
                            String birthDate, Sex sex, String address, String phone, String email,
                            String identityOverride, LocalDate today) {

    /** One thing to fix, as a message key with its arguments. */
    public record Problem(String messageKey, List<Object> arguments) {
    }

    /** The birth date typed, when it is a real date not after today; empty when blank or not one. */
    public Optional<LocalDate> parsedBirthDate() {
        return blank(birthDate) ? Optional.empty() : BirthDate.parse(birthDate, today).result();
    }

    /** Why the typed birth date cannot be used (31/02, month 13, after today…); the same text as {@code id check}. */
    public Optional<Problem> birthDateProblem() {
        if (kind.organisation() || blank(birthDate)) {
            return Optional.empty();
        }
        return BirthDate.parse(birthDate, today).problems().stream().findFirst()
                .map(p -> new Problem(p.messageKey(), List.of(birthDate.strip())));
    }

    public ParseResult<? extends ApplicantId> parsedId() {
        return ApplicantId.parse(kind, idNumber == null ? "" : idNumber, idCountry, today);
    }

    /** What disagrees between a personal ID number and the birth date and sex typed. */
    public List<IdNumberProblem> idInconsistencies() {
        return parsedId().result().filter(PersonalIdNumber.class::isInstance).map(PersonalIdNumber.class::cast)
                .map(number -> number.inconsistencies(parsedBirthDate().orElse(null), sex)).orElse(List.of());
    }

    /** Everything to fix before the dossier can be received, in the form's order; empty when nothing is. */
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        if (blank(fullName)) {
            problems.add(problem(kind.organisation() ? "dossier.missing.organisationName" : "dossier.missing.name"));
        }
        ParseResult<? extends ApplicantId> id = parsedId();
        if (!id.accepted()) {
            id.problems().forEach(p -> problems.add(problem(p.messageKey())));
        }
        birthDateProblem().ifPresent(problems::add);
        if (id.accepted() && !idInconsistencies().isEmpty() && blank(identityOverride)) {
            problems.add(problem("dossier.missing.idOverride"));
        }
        return problems;
    }

    /**
     * The applicant, once {@link #check()} found nothing.
     *
     * @throws IllegalStateException when something is still to fix
     */
    public Applicant applicant() {
        if (!check().isEmpty()) {
            throw new IllegalStateException("the applicant form still has problems");
        }
        boolean organisation = kind.organisation();
        return new Applicant(fullName, parsedId().result().orElseThrow(),
                organisation ? strippedOrNull(representative) : null,
                organisation ? null : parsedBirthDate().orElse(null), organisation ? null : sex,
                strippedOrNull(address), strippedOrNull(phone), strippedOrNull(email));
    }

    /** The override reason to record, when the ID number disagrees; else null. */
    public String overrideToRecord() {
        return idInconsistencies().isEmpty() ? null : strippedOrNull(identityOverride);
    }

    private static Problem problem(String key) {
        return new Problem(key, List.of());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String strippedOrNull(String text) {
        return blank(text) ? null : text.strip();
    }
}
