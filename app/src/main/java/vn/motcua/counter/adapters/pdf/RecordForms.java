package vn.motcua.counter.adapters.pdf;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.motcua.counter.application.CounterProfile;
import vn.motcua.counter.application.port.DossierProgress;
import vn.motcua.counter.application.port.Handover;
import vn.motcua.counter.application.port.IssuedForm;
import vn.motcua.counter.application.port.TrackingBookEntry;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.lifecycle.FormKind;
import vn.motcua.counter.domain.lifecycle.Timeliness;

/** The counter's records: the control slip of one dossier (06) and the tracking book of a period (07). */
final class RecordForms {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private RecordForms() {
    }

    static byte[] controlSlip(Dossier dossier, DossierProgress progress, IssuedForm form, CounterProfile counter) {
        return FormLayout.render(FormKind.CONTROL_SLIP.title() + " " + dossier.code(), counter, form.issuedAt(),
                PDRectangle.A4, c -> {
                    FormLayout f = new FormLayout(c);
                    f.formMark(c, FormKind.CONTROL_SLIP.number());
                    f.heading(c, counter, "Mã hồ sơ: " + dossier.code().value(), form.issuedAt().toLocalDate());
                    float y = c.centredLines(c.bold, 14, c.width / 2, 150, f.width, 19,
                            FormKind.CONTROL_SLIP.title().toUpperCase(Locale.ROOT));
                    y = f.applicant(c, dossier.applicant(), "Kèm theo hồ sơ của Ông/Bà:", "Kèm theo hồ sơ của tổ chức:",
                            y + 14);
                    y = f.paragraph(c, "Nội dung yêu cầu giải quyết:", dossier.procedureName(), y);
                    y = f.paragraph(c, "Thời gian nhận hồ sơ:", FormLayout.timeText(dossier.receivedAt()), y);
                    y = f.paragraph(c, "Thời gian trả kết quả:", FormLayout.timeText(dossier.appointmentAt()), y);
                    if (progress.extendedAppointmentAt() != null) {
                        y = f.paragraph(c, "Hẹn lại (văn bản xin lỗi):",
                                FormLayout.timeText(progress.extendedAppointmentAt()), y);
                    }
                    List<String[]> rows = new ArrayList<>();
                    rows.add(new String[] {"1", dossier.applicant().fullName(), dossier.receivedBy(),
                            FormLayout.shortTime(dossier.receivedAt()), "", "Tiếp nhận hồ sơ"});
                    for (Handover h : progress.handovers()) {
                        rows.add(new String[] {String.valueOf(rows.size() + 1), h.giver(), h.receiver(),
                                FormLayout.shortTime(h.at()), Timeliness.of(h.at(), dossier.appointmentAt()).label(),
                                h.note()});
                    }
                    y = new PdfTable(c, f.left, new float[] {30, 100, 100, 80, 70, f.width - 380},
                            new String[] {"STT", "Bên giao", "Bên nhận", "Thời gian giao, nhận",
                                    "Kết quả (trước/đúng/ quá hạn)", "Ghi chú"}, 10.5f).draw(y + 8, rows);
                    // a dossier stopped or refused before any result ends with its status, not as still in progress
                    String result = progress.resolvedAt() == null ? (dossier.status().isFinal()
                            ? dossier.status().portalName() : "Đang giải quyết")
                            : Timeliness.of(progress.resolvedAt(), dossier.appointmentAt()).label() + " (có kết quả lúc "
                            + FormLayout.shortTime(progress.resolvedAt()) + ")";
                    y = f.paragraph(c, "Kết quả giải quyết hồ sơ:", result, y);
                    if (progress.rating() != null) {
                        f.paragraph(c, "Mức độ hài lòng của người dân:", progress.rating().label() + " ("
                                + progress.rating().level() + "/" + progress.rating().scaleSize() + ")", y);
                    }
                });
    }

    static byte[] trackingBook(LocalDate from, LocalDate to, List<TrackingBookEntry> entries, IssuedForm form,
                               CounterProfile counter) {
        return FormLayout.render(FormKind.TRACKING_BOOK.title() + " " + from + " - " + to, counter, form.issuedAt(),
                PdfCanvas.A4_LANDSCAPE, c -> {
                    float left = 40;
                    float width = c.width - 80;
                    c.rightAligned(c.italic, 10, left + width, 30, "Mẫu số " + FormKind.TRACKING_BOOK.number());
                    c.text(c.regular, 11, left, 50, counter.agencyName().toUpperCase(Locale.ROOT));
                    c.text(c.bold, 11, left, 64, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ");
                    c.centred(c.bold, 15, c.width / 2, 95, "SỔ THEO DÕI HỒ SƠ");
                    c.centred(c.italic, 12, c.width / 2, 112,
                            "Từ ngày " + from.format(DAY) + " đến ngày " + to.format(DAY) + " - " + entries.size()
                                    + " hồ sơ");
                    List<String[]> rows = new ArrayList<>();
                    for (TrackingBookEntry e : entries) {
                        rows.add(new String[] {String.valueOf(rows.size() + 1), e.code(), e.procedureName(),
                                e.applicantName() + (e.applicantAddress() == null ? "" : "\n" + e.applicantAddress()),
                                FormLayout.shortTime(e.receivedAt()), FormLayout.shortTime(e.appointmentAt())
                                + (e.extendedAppointmentAt() == null ? ""
                                : "\nHẹn lại: " + FormLayout.shortTime(e.extendedAppointmentAt())),
                                FormLayout.shortTime(e.resolvedAt()), FormLayout.shortTime(e.returnedAt()),
                                e.status().portalName(), ""});
                    }
                    new PdfTable(c, left, new float[] {28, 125, 140, 120, 60, 64, 60, 60, 66, width - 723},
                            new String[] {"STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Người nộp, địa chỉ",
                                    "Nhận hồ sơ", "Hẹn trả kết quả", "Có kết quả", "Trả kết quả", "Trạng thái",
                                    "Ký nhận"}, 9.5f).draw(125, rows);
                });
    }
}
