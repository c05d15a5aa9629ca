package vn.motcua.sync.hub.http;

import static vn.motcua.sync.hub.http.Html.esc;
import static vn.motcua.sync.hub.http.Html.url;

import java.util.List;
import java.util.Map;
import vn.motcua.sync.hub.domain.DossierStatus;
import vn.motcua.sync.hub.service.Processing;
import vn.motcua.sync.hub.service.Staff;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.FileRef;

/** The processing officer's pages: dossiers by status and counter, and one dossier with its files, history and actions. */
final class DossierPages {
    private DossierPages() {
    }

    static String list(Staff.Session s, List<Processing.DossierRow> rows, Map<Integer, Long> counts, Integer status,
                       String counter, List<String> counterNames, String notice) {
        StringBuilder table = new StringBuilder("""
                <table id="dossiers"><thead><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Người nộp</th><th>Quầy</th>
                <th>Tiếp nhận</th><th>Hẹn trả</th><th>Trạng thái</th></tr></thead><tbody>""");
        for (Processing.DossierRow r : rows) {
            table.append("<tr><td class=\"code\"><a href=\"/ho-so/%s\">%s</a></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>"
                    .formatted(url(r.code()), esc(r.code()), esc(r.procedureName()), esc(r.applicantName()), esc(r.counterName()),
                            WebText.time(r.receivedAt()), WebText.time(r.appointmentAt()), Pages.statusBadge(r.status())));
        }
        if (rows.isEmpty()) {
            table.append("<tr><td colspan=\"7\" class=\"muted\">Không có hồ sơ nào.</td></tr>");
        }
        table.append("</tbody></table>");
        String filter = """
                <form method="get" action="/ho-so" class="card filter">
                <div class="grow"><label for="quay">Quầy tiếp nhận</label><select id="quay" name="quay">%s</select></div>
                %s<button class="primary" type="submit" id="filter">Lọc</button></form>"""
                .formatted(Pages.options(counterNames, counter, "Tất cả các quầy"),
                        status == null ? "" : "<input type=\"hidden\" name=\"trang-thai\" value=\"" + status + "\">");
        return Pages.layout("Hồ sơ", s, "/ho-so", Pages.notice(notice) + "<h1>Hồ sơ</h1>" + Pages.statusTabs(counts, status, counter)
                + filter + table);
    }

    static String detail(Staff.Session s, Processing.DossierView v, String notice) {
        DossierManifest m = v.manifest();
        Processing.DossierRow r = v.row();
        DossierManifest.Applicant a = m.applicant();
        String info = """
                <div class="grid"><div class="card" id="summary"><h2>Thông tin hồ sơ</h2>
                <p><b>Thủ tục:</b> %s <span class="muted">(%s)</span><br><b>Lĩnh vực:</b> %s<br><b>Trạng thái:</b> %s<br>
                <b>Tiếp nhận:</b> %s tại quầy %s<br><b>Hẹn trả:</b> %s<br><b>Phiên bản:</b> %d</p></div>
                <div class="card"><h2>Người nộp</h2><p><b>%s</b><br>%s: %s<br>%s<br>%s %s</p></div></div>"""
                .formatted(esc(m.procedure().name()), esc(m.procedure().code()), esc(m.procedure().fieldName()),
                        Pages.statusBadge(r.status()), WebText.time(m.receivedAt()), esc(r.counterName()),
                        WebText.time(m.appointmentAt()), r.latestRevision(), esc(a.name()), idLabel(a.kind()),
                        esc(a.idNumber()), esc(a.address()), esc(a.phone()), esc(a.email()));
        StringBuilder files = new StringBuilder("<div class=\"card\" id=\"files\"><h2>Thành phần hồ sơ và tệp</h2><table><thead><tr><th>Thành phần</th><th>Tệp</th><th>Loại</th><th>Dung lượng</th><th>SHA-256</th></tr></thead><tbody>");
        for (DossierManifest.Component c : m.components()) {
            for (FileRef f : c.files()) {
                files.append(fileRow(m.code(), c.name(), f));
            }
        }
        for (FileRef f : m.documents()) {
            files.append(fileRow(m.code(), "Giấy tờ của hồ sơ", f));
        }
        for (FileRef f : v.results()) {
            files.append(fileRow(m.code(), "Kết quả (bộ phận xử lý)", f));
        }
        files.append("</tbody></table></div>");
        StringBuilder history = new StringBuilder("<div class=\"card\" id=\"history\"><h2>Lịch sử</h2><table><thead><tr><th>Thời điểm</th><th>Nơi</th><th>Việc</th><th>Người thực hiện</th><th>Lý do / ghi chú</th></tr></thead><tbody>");
        for (DossierManifest.Event e : m.events()) {
            history.append("<tr><td>%s</td><td>Quầy</td><td>%s%s</td><td>%s</td><td>%s</td></tr>".formatted(WebText.time(e.at()),
                    esc(e.kind()), e.status() == null ? "" : " → " + DossierStatus.of(e.status()).map(Pages::statusBadge).orElse(""),
                    esc(e.by()), esc(e.reason())));
        }
        for (Api.Change c : v.hubHistory()) {
            history.append("<tr><td>%s</td><td>Bộ phận xử lý</td><td>%s → %s</td><td>%s</td><td>%s</td></tr>".formatted(WebText.time(c.at()),
                    changeLabel(c.kind()), DossierStatus.of(c.status()).map(Pages::statusBadge).orElse(""), esc(c.by()), esc(c.reason())));
        }
        history.append("</tbody></table></div>");
        return Pages.layout(m.code(), s, "/ho-so", Pages.notice(notice) + "<h1 class=\"code\">" + esc(m.code()) + "</h1>"
                + info + files + actions(s, m.code(), r.status()) + history);
    }

    private static String actions(Staff.Session s, String code, DossierStatus current) {
        StringBuilder options = new StringBuilder();
        for (DossierStatus next : current.next()) {
            options.append("<option value=\"%d\">%d · %s</option>".formatted(next.code(), next.code(), esc(next.label())));
        }
        String base = "/ho-so/" + url(code);
        String move = current.next().isEmpty() ? "<p class=\"muted\">Hồ sơ ở trạng thái cuối; không còn bước chuyển.</p>" : """
                <form method="post" action="%s/trang-thai">%s<label for="status">Chuyển sang</label><select id="status" name="status">%s</select>
                <label for="reason">Lý do / nội dung xử lý</label><textarea id="reason" name="reason" maxlength="2000"></textarea>
                <button class="primary" type="submit" id="move">Chuyển trạng thái</button></form>""".formatted(base, Pages.csrf(s), options);
        String supplement = current.canMoveTo(DossierStatus.SUPPLEMENT_REQUESTED) ? """
                <form method="post" action="%s/bo-sung">%s<label for="what">Giấy tờ cần bổ sung, hoàn thiện</label>
                <textarea id="what" name="what" maxlength="2000" required></textarea>
                <button class="primary" type="submit" id="supplement">Yêu cầu bổ sung</button></form>""".formatted(base, Pages.csrf(s)) : "";
        String result = """
                <form method="post" action="%s/ket-qua" enctype="multipart/form-data">%s<label for="results">Tệp kết quả (PDF, ảnh)</label>
                <input id="results" name="files" type="file" multiple required><label for="note">Ghi chú</label><input id="note" name="note" maxlength="2000">
                <button class="primary" type="submit" id="attach">Đính kèm kết quả</button></form>""".formatted(base, Pages.csrf(s));
        return "<div class=\"grid\"><div class=\"card\" id=\"actions\"><h2>Xử lý</h2>" + move + supplement
                + "</div><div class=\"card\"><h2>Kết quả giải quyết</h2>" + result + "</div></div>";
    }

    private static String fileRow(String code, String component, FileRef f) {
        return "<tr><td>%s</td><td><a href=\"/tep/%s?ho-so=%s&ten=%s\">%s</a></td><td>%s</td><td>%s</td><td class=\"code\">%s…</td></tr>"
                .formatted(esc(component), f.sha256(), url(code), url(f.name()), esc(f.name()), kindLabel(f.kind()),
                        WebText.size(f.size()), f.sha256().substring(0, 16));
    }

    private static String kindLabel(FileRef.Kind kind) {
        return switch (kind) {
            case SCAN_PAGE -> "Trang quét";
            case ELECTRONIC_COPY -> "Bản điện tử";
            case RECEIPT -> "Giấy tiếp nhận";
            case FORM -> "Biểu mẫu";
            case RESULT -> "Kết quả";
        };
    }

    private static String changeLabel(Api.ChangeKind kind) {
        return switch (kind) {
            case STATUS -> "Chuyển trạng thái";
            case RESULT -> "Đính kèm kết quả";
            case SUPPLEMENT_REQUEST -> "Yêu cầu bổ sung";
        };
    }

    private static String idLabel(DossierManifest.IdKind kind) {
        return switch (kind) {
            case PERSONAL_ID -> "Số định danh cá nhân";
            case PASSPORT -> "Số hộ chiếu";
            case TAX_CODE -> "Mã số thuế";
        };
    }
}
