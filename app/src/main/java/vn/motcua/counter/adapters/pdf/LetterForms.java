package vn.motcua.counter.adapters.pdf;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.motcua.counter.application.CounterProfile;
import vn.motcua.counter.application.port.IssuedForm;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.lifecycle.FormKind;
import vn.motcua.counter.domain.lifecycle.SupplementItem;

/**
 * The forms addressed to the applicant about one dossier: 02 (supplement request), 03 (refusal), 04 (apology with a
 * new date) and 05 (stop notice). They share the heading, the "whose dossier, for what" lines and the signature.
 */
final class LetterForms {

    private LetterForms() {
    }

    static byte[] supplementRequest(Dossier dossier, IssuedForm form, List<SupplementItem> items, String reason,
                                    CounterProfile counter) {
        return FormLayout.render(FormKind.SUPPLEMENT_REQUEST.title() + " " + form.number(), counter, form.issuedAt(),
                PDRectangle.A4, c -> {
                    FormLayout f = new FormLayout(c);
                    String you = FormLayout.addressee(dossier.applicant());
                    float y = opening(c, f, FormKind.SUPPLEMENT_REQUEST, "Số: " + form.number(), dossier, form,
                            counter);
                    y = f.paragraph(c, "", "Sau khi xem xét thành phần hồ sơ, đề nghị " + you + " bổ sung, hoàn thiện hồ "
                            + "sơ gồm những nội dung sau:", y + 4);
                    List<String[]> rows = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        SupplementItem item = items.get(i);
                        rows.add(new String[] {String.valueOf(i + 1), item.document(),
                                "%02d".formatted(item.quantity()), item.kind().label()});
                    }
                    y = new PdfTable(c, f.left, new float[] {32, f.width - 32 - 60 - 105, 60, 105},
                            new String[] {"STT", "Giấy tờ cần bổ sung, hoàn thiện", "Số lượng", "Hình thức"}, 11)
                            .draw(y + 2, rows);
                    y = f.paragraph(c, "Lý do:", reason, y);
                    y = f.paragraph(c, "", "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, " + you + " liên hệ với "
                            + form.issuedBy() + ", " + counter.resultPlace() + " - " + counter.agencyName()
                            + " để được hướng dẫn.", y + 4);
                    f.paragraph(c, "", "Xin trân trọng cảm ơn./.", y);
                    f.signature(c, f.rightCentre, y + 40, "NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)",
                            form.issuedBy());
                });
    }

    static byte[] notice(FormKind kind, Dossier dossier, IssuedForm form, String reason, LocalDateTime newAppointment,
                         CounterProfile counter) {
        return FormLayout.render(kind.title() + " " + dossier.code(), counter, form.issuedAt(), PDRectangle.A4, c -> {
            FormLayout f = new FormLayout(c);
            String you = FormLayout.addressee(dossier.applicant());
            float y = opening(c, f, kind, "Số: ......./......", dossier, form, counter);
            switch (kind) {
                case REFUSAL -> {
                    y = f.paragraph(c, "", "Sau khi xem xét, đối chiếu thành phần hồ sơ với quy định hiện hành, hồ "
                            + "sơ của " + you + " không đủ điều kiện để tiếp nhận, giải quyết với lý do sau đây:", y + 4);
                    y = f.paragraph(c, "", reason, y);
                    y = f.paragraph(c, "", "Xin thông báo để " + you + " được biết và thực hiện./.", y + 4);
                }
                case APOLOGY -> {
                    y = f.paragraph(c, "Thời hạn trả kết quả theo quy định:",
                            FormLayout.timeText(dossier.appointmentAt()), y);
                    y = f.paragraph(c, "", "Tuy nhiên, đến nay hồ sơ của " + you + " chưa được giải quyết xong. Lý do:",
                            y + 4);
                    y = f.paragraph(c, "", reason, y);
                    y = f.paragraph(c, "", "Sự chậm trễ này đã gây phiền hà cho " + you + ". " + counter.agencyName()
                            + " xin lỗi " + you + " và hẹn lại thời gian trả kết quả vào lúc:", y + 4);
                    y = f.paragraph(c, "", FormLayout.timeText(newAppointment) + ".", y);
                    y = f.paragraph(c, "", "Xin trân trọng cảm ơn./.", y + 4);
                }
                case STOP_NOTICE -> {
                    y = f.paragraph(c, "", counter.agencyName() + " thông báo dừng giải quyết hồ sơ nêu trên. Lý do:",
                            y + 4);
                    y = f.paragraph(c, "", reason, y);
                    y = f.paragraph(c, "", you + " nhận lại hồ sơ tại " + counter.resultPlace() + ".", y + 4);
                    y = f.paragraph(c, "", "Xin thông báo để " + you + " được biết./.", y);
                }
                default -> throw new IllegalArgumentException(kind + " is not a notice");
            }
            f.signature(c, f.rightCentre, y + 40, kind == FormKind.REFUSAL ? "NGƯỜI TIẾP NHẬN HỒ SƠ"
                    : "THỦ TRƯỞNG CƠ QUAN", kind == FormKind.REFUSAL ? "(Ký và ghi rõ họ tên)"
                    : "(Ký, ghi rõ họ tên và đóng dấu)", kind == FormKind.REFUSAL ? form.issuedBy() : null);
        });
    }

    /** Heading, title and the lines naming the applicant and the dossier; returns the top of the next line. */
    private static float opening(PdfCanvas c, FormLayout f, FormKind kind, String reference, Dossier dossier,
                                 IssuedForm form, CounterProfile counter) throws IOException {
        f.formMark(c, kind.number());
        f.heading(c, counter, reference, form.issuedAt().toLocalDate());
        float y = c.centredLines(c.bold, 14, c.width / 2, 150, f.width - 40, 19,
                kind.title().toUpperCase(Locale.ROOT));
        y = f.applicant(c, dossier.applicant(), "Hồ sơ của Ông/Bà:", "Hồ sơ của tổ chức:", y + 14);
        y = f.paragraph(c, "Địa chỉ:", FormLayout.orDots(dossier.applicant().address()), y);
        y = f.paragraph(c, "Nội dung yêu cầu giải quyết:", dossier.procedureName(), y);
        y = f.paragraph(c, "Mã hồ sơ:", dossier.code().value(), y);
        return f.paragraph(c, "Thời gian tiếp nhận:", FormLayout.timeText(dossier.receivedAt()), y);
    }
}
