package vn.motcua.sync.hub.http;

import static vn.motcua.sync.hub.http.Html.esc;

import java.util.List;
import java.util.Map;
import vn.motcua.sync.hub.export.Exports;
import vn.motcua.sync.hub.service.Counters;
import vn.motcua.sync.hub.service.Staff;
import vn.motcua.sync.wire.ErrorCode;
import vn.motcua.sync.wire.Receipt;

/** The IT administrator's pages: counters and enrolment codes, portal exports, USB packages. */
final class AdminPages {
    private AdminPages() {
    }

    static String counters(Staff.Session s, List<Counters.Counter> counters, Counters.EnrolmentCode fresh, String notice) {
        StringBuilder table = new StringBuilder("""
                <table id="counters"><thead><tr><th>Quầy</th><th>Đăng ký lúc</th><th>Liên lạc gần nhất</th><th>Số hồ sơ</th>
                <th>Tình trạng</th><th></th></tr></thead><tbody>""");
        for (Counters.Counter c : counters) {
            String action = c.revoked() ? "" : """
                    <form method="post" action="/quay/thu-hoi" onsubmit="return confirm('Thu hồi quyền kết nối của quầy này?')">%s
                    <input type="hidden" name="name" value="%s"><button class="danger" type="submit">Thu hồi</button></form>"""
                    .formatted(Pages.csrf(s), esc(c.name()));
            table.append("<tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td></tr>".formatted(esc(c.name()),
                    WebText.time(c.enrolledAt()), WebText.time(c.lastSeenAt()), c.dossiers(),
                    c.revoked() ? "<span class=\"badge s8\">Đã thu hồi " + WebText.time(c.revokedAt()) + "</span>"
                            : c.enrolledAt() == null ? "<span class=\"badge\">Chưa đăng ký</span>" : "<span class=\"badge s9\">Đang hoạt động</span>",
                    action));
        }
        if (counters.isEmpty()) {
            table.append("<tr><td colspan=\"6\" class=\"muted\">Chưa có quầy nào đăng ký.</td></tr>");
        }
        table.append("</tbody></table>");
        String code = fresh == null ? "" : """
                <div class="notice" id="enrolment-code">Mã đăng ký cho quầy <b>%s</b>: <span class="code big">%s</span><br>
                Nhập mã này trên máy quầy (dùng được một lần, hết hạn lúc %s). Mã không hiển thị lại.</div>"""
                .formatted(esc(fresh.counterName()), esc(fresh.code()), WebText.time(fresh.expiresAt()));
        String form = """
                <form method="post" action="/quay/ma-dang-ky" class="card filter">%s
                <div class="grow"><label for="counter-name">Tên quầy mới hoặc quầy cần cấp lại</label>
                <input id="counter-name" name="name" maxlength="100" required placeholder="VD: UBND xã Tân Lập - quầy 1"></div>
                <button class="primary" type="submit" id="create-code">Tạo mã đăng ký</button></form>""".formatted(Pages.csrf(s));
        return Pages.layout("Quầy tiếp nhận", s, "/quay", Pages.notice(notice) + "<h1>Quầy tiếp nhận</h1>" + code + form + table);
    }

    static String exports(Staff.Session s, List<Exports.Export> rows, Map<Exports.State, Long> counts, String connector, String notice) {
        StringBuilder table = new StringBuilder("""
                <table id="exports"><thead><tr><th>#</th><th>Mã hồ sơ</th><th>Dịch vụ</th><th>Tình trạng</th><th>Số lần gửi</th>
                <th>Lần gửi tới</th><th>Lỗi gần nhất</th><th></th></tr></thead><tbody>""");
        for (Exports.Export e : rows) {
            String state = switch (e.state()) {
                case SENT -> "<span class=\"badge s9\">Đã gửi " + WebText.time(e.sentAt()) + "</span>";
                case PENDING -> "<span class=\"badge s4\">Chờ gửi</span>";
                case FAILED -> "<span class=\"badge s8\">Gửi không được</span>";
            };
            // a failed record is sent again on request; a waiting one that already failed once can be sent now
            String label = e.state() == Exports.State.FAILED ? "Gửi lại" : e.attempts() > 0 ? "Gửi ngay" : null;
            String retry = e.state() == Exports.State.SENT || label == null ? "" : """
                    <form class="inline" method="post" action="/dong-bo/%d/gui-lai">%s<button class="primary" type="submit">%s</button></form>"""
                    .formatted(e.id(), Pages.csrf(s), label);
            table.append("<tr><td>%d</td><td class=\"code\">%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>"
                    .formatted(e.id(), esc(e.code()), esc(e.service()), state, e.attempts(),
                            e.state() == Exports.State.PENDING ? WebText.time(e.nextAttemptAt()) : "—", esc(e.lastError()), retry));
        }
        table.append("</tbody></table>");
        String summary = "<p id=\"export-counts\">Chờ gửi: <b>%d</b> · Gửi không được: <b>%d</b> · Đã gửi: <b>%d</b> · Kết nối: <span class=\"code\">%s</span></p>"
                .formatted(counts.get(Exports.State.PENDING), counts.get(Exports.State.FAILED), counts.get(Exports.State.SENT), esc(connector));
        return Pages.layout("Đồng bộ Cổng DVC", s, "/dong-bo", Pages.notice(notice) + "<h1>Đồng bộ Cổng Dịch vụ công</h1>" + summary + table);
    }

    static String usb(Staff.Session s, Receipt receipt, boolean again, String problem) {
        String result = "";
        if (problem != null) {
            result = "<div class=\"problem\" id=\"problem\">" + esc(problem) + "</div>";
        } else if (receipt != null) {
            StringBuilder rows = new StringBuilder();
            for (Receipt.Entry e : receipt.entries()) {
                rows.append("<tr><td class=\"code\">%s</td><td>%d</td><td>%s</td></tr>".formatted(esc(e.code()), e.revision(),
                        e.accepted() ? "<span class=\"badge s9\">Đã nhận</span>" : "<span class=\"badge s8\">" + esc(outcome(e.outcome())) + "</span>"));
            }
            result = """
                    <div class="notice" id="receipt">%s Biên nhận: <a href="/goi-usb/%s/bien-nhan">tải tệp biên nhận (.mcrcpt)</a>
                    — chép vào ổ USB để mang về quầy.</div><table id="receipt-entries"><thead><tr><th>Mã hồ sơ</th><th>Phiên bản</th><th>Kết quả</th></tr></thead><tbody>%s</tbody></table>"""
                    .formatted(again ? "Gói này đã được nhập trước đây; đây là biên nhận lần đầu." : "Đã nhập gói.",
                            esc(receipt.packageId()), rows);
        }
        String form = """
                <form method="post" action="/goi-usb" enctype="multipart/form-data" class="card">%s
                <label for="package">Tệp gói (.mcpkg) từ ổ USB của quầy</label><input id="package" name="package" type="file" accept=".mcpkg" required>
                <button class="primary" type="submit" id="import">Nhập gói</button></form>""".formatted(Pages.csrf(s));
        return Pages.layout("Gói USB", s, "/goi-usb", "<h1>Nhập gói USB của quầy</h1>" + result + form);
    }

    static String outcome(String code) {
        return switch (code) {
            case ErrorCode.MANIFEST_CONFLICT -> "Khác nội dung đã nhận";
            case ErrorCode.MISSING_FILES -> "Thiếu tệp";
            case ErrorCode.NOT_YOUR_DOSSIER -> "Mã hồ sơ của quầy khác";
            case ErrorCode.BAD_MANIFEST -> "Dữ liệu hồ sơ không hợp lệ";
            default -> code;
        };
    }
}
