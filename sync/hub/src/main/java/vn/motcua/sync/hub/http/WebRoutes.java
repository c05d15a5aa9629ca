package vn.motcua.sync.hub.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.sync.hub.Hub;
import vn.motcua.sync.hub.service.Counters;
import vn.motcua.sync.hub.service.Packages;
import vn.motcua.sync.hub.service.Processing;
import vn.motcua.sync.hub.service.Refusal;
import vn.motcua.sync.hub.service.Staff;
import vn.motcua.sync.hub.service.Uploads;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.ManifestRules;
import vn.motcua.sync.wire.PackageException;
import vn.motcua.sync.wire.Receipt;
import vn.motcua.sync.wire.Sha256;

/**
 * The staff page: processing officers work dossiers, IT administrators manage counters, exports and USB packages.
 * Every page needs a session (cookie, HttpOnly, SameSite=Strict) and the right role; every form carries the
 * session's CSRF token.
 */
final class WebRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(WebRoutes.class);
    static final String COOKIE = "hub_session";
    private static final long MAX_RESULT_BYTES = 200L * 1024 * 1024;

    private final Hub hub;

    WebRoutes(Hub hub) {
        this.hub = hub;
    }

    void register(RoutesConfig routes) {
        GetAndHead.get(routes, "/hub.css", ctx -> ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "max-age=3600").result(Pages.CSS));
        GetAndHead.get(routes, "/", ctx -> ctx.redirect(session(ctx).map(s -> s.member().role() == Staff.Role.ADMIN ? "/quay" : "/ho-so").orElse("/dang-nhap")));
        GetAndHead.get(routes, "/dang-nhap", ctx -> html(ctx, Pages.login(null)));
        routes.post("/dang-nhap", this::login);
        routes.post("/dang-xuat", ctx -> {
            Staff.Session s = require(ctx, null);
            hub.staff().logout(s.token());
            ctx.removeCookie(COOKIE, "/");
            ctx.redirect("/dang-nhap");
        });
        GetAndHead.get(routes, "/ho-so", this::dossiers);
        GetAndHead.get(routes, "/ho-so/{code}", this::dossier);
        routes.post("/ho-so/{code}/trang-thai", ctx -> {
            Staff.Session s = require(ctx, Staff.Role.OFFICER);
            hub.processing().changeStatus(code(ctx), intParam(ctx.formParam("status")), s.member().displayName(), ctx.formParam("reason"));
            ctx.redirect("/ho-so/" + Html.url(code(ctx)) + "?tb=trang-thai");
        });
        routes.post("/ho-so/{code}/bo-sung", ctx -> {
            Staff.Session s = require(ctx, Staff.Role.OFFICER);
            String what = ctx.formParam("what");
            if (what == null || what.isBlank()) {
                throw Refusal.badRequest("status 5 needs a reason");
            }
            hub.processing().requestSupplement(code(ctx), s.member().displayName(), what);
            ctx.redirect("/ho-so/" + Html.url(code(ctx)) + "?tb=bo-sung");
        });
        routes.post("/ho-so/{code}/ket-qua", this::attachResults);
        GetAndHead.get(routes, "/tep/{sha256}", this::file);
        GetAndHead.get(routes, "/quay", ctx -> counters(ctx, null));
        routes.post("/quay/ma-dang-ky", ctx -> {
            Staff.Session s = require(ctx, Staff.Role.ADMIN);
            counters(ctx, hub.counters().createEnrolmentCode(ctx.formParam("name"), s.member().name()));
        });
        routes.post("/quay/thu-hoi", ctx -> {
            Staff.Session s = require(ctx, Staff.Role.ADMIN);
            hub.counters().revoke(ctx.formParam("name"), s.member().name());
            ctx.redirect("/quay?tb=thu-hoi");
        });
        GetAndHead.get(routes, "/dong-bo", ctx -> {
            Staff.Session s = require(ctx, Staff.Role.ADMIN);
            html(ctx, AdminPages.exports(s, hub.exports().recent(200), hub.exports().counts(), hub.connector().describe(), ctx.queryParam("tb")));
        });
        routes.post("/dong-bo/{id}/gui-lai", ctx -> {
            require(ctx, Staff.Role.ADMIN);
            hub.exports().retry(intParam(ctx.pathParam("id")));
            ctx.redirect("/dong-bo?tb=gui-lai");
        });
        GetAndHead.get(routes, "/goi-usb", ctx -> html(ctx, AdminPages.usb(require(ctx, Staff.Role.ADMIN), null, false, null)));
        routes.post("/goi-usb", this::importPackage);
        GetAndHead.get(routes, "/goi-usb/{id}/bien-nhan", this::receipt);
    }

    private static void html(Context ctx, String page) {
        ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'unsafe-inline'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store").html(page);
    }

    /** A problem page that keeps the staff member's header (and logout) when logged in. */
    String problem(Context ctx, String message) {
        Staff.Session s = null;
        try {
            s = session(ctx).orElse(null);
        } catch (RuntimeException noDatabase) {
            // the page still says what went wrong
        }
        return Pages.problem(s, message);
    }

    private Optional<Staff.Session> session(Context ctx) {
        return hub.staff().session(ctx.cookie(COOKIE));
    }

    /** The session with {@code role} (any role when null); a POST must also carry its CSRF token. */
    private Staff.Session require(Context ctx, Staff.Role role) {
        Optional<Staff.Session> session = session(ctx);
        if (session.isEmpty()) {
            throw new NotLoggedIn();
        }
        Staff.Session s = session.get();
        if (role != null && s.member().role() != role) {
            throw new Refusal(vn.motcua.sync.wire.ErrorCode.NOT_FOUND, "not for this role");
        }
        if (ctx.method().name().equals("POST")) {
            String sent = ctx.formParam("csrf");
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), s.csrf().getBytes(StandardCharsets.UTF_8))) {
                LOG.atWarn().addKeyValue("event", "csrf_refused").log("form without its session's token");
                throw Refusal.badRequest("form token missing or stale");
            }
        }
        return s;
    }

    /** Sends the browser to the login page. */
    static final class NotLoggedIn extends RuntimeException {
        NotLoggedIn() {
            super(null, null, false, false);
        }
    }

    private void login(Context ctx) {
        String name = ctx.formParam("name");
        String password = ctx.formParam("password");
        Optional<Staff.Session> s = hub.staff().login(name == null ? "" : name.strip(), password == null ? new char[0] : password.toCharArray());
        if (s.isEmpty()) {
            ctx.status(401);
            html(ctx, Pages.login("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa sau nhiều lần nhập sai."));
            return;
        }
        Cookie cookie = new Cookie(COOKIE, s.get().token());
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPath("/");
        cookie.setSecure("https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")));
        ctx.cookie(cookie);
        ctx.redirect(s.get().member().role() == Staff.Role.ADMIN ? "/quay" : "/ho-so");
    }

    private static String code(Context ctx) {
        String code = ctx.pathParam("code");
        if (!ManifestRules.isDossierCode(code)) {
            throw Refusal.notFound();
        }
        return code;
    }

    private static int intParam(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw Refusal.badRequest("not a number");
        }
    }

    private void dossiers(Context ctx) {
        Staff.Session s = require(ctx, Staff.Role.OFFICER);
        Integer status = ctx.queryParam("trang-thai") == null || ctx.queryParam("trang-thai").isBlank() ? null : intParam(ctx.queryParam("trang-thai"));
        String counter = ctx.queryParam("quay");
        List<String> names = hub.counters().list().stream().map(Counters.Counter::name).toList();
        html(ctx, DossierPages.list(s, hub.processing().list(status, counter, 200), hub.processing().countsByStatus(),
                status, counter, names, ctx.queryParam("tb")));
    }

    private void dossier(Context ctx) {
        Staff.Session s = require(ctx, Staff.Role.OFFICER);
        Processing.DossierView view = hub.processing().view(code(ctx), hub.changes()).orElseThrow(Refusal::notFound);
        html(ctx, DossierPages.detail(s, view, ctx.queryParam("tb")));
    }

    private void attachResults(Context ctx) throws IOException {
        Staff.Session s = require(ctx, Staff.Role.OFFICER);
        String code = code(ctx);
        List<FileRef> results = new ArrayList<>();
        for (UploadedFile f : ctx.uploadedFiles("files")) {
            if (f.size() == 0) {
                continue;
            }
            String name = safeName(f.filename());
            try (InputStream in = f.content()) {
                Uploads.StoredFile stored = hub.uploads().storeWhole(in, null, MAX_RESULT_BYTES);
                results.add(new FileRef(stored.sha256(), stored.size(), name, FileRef.Kind.RESULT));
            }
        }
        hub.processing().attachResults(code, results, s.member().displayName(), ctx.formParam("note"));
        ctx.redirect("/ho-so/" + Html.url(code) + "?tb=ket-qua");
    }

    /** The browser's file name reduced to a plain name the protocol accepts. */
    static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}:]", "_").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return ManifestRules.isSafeFileName(name) ? name : "ket-qua";
    }

    private void file(Context ctx) {
        require(ctx, Staff.Role.OFFICER);
        String sha = ctx.pathParam("sha256");
        String code = ctx.queryParam("ho-so");
        if (!Sha256.isValid(sha) || code == null || !ManifestRules.isDossierCode(code)) {
            throw Refusal.notFound();
        }
        boolean belongs = hub.database().read(c -> vn.motcua.sync.hub.store.Database.first(c,
                "select 1 from dossier_files where code = ? and sha256 = ?", rs -> true, code, sha)).isPresent();
        if (!belongs) {
            throw Refusal.notFound();
        }
        String name = safeName(ctx.queryParam("ten"));
        ctx.header("Content-Disposition", "attachment; filename*=UTF-8''" + Html.url(name).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff").contentType("application/octet-stream").result(hub.uploads().open(sha));
    }

    private void counters(Context ctx, Counters.EnrolmentCode fresh) {
        Staff.Session s = require(ctx, Staff.Role.ADMIN);
        html(ctx, AdminPages.counters(s, hub.counters().list(), fresh, ctx.queryParam("tb")));
    }

    private void importPackage(Context ctx) throws IOException {
        Staff.Session s = require(ctx, Staff.Role.ADMIN);
        UploadedFile file = ctx.uploadedFile("package");
        if (file == null) {
            throw Refusal.badRequest("choose a package");
        }
        try (InputStream in = file.content()) {
            Packages.Imported imported = hub.packages().importPackage(in, s.member().name());
            html(ctx, AdminPages.usb(s, imported.receipt(), imported.again(), null));
        } catch (PackageException e) {
            LOG.atWarn().addKeyValue("event", "package_refused").addKeyValue("reason", e.code()).log("USB package refused");
            ctx.status(400);
            html(ctx, AdminPages.usb(s, null, false, packageProblem(e.code())));
        }
    }

    static String packageProblem(String code) {
        return switch (code) {
            case PackageException.NOT_FOR_THIS_HUB -> "Gói này được mã hóa cho máy chủ khác.";
            case PackageException.UNKNOWN_SIGNER -> "Gói được ký bởi một quầy chưa đăng ký hoặc đã bị thu hồi.";
            case PackageException.BAD_SIGNATURE -> "Chữ ký của gói không khớp: gói đã bị thay đổi sau khi quầy tạo.";
            default -> "Tệp này không phải gói USB của quầy, hoặc đã hỏng.";
        };
    }

    private void receipt(Context ctx) {
        require(ctx, Staff.Role.ADMIN);
        String id = ctx.pathParam("id");
        byte[] file = hub.database().read(c -> vn.motcua.sync.hub.store.Database.first(c,
                "select receipt from package_imports where package_id = ?", rs -> rs.getBytes(1), id)).orElseThrow(Refusal::notFound);
        ctx.header("Content-Disposition", "attachment; filename=\"" + id.replaceAll("[^0-9A-Za-z-]", "") + Receipt.EXTENSION + "\"")
                .contentType("application/octet-stream").result(file);
    }
}
