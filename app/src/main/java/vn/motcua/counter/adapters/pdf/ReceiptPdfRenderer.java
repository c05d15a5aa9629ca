package vn.motcua.counter.adapters.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Map;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.motcua.counter.application.CounterProfile;
import vn.motcua.counter.application.port.ReceiptRenderer;
import vn.motcua.counter.domain.Applicant;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.lifecycle.FormKind;

/**
 * Form 01 of Circular 03/2025/TT-VPCP (following Circular 01/2018): the receipt and appointment slip handed to the
 * applicant, with the dossier code also as a QR code so the return counter can scan it.
 */
public final class ReceiptPdfRenderer implements ReceiptRenderer {

    private static final float BODY = FormLayout.BODY;
    private static final float LEADING = FormLayout.LEADING;

    @Override
    public byte[] render(Dossier dossier, CounterProfile counter) {
        return FormLayout.render("Giấy tiếp nhận hồ sơ và hẹn trả kết quả " + dossier.code(), counter,
                dossier.receivedAt(), PDRectangle.A4, c -> draw(c, dossier, counter));
    }

    private static void draw(PdfCanvas c, Dossier dossier, CounterProfile counter) throws IOException {
        FormLayout form = new FormLayout(c);
        float left = form.left;
        float right = form.right;
        LocalDateTime at = dossier.receivedAt();
        form.formMark(c, FormKind.RECEIPT.number());
        form.heading(c, counter, "Mã hồ sơ: " + dossier.code().value(), at.toLocalDate());
        drawQr(c, dossier.code().value(), right - 62, 112, 62);

        c.centred(c.bold, 14, c.width / 2, 200, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");

        float width = form.width;
        float y = 230;
        y = c.paragraph("", counter.agencyName() + " - Bộ phận tiếp nhận và trả kết quả tiếp nhận hồ sơ của:",
                left, y, width, BODY, LEADING);
        Applicant a = dossier.applicant();
        y = form.applicant(c, a, "Ông/Bà:", "Tổ chức:", y);
        y = c.paragraph("Địa chỉ:", orDots(a.address()), left, y, width, BODY, LEADING);
        y = c.paragraph("Số điện thoại:", orDots(a.phone()), left, y, width, BODY, LEADING);
        y = c.paragraph("Email:", orDots(a.email()), left, y, width, BODY, LEADING);
        y = c.paragraph("Nội dung yêu cầu giải quyết:", dossier.procedureName(), left, y, width, BODY, LEADING);

        y = c.paragraph("1. Thành phần hồ sơ nộp gồm:", "", left, y + 4, width, BODY, LEADING);
        y = componentTable(c, dossier, left, y, width);

        y = c.paragraph("2. Số lượng hồ sơ:", "01 (bộ)", left, y + 6, width, BODY, LEADING);
        y = c.paragraph("3. Thời gian giải quyết hồ sơ theo quy định là:", limitText(dossier), left, y, width, BODY,
                LEADING);
        y = c.paragraph("4. Thời gian nhận hồ sơ:", timeText(at), left, y, width, BODY, LEADING);
        y = c.paragraph("5. Thời gian trả kết quả giải quyết hồ sơ:", timeText(dossier.appointmentAt()), left, y,
                width, BODY, LEADING);
        y = c.paragraph("6. Đăng ký nhận kết quả tại:", counter.resultPlace(), left, y, width, BODY, LEADING);
        y = c.paragraph("", "Vào Sổ theo dõi hồ sơ, Quyển số: ......, Số thứ tự: " + dossier.code().sequence(),
                left, y + 4, width, BODY, LEADING);

        float signTop = y + 24;
        form.signature(c, form.leftCentre, signTop, "NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", FormLayout.signer(a));
        form.signature(c, form.rightCentre, signTop, "NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)",
                dossier.receivedBy());
    }

    /**
     * Numbered components handed in, with original/copy counts and the pages captured from each; the procedure's
     * other components were not handed in and are not on the receipt.
     */
    private static float componentTable(PdfCanvas c, Dossier dossier, float left, float top, float width)
            throws IOException {
        float[] columns = {left, left + 32, left + width - 165, left + width - 110, left + width - 55, left + width};
        String[] heads = {"STT", "Tên giấy tờ", "Bản chính", "Bản sao", "Số trang"};
        float size = 11f;
        float leading = 14f;
        float y = top;
        c.line(columns[0], y - 11, columns[5], y - 11, 0.6f);
        for (int i = 0; i < heads.length; i++) {
            c.centred(c.bold, size, (columns[i] + columns[i + 1]) / 2, y + 2, heads[i]);
        }
        y += leading;
        c.line(columns[0], y - 9, columns[5], y - 9, 0.6f);
        int number = 0;
        for (Document document : dossier.handedIn()) {
            number++;
            var lines = c.wrap(document.component().name(), columns[2] - columns[1] - 8, columns[2] - columns[1] - 8,
                    size);
            c.centred(c.regular, size, (columns[0] + columns[1]) / 2, y + 2, String.valueOf(number));
            for (int i = 0; i < lines.size(); i++) {
                c.text(c.regular, size, columns[1] + 4, y + 2 + i * leading, lines.get(i));
            }
            c.centred(c.regular, size, (columns[2] + columns[3]) / 2, y + 2, count(document.component().originals()));
            c.centred(c.regular, size, (columns[3] + columns[4]) / 2, y + 2, count(document.component().copies()));
            c.centred(c.regular, size, (columns[4] + columns[5]) / 2, y + 2, String.valueOf(document.pages().size()));
            y += lines.size() * leading + 4;
            c.line(columns[0], y - 9, columns[5], y - 9, 0.4f);
        }
        for (float x : columns) {
            c.line(x, top - 11, x, y - 9, 0.6f);
        }
        return y + 6;
    }

    private static void drawQr(PdfCanvas c, String text, float x, float top, float side) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalStateException("a dossier code always fits a QR code", e);
        }
        float module = side / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    c.filledSquare(x + col * module, top + row * module, module);
                }
            }
        }
        c.fill();
    }

    private static String limitText(Dossier dossier) {
        var limit = dossier.processingTime();
        if (limit.inHours()) {
            return "%02d giờ làm việc".formatted(limit.workingHours());
        }
        return limit.sameDay() ? "trong ngày làm việc" : "%02d ngày làm việc".formatted(limit.workingDays());
    }

    private static String timeText(LocalDateTime t) {
        return FormLayout.timeText(t);
    }

    private static String count(Integer n) {
        return n == null ? "" : String.valueOf(n);
    }

    private static String orDots(String value) {
        return FormLayout.orDots(value);
    }
}
