package vn.motcua.counter.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dossier code (mã hồ sơ), {@code AGENCYCODE-YYMMDD-NNNN} (Circular 01/2018/TT-VPCP Art. 19): the receiving
 * agency, the reception date, and a 4-digit sequence per agency per day.
 */
public record DossierCode(AgencyCode agency, LocalDate receptionDate, int sequence) {

    public static final int MAX_SEQUENCE = 9999;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final Pattern FORMAT = Pattern.compile("(.+)-(\\d{6})-(\\d{4})");

    public DossierCode {
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence must be 1.." + MAX_SEQUENCE + ": " + sequence);
        }
    }

    public static DossierCode parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a dossier code: " + text);
        }
        LocalDate date = LocalDate.parse("20" + m.group(2), DateTimeFormatter.BASIC_ISO_DATE);
        return new DossierCode(new AgencyCode(m.group(1)), date, Integer.parseInt(m.group(3)));
    }

    public String value() {
        return agency.value() + "-" + receptionDate.format(YYMMDD) + "-" + String.format("%04d", sequence);
    }

    @Override
    public String toString() {
        return value();
    }
}
