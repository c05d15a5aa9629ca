package vn.motcua.counter.domain.identity;

/** TD1 lines of a Vietnamese card with the check digits the domain computes, for tests that render a card. */
public final class MrzCards {

    private MrzCards() {
    }

    /** {@code birth} and {@code expiry} as YYMMDD, {@code names} as {@code SURNAME<<GIVEN<NAMES}. */
    public static String vietnamese(String idNumber, String birth, char sex, String expiry, String names) {
        String docNumber = idNumber.substring(3);
        String line1 = "IDVNM" + docNumber + MrzCheckDigit.of(docNumber) + idNumber + "<<"
                + MrzCheckDigit.of(idNumber);
        String line2 = birth + MrzCheckDigit.of(birth) + sex + expiry + MrzCheckDigit.of(expiry) + "VNM"
                + "<".repeat(11);
        String composite = line1.substring(5) + line2.substring(0, 7) + line2.substring(8, 15) + line2.substring(18);
        return line1 + "\n" + line2 + MrzCheckDigit.of(composite) + "\n" + (names + "<".repeat(30)).substring(0, 30);
    }
}
