package vn.motcua.counter.adapters.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.motcua.counter.application.CounterProfile;
import vn.motcua.counter.domain.Applicant;
import vn.motcua.counter.domain.identity.PassportNumber;

/**
 * What every counter form shares: the two-column heading (issuing body left, national motto right), the signature
 * blocks, the date phrases, and writing the document with its metadata.
 */
final class FormLayout {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final float BODY = 12f;
    static final float LEADING = 17f;
    static final String DOTS = "........................";
    private static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    final float left;
    final float right;
    final float width;
    final float leftCentre;
    final float rightCentre;

    FormLayout(PdfCanvas c) {
        left = PdfCanvas.MARGIN_LEFT;
        right = c.width - PdfCanvas.MARGIN_RIGHT;
        width = right - left;
        leftCentre = left + 105;
        rightCentre = right - 130;
    }

    @FunctionalInterface
    interface Drawing {
        void draw(PdfCanvas canvas) throws IOException;
    }

    /** Writes a form of {@code size} pages drawn by {@code drawing}, with title, author and creation time. */
    static byte[] render(String title, CounterProfile counter, LocalDateTime at, PDRectangle size, Drawing drawing) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(counter.agencyName());
            info.setCreator("Motcua Counter");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone(VIETNAM));
            created.setTimeInMillis(at.atZone(VIETNAM).toInstant().toEpochMilli());
            info.setCreationDate(created);
            try (PdfCanvas canvas = new PdfCanvas(document, size)) {
                drawing.draw(canvas);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + title, e);
        }
    }

    /**
     * The heading: agency and "Bộ phận tiếp nhận và trả kết quả" with {@code reference} (the dossier code or the
     * form's number) below on the left; the national motto and the place-less date on the right.
     */
    void heading(PdfCanvas c, CounterProfile counter, String reference, LocalDate date) throws IOException {
        agencyName(c, counter.agencyName().toUpperCase(Locale.ROOT),
                2 * (rightCentre - c.textWidth(c.bold, 11, NATION) / 2 - 12 - leftCentre));
        c.centred(c.bold, 11, leftCentre, 74, "BỘ PHẬN TIẾP NHẬN VÀ");
        c.centred(c.bold, 11, leftCentre, 88, "TRẢ KẾT QUẢ");
        c.line(leftCentre - 30, 92, leftCentre + 30, 92, 0.6f);
        c.centred(c.bold, 11, rightCentre, 60, NATION);
        c.centred(c.bold, 12, rightCentre, 75, "Độc lập - Tự do - Hạnh phúc");
        float mottoHalf = c.textWidth(c.bold, 12, "Độc lập - Tự do - Hạnh phúc") / 2;
        c.line(rightCentre - mottoHalf, 79, rightCentre + mottoHalf, 79, 0.6f);
        c.centred(c.regular, 11, leftCentre, 106, reference);
        c.centred(c.italic, 12, rightCentre, 100, dateText(date));
    }

    /**
     * The agency's name in capitals, kept clear of the national motto: a long one (a ward "…, Thành phố Hồ Chí Minh")
     * goes over two lines, split after its last comma or else at the space nearest the middle, and only then smaller.
     */
    private void agencyName(PdfCanvas c, String name, float room) throws IOException {
        if (c.textWidth(c.regular, 11, name) <= room) {
            c.centred(c.regular, 11, leftCentre, 60, name);
            return;
        }
        int split = name.lastIndexOf(", ") + 1;
        if (split == 0) {
            int middle = name.length() / 2;
            int before = name.lastIndexOf(' ', middle);
            int after = name.indexOf(' ', middle);
            split = after < 0 || (before >= 0 && middle - before <= after - middle) ? before : after;
        }
        String first = name.substring(0, Math.max(split, 0)).strip();
        String second = name.substring(Math.max(split, 0)).strip();
        float widest = Math.max(c.textWidth(c.regular, 11, first), c.textWidth(c.regular, 11, second));
        float size = Math.min(11, 11 * room / widest);
        c.centred(c.regular, size, leftCentre, 47, first);
        c.centred(c.regular, size, leftCentre, 60, second);
    }

    /** "Mẫu số 02" in the top right corner, as the circular's appendix prints it. */
    void formMark(PdfCanvas c, String formNumber) throws IOException {
        c.rightAligned(c.italic, 10, right, 32, "Mẫu số " + formNumber);
    }

    /** A signature block: title in capitals, the hint in italics, room to sign, then the printed name (if known). */
    void signature(PdfCanvas c, float centre, float top, String title, String hint, String name) throws IOException {
        c.centred(c.bold, 12, centre, top, title);
        c.centred(c.italic, 11, centre, top + 15, hint);
        if (name != null) {
            c.centred(c.regular, 12, centre, top + 90, name);
        }
    }

    /** The body paragraph helper with the form's body size and leading. */
    float paragraph(PdfCanvas c, String label, String text, float top) throws IOException {
        return c.paragraph(label, text, left, top, width, BODY, LEADING);
    }

    /**
     * The applicant's lines: the name after {@code personLabel} or {@code organisationLabel}, the number under its
     * own label (a passport with its issuing country), and an organisation's representative when named.
     */
    float applicant(PdfCanvas c, Applicant a, String personLabel, String organisationLabel, float top)
            throws IOException {
        float y = paragraph(c, a.organisation() ? organisationLabel : personLabel, a.fullName(), top);
        String country = a.idNumber() instanceof PassportNumber passport
                ? ", nước cấp: " + passport.issuingCountry() : "";
        y = paragraph(c, a.idNumber().kind().formLabel() + ":", a.idNumber().value() + country, y);
        return a.representative() == null ? y : paragraph(c, "Người đại diện:", a.representative(), y);
    }

    /** How a letter speaks to the applicant: "Ông/Bà" to a person, "Quý tổ chức" to an organisation. */
    static String addressee(Applicant a) {
        return a.organisation() ? "Quý tổ chức" : "Ông/Bà";
    }

    /** Who signs for the applicant: the person, or whoever represents the organisation (a blank line if unnamed). */
    static String signer(Applicant a) {
        return a.organisation() ? a.representative() : a.fullName();
    }

    static String dateText(LocalDate d) {
        return "ngày %02d tháng %02d năm %d".formatted(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    static String timeText(LocalDateTime t) {
        return "%02d giờ %02d phút, ngày %02d/%02d/%d".formatted(t.getHour(), t.getMinute(), t.getDayOfMonth(),
                t.getMonthValue(), t.getYear());
    }

    static String shortTime(LocalDateTime t) {
        return t == null ? "" : "%02d:%02d %02d/%02d/%d".formatted(t.getHour(), t.getMinute(), t.getDayOfMonth(),
                t.getMonthValue(), t.getYear());
    }

    static String orDots(String value) {
        return value == null || value.isBlank() ? DOTS : value;
    }
}
