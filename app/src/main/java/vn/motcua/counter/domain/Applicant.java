package vn.motcua.counter.domain;

import java.time.LocalDate;
import java.util.List;
import vn.motcua.counter.domain.identity.ApplicantId;
import vn.motcua.counter.domain.identity.IdNumberProblem;
import vn.motcua.counter.domain.identity.PersonalIdNumber;
import vn.motcua.counter.domain.identity.Sex;

/**
 * Who submits the dossier (người nộp hồ sơ): a citizen by personal ID number, a foreigner by passport, or an
 * organisation by tax code. An organisation has no birth date or sex; the person who brings its dossier to the
 * counter (người đại diện) may be named as {@code representative}. Everything after the number is optional.
 */
public record Applicant(String fullName, ApplicantId idNumber, String representative, LocalDate birthDate, Sex sex,
                        String address, String phone, String email) {

    public Applicant {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("the applicant needs a name");
        }
        fullName = fullName.strip().replaceAll("\\s+", " ");
        if (idNumber == null) {
            throw new IllegalArgumentException("the applicant needs an ID number");
        }
        boolean organisation = idNumber.kind().organisation();
        if (organisation && (birthDate != null || sex != null)) {
            throw new IllegalArgumentException("an organisation has no birth date or sex");
        }
        if (!organisation && representative != null) {
            throw new IllegalArgumentException("only an organisation has a representative");
        }
        representative = representative == null || representative.isBlank() ? null
                : representative.strip().replaceAll("\\s+", " ");
    }

    /** A person identified without a representative, the usual case at the counter. */
    public Applicant(String fullName, ApplicantId idNumber, LocalDate birthDate, Sex sex, String address, String phone,
                     String email) {
        this(fullName, idNumber, null, birthDate, sex, address, phone, email);
    }

    public boolean organisation() {
        return idNumber.kind().organisation();
    }

    /** What disagrees between a personal ID number and the stated birth date and sex; other kinds carry neither. */
    public List<IdNumberProblem> idInconsistencies() {
        return idNumber instanceof PersonalIdNumber number ? number.inconsistencies(birthDate, sex) : List.of();
    }
}
