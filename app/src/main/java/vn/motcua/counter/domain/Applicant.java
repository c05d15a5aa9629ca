package vn.motcua.counter.domain;

import java.time.LocalDate;
import vn.motcua.counter.domain.identity.PersonalIdNumber;
import vn.motcua.counter.domain.identity.Sex;

/** The person who submits the dossier (người nộp hồ sơ); birth date, sex and contact details are optional. */
public record Applicant(String fullName, PersonalIdNumber idNumber, LocalDate birthDate, Sex sex,
                        String address, String phone, String email) {

    public Applicant {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("the applicant needs a name");
        }
        fullName = fullName.strip().replaceAll("\\s+", " ");
        if (idNumber == null) {
            throw new IllegalArgumentException("the applicant needs an ID number");
        }
    }
}
