package vn.motcua.counter.domain.signing;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The visible text of an agency's signature on an electronic copy (Decree 30/2020 Appendix I): the kind of copy, the
 * agency that made it, and the signing time in ISO 8601 with Vietnam's offset, at the top right of the first page.
 */
public record SignatureStamp(CopyKind kind, String agency, ZonedDateTime signedAt) {

    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    public SignatureStamp {
        Objects.requireNonNull(kind, "kind");
        if (agency == null || agency.isBlank()) {
            throw new IllegalArgumentException("the signing agency is named on every copy");
        }
        signedAt = signedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The signing time as the stamp prints it, e.g. {@code 2026-12-04T09:15:02+07:00}. */
    public String time() {
        return ISO_SECONDS.format(signedAt.withZoneSameInstant(VIETNAM));
    }

    /** The stamp's lines, top to bottom. */
    public List<String> lines() {
        return List.of(kind.wording(), agency.strip(), time());
    }
}
