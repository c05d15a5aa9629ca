package vn.motcua.counter.domain.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The 12-digit personal identification number (số định danh cá nhân, printed on the CCCD / căn cước card):
 * 3 digits of the birth-registration province, 1 century-and-sex digit, 2 digits of the birth year and 6 random
 * digits. It has no check digit, so validation is structure plus consistency with the stated birth date and sex.
 */
public record PersonalIdNumber(String value) implements ApplicantId {

    public static final int LENGTH = 12;

    public PersonalIdNumber {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a 12-digit number");
        }
    }

    /** Reads a number as typed (spaces and dots allowed between digit groups) and checks its structure. */
    public static PersonalIdNumber parse(String raw) throws InvalidIdNumberException {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdNumberException(IdNumberProblem.EMPTY, "no number given");
        }
        String digits = raw.strip().replaceAll("[\\s.]", "");
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw new InvalidIdNumberException(IdNumberProblem.NOT_DIGITS, "contains characters other than digits");
        }
        if (digits.length() != LENGTH) {
            throw new InvalidIdNumberException(IdNumberProblem.WRONG_LENGTH, digits.length() + " digits instead of 12");
        }
        if (BirthProvinces.name(digits.substring(0, 3)).isEmpty()) {
            throw new InvalidIdNumberException(IdNumberProblem.UNKNOWN_PROVINCE, "province code " + digits.substring(0, 3));
        }
        if (digits.charAt(3) > '5') {
            throw new InvalidIdNumberException(IdNumberProblem.UNKNOWN_CENTURY, "century digit " + digits.charAt(3));
        }
        return new PersonalIdNumber(digits);
    }

    /** Like {@link #parse(String)}, as a result value instead of an exception. */
    public static ParseResult<PersonalIdNumber> check(String raw) {
        try {
            return ParseResult.ok(parse(raw));
        } catch (InvalidIdNumberException e) {
            return ParseResult.rejected(e.problem());
        }
    }

    /**
     * {@link #check(String)}, also refusing a number whose birth year (century digit and two year digits) is after
     * {@code today}'s year: nobody can hold it yet, so it is a typing mistake.
     */
    public static ParseResult<PersonalIdNumber> check(String raw, LocalDate today) {
        ParseResult<PersonalIdNumber> structure = check(raw);
        return structure instanceof ParseResult.Ok<PersonalIdNumber> ok && ok.value().birthYear() > today.getYear()
                ? ParseResult.rejected(IdNumberProblem.BIRTH_YEAR_IN_FUTURE)
                : structure;
    }

    /** {@link #check(String, LocalDate)} and then {@link #inconsistencies} as warnings; either stated value may be null. */
    public static ParseResult<PersonalIdNumber> check(String raw, LocalDate birthDate, Sex statedSex, LocalDate today) {
        ParseResult<PersonalIdNumber> checked = check(raw, today);
        return checked instanceof ParseResult.Ok<PersonalIdNumber> ok
                ? ParseResult.ok(ok.value(), ok.value().inconsistencies(birthDate, statedSex))
                : checked;
    }

    @Override
    public IdKind kind() {
        return IdKind.PERSONAL_ID;
    }

    public String provinceCode() {
        return value.substring(0, 3);
    }

    public String provinceName() {
        return BirthProvinces.name(provinceCode()).orElseThrow();
    }

    /** 0/1: born in the 1900s, 2/3: 2000s, 4/5: 2100s; even digits are male, odd female. */
    public Sex sex() {
        return (value.charAt(3) - '0') % 2 == 0 ? Sex.MALE : Sex.FEMALE;
    }

    public int birthYear() {
        int centuryDigit = value.charAt(3) - '0';
        return 1900 + (centuryDigit / 2) * 100 + Integer.parseInt(value.substring(4, 6));
    }

    /**
     * What disagrees between the number and the applicant's stated birth date and sex; empty when consistent.
     * Either argument may be null when not stated.
     */
    public List<IdNumberProblem> inconsistencies(LocalDate birthDate, Sex statedSex) {
        List<IdNumberProblem> problems = new ArrayList<>(2);
        if (birthDate != null && birthDate.getYear() != birthYear()) {
            problems.add(IdNumberProblem.BIRTH_YEAR_MISMATCH);
        }
        if (statedSex != null && statedSex != sex()) {
            problems.add(IdNumberProblem.SEX_MISMATCH);
        }
        return List.copyOf(problems);
    }

    /** The number with the middle digits hidden, for logs and lists that must not carry personal data. */
    @Override
    public String masked() {
        return value.substring(0, 3) + "******" + value.substring(9);
    }

    @Override
    public String toString() {
        return masked();
    }
}
