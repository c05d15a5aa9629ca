package vn.motcua.sync.hub.http;

import static vn.motcua.sync.hub.http.Html.esc;
import static vn.motcua.sync.hub.http.Html.url;

import java.util.List;
import java.util.Map;
import vn.motcua.sync.hub.domain.DossierStatus;
import vn.motcua.sync.hub.service.Staff;

/** The page's frame and the small pages (login, problems); the work pages are in {@link DossierPages} and {@link AdminPages}. */
final class Pages {
    static final String CSS = """
            *{box-sizing:border-box}body{margin:0;font:15px/1.45 "Noto Sans","DejaVu Sans",Arial,sans-serif;color:#1d2733;background:#f3f5f8}
            header{background:#8b1a1a;color:#fff;padding:10px 24px;display:flex;align-items:center;gap:24px}
            header .brand{font-weight:700;font-size:17px}header nav a{color:#fff;text-decoration:none;margin-right:16px;opacity:.9}
            header nav a.on{border-bottom:2px solid #ffd54f;opacity:1}header .who{margin-left:auto;font-size:13px}
            header form{display:inline}header button{background:none;border:1px solid #fff;color:#fff;border-radius:4px;padding:3px 10px;cursor:pointer;margin-left:8px}
            main{max-width:1200px;margin:20px auto;padding:0 20px}h1{font-size:22px;margin:0 0 12px}h2{font-size:17px;margin:20px 0 8px}
            table{width:100%;border-collapse:collapse;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.08)}
            th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #e3e7ee;vertical-align:top}th{background:#eef1f6;font-weight:600;font-size:13px}
            a{color:#0b5cad}.tabs a{display:inline-block;padding:5px 10px;margin:0 4px 6px 0;border-radius:14px;background:#e4e8ef;text-decoration:none;color:#1d2733;font-size:13px}
            .tabs a.on{background:#0b5cad;color:#fff}.card{background:#fff;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08);margin-bottom:14px;border-radius:4px}
            .grid{display:grid;grid-template-columns:1fr 1fr;gap:14px}label{display:block;font-weight:600;font-size:13px;margin:8px 0 3px}
            input,select,textarea{width:100%;padding:7px 8px;border:1px solid #b8c1cf;border-radius:4px;font:inherit}textarea{min-height:60px}
            button.primary{background:#0b5cad;color:#fff;border:0;border-radius:4px;padding:8px 16px;margin-top:10px;cursor:pointer;font:inherit}
            button.danger{background:#b3261e;color:#fff;border:0;border-radius:4px;padding:5px 12px;cursor:pointer}
            .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;background:#e4e8ef}.s4{background:#fff3c4}.s5,.s6{background:#ffe0b2}
            .s7,.s8,.s3{background:#f8d7da}.s9{background:#d4edda}.s10{background:#c8e6c9}.notice{background:#e7f3e9;border-left:4px solid #2e7d32;padding:8px 12px;margin-bottom:12px}
            .problem{background:#fdecea;border-left:4px solid #b3261e;padding:8px 12px;margin-bottom:12px}.muted{color:#5b6777;font-size:13px}
            .code{font-family:"DejaVu Sans Mono",monospace;font-size:13px;white-space:nowrap}h1.code{font-size:20px}
            .filter{display:flex;gap:12px;align-items:end}.filter .grow{flex:1}.filter button{margin-top:0}form.inline button{margin:0}.login{max-width:380px;margin:80px auto}.big{font-size:24px;letter-spacing:2px}
            """;

    private Pages() {
    }

    static String layout(String title, Staff.Session session, String active, String body) {
        StringBuilder nav = new StringBuilder();
        if (session != null) {
            if (session.member().role() == Staff.Role.OFFICER) {
                nav.append(link("/ho-so", "Hồ sơ", active));
            }
            if (session.member().role() == Staff.Role.ADMIN) {
                nav.append(link("/quay", "Quầy tiếp nhận", active)).append(link("/dong-bo", "Đồng bộ Cổng DVC", active))
                        .append(link("/goi-usb", "Gói USB", active));
            }
        }
        String who = session == null ? "" : """
                <span class="who">%s · %s<form method="post" action="/dang-xuat"><input type="hidden" name="csrf" value="%s"><button type="submit" id="logout">Đăng xuất</button></form></span>"""
                .formatted(esc(session.member().displayName()), esc(session.member().role().label()), esc(session.csrf()));
        return """
                <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Máy chủ tỉnh Một cửa</title><link rel="stylesheet" href="/hub.css"></head><body>
                <header><span class="brand">Máy chủ tỉnh · Một cửa</span><nav>%s</nav>%s</header><main>%s</main></body></html>"""
                .formatted(esc(title), nav, who, body);
    }

    private static String link(String href, String label, String active) {
        return "<a href=\"%s\"%s>%s</a>".formatted(href, href.equals(active) ? " class=\"on\"" : "", esc(label));
    }

    static String login(String problem) {
        String message = problem == null ? "" : "<div class=\"problem\" id=\"problem\">" + esc(problem) + "</div>";
        return layout("Đăng nhập", null, "", """
                <div class="login card"><h1>Đăng nhập</h1>%s
                <form method="post" action="/dang-nhap">
                <label for="name">Tên đăng nhập</label><input id="name" name="name" autocomplete="username" required autofocus>
                <label for="password">Mật khẩu</label><input id="password" name="password" type="password" autocomplete="current-password" required>
                <button class="primary" type="submit" id="login">Đăng nhập</button></form>
                <p class="muted">Tài khoản do bộ phận CNTT tạo bằng lệnh <span class="code">./motcua-hub staff add</span>.</p></div>"""
                .formatted(message));
    }

    static String problem(String message) {
        return problem(null, message);
    }

    static String problem(Staff.Session session, String message) {
        return layout("Không thực hiện được", session, "", "<div class=\"problem\" id=\"problem\">" + esc(message)
                + "</div><p><a href=\"javascript:history.back()\">Quay lại</a> · <a href=\"/\">Trang chính</a></p>");
    }

    static String notice(String key) {
        String text = WebText.notice(key);
        return text == null ? "" : "<div class=\"notice\" id=\"notice\">" + esc(text) + "</div>";
    }

    static String statusBadge(DossierStatus s) {
        return "<span class=\"badge s%d\">%d · %s</span>".formatted(s.code(), s.code(), esc(s.label()));
    }

    static String statusTabs(Map<Integer, Long> counts, Integer selected, String counter) {
        StringBuilder tabs = new StringBuilder("<div class=\"tabs\">");
        String suffix = counter == null || counter.isBlank() ? "" : "&quay=" + url(counter);
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        tabs.append("<a href=\"/ho-so?%s\"%s>Tất cả (%d)</a>".formatted(suffix.isEmpty() ? "" : suffix.substring(1),
                selected == null ? " class=\"on\"" : "", all));
        for (DossierStatus s : DossierStatus.values()) {
            long n = counts.getOrDefault(s.code(), 0L);
            if (n > 0 || (selected != null && selected == s.code())) {
                tabs.append("<a href=\"/ho-so?trang-thai=%d%s\"%s>%s (%d)</a>".formatted(s.code(), suffix,
                        selected != null && selected == s.code() ? " class=\"on\"" : "", esc(s.label()), n));
            }
        }
        return tabs.append("</div>").toString();
    }

    static String csrf(Staff.Session s) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(s.csrf()) + "\">";
    }

    static String options(List<String> values, String selected, String empty) {
        StringBuilder out = new StringBuilder("<option value=\"\">" + esc(empty) + "</option>");
        for (String v : values) {
            out.append("<option%s>%s</option>".formatted(v.equals(selected) ? " selected" : "", esc(v)));
        }
        return out.toString();
    }
}
