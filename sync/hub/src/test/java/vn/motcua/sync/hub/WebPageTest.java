package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import vn.motcua.sync.hub.service.Staff;
import vn.motcua.sync.hub.support.Browser;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Api;

/**
 * The staff page in a real Chromium: a processing officer logs in, finds a dossier by status, moves it, asks for a
 * supplement, attaches a result; the counter sees each step in its feed. An IT administrator creates an enrolment
 * code, revokes a counter and watches the export queue. Screenshots go to {@code docs/screenshots/hub-*.png}
 * (under {@code target/} when the docs folder is not there).
 */
class WebPageTest {
    private static final String OFFICER_PASSWORD = "mat-khau-can-bo-2026";
    private static final String ADMIN_PASSWORD = "mat-khau-quan-tri-2026";

    @TempDir
    static Path dir;
    static TestHub hub;
    static ChromeDriver browser;
    static CounterClient counter;
    static Path shots;

    @BeforeAll
    static void start() throws Exception {
        hub = TestHub.start(dir);
        hub.hub.staff().add("tran.van.b", "Trần Văn B", Staff.Role.OFFICER, OFFICER_PASSWORD.toCharArray());
        hub.hub.staff().add("it.tinh", "Nguyễn Quản Trị", Staff.Role.ADMIN, ADMIN_PASSWORD.toCharArray());
        counter = hub.enrolCounter("UBND xã Tân Lập - quầy 1");
        CounterClient second = hub.enrolCounter("UBND phường Đông Hà - quầy 2");
        for (int i = 1; i <= 4; i++) {
            CounterClient c = i % 2 == 0 ? second : counter;
            Dossiers.Sample s = Dossiers.sample(Dossiers.code(9, i), 90 + i, 2, 20_000);
            for (byte[] f : s.files()) {
                c.upload(f);
            }
            c.put(s.manifest());
        }
        browser = Browser.start(Files.createDirectories(dir.resolve("chromium")));
        Path docs = Path.of("../../docs/screenshots");
        shots = Files.isDirectory(docs) ? docs : Files.createDirectories(Path.of("target/screenshots"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        hub.close();
    }

    private static void login(String name, String password) {
        browser.get(hub.base + "/dang-nhap");
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        Browser.clickAndLoad(browser, By.id("login"));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void anOfficerWorksADossierAndTheCounterSeesEachStep() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(hub.base + "/ho-so");
        assertThat(browser.getCurrentUrl()).endsWith("/dang-nhap");
        login("tran.van.b", "sai-mat-khau-roi");
        assertThat(text("problem")).contains("không đúng");
        Browser.screenshot(browser, shots.resolve("hub-login.png"));
        login("tran.van.b", OFFICER_PASSWORD);
        assertThat(browser.findElements(By.cssSelector("#dossiers tbody tr"))).hasSize(4);
        new Select(browser.findElement(By.id("quay"))).selectByVisibleText("UBND xã Tân Lập - quầy 1");
        Browser.clickAndLoad(browser, By.id("filter"));
        assertThat(browser.getCurrentUrl()).contains("quay=");
        assertThat(browser.findElements(By.cssSelector("#dossiers tbody tr"))).hasSize(2);
        browser.get(hub.base + "/ho-so");
        Browser.screenshot(browser, shots.resolve("hub-dossiers.png"));

        String code = Dossiers.code(9, 1);
        Browser.clickAndLoad(browser, By.linkText(code));
        assertThat(text("summary")).contains("Đăng ký khai sinh").contains("Được tiếp nhận");
        assertThat(text("files")).contains("trang-1.jpg").contains("Trang quét");
        new Select(browser.findElement(By.id("status"))).selectByValue("4");
        browser.findElement(By.id("reason")).sendKeys("Thụ lý hồ sơ");
        Browser.clickAndLoad(browser, By.id("move"));
        assertThat(text("notice")).contains("Đã chuyển trạng thái");
        assertThat(text("summary")).contains("Đang xử lý");

        browser.findElement(By.id("what")).sendKeys("Bản chính giấy chứng sinh");
        Browser.clickAndLoad(browser, By.id("supplement"));
        assertThat(text("notice")).contains("yêu cầu bổ sung");

        // a status that needs a reason, sent without one: a clear message, nothing changes
        new Select(browser.findElement(By.id("status"))).selectByValue("8");
        Browser.clickAndLoad(browser, By.id("move"));
        assertThat(text("problem")).contains("lý do");
        browser.navigate().back();

        browser.get(hub.base + "/ho-so/" + code);
        Path result = Files.writeString(dir.resolve("giay-khai-sinh.pdf"), "%PDF-1.7 kết quả");
        browser.findElement(By.id("results")).sendKeys(result.toString());
        browser.findElement(By.id("note")).sendKeys("Giấy khai sinh bản chính");
        Browser.clickAndLoad(browser, By.id("attach"));
        assertThat(text("notice")).contains("Đã đính kèm kết quả");
        assertThat(text("files")).contains("giay-khai-sinh.pdf").contains("Kết quả");
        assertThat(text("history")).contains("Yêu cầu bổ sung").contains("Trần Văn B").contains("Bản chính giấy chứng sinh");
        Browser.screenshot(browser, shots.resolve("hub-dossier.png"));

        Api.ChangesPage feed = counter.changes(null);
        assertThat(feed.changes()).extracting(Api.Change::kind).containsExactly(Api.ChangeKind.STATUS,
                Api.ChangeKind.SUPPLEMENT_REQUEST, Api.ChangeKind.RESULT);
        assertThat(feed.changes()).extracting(Api.Change::by).containsOnly("Trần Văn B");
        assertThat(feed.changes().get(2).files()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("giay-khai-sinh.pdf"));

        // an officer does not see the IT pages, and a form without its token is refused
        browser.get(hub.base + "/quay");
        assertThat(browser.findElements(By.id("counters"))).isEmpty();
        String cookie = browser.manage().getCookieNamed("hub_session").getValue();
        HttpResponse<String> forged = CounterClient.HTTP.send(HttpRequest.newBuilder(hub.base.resolve("/ho-so/" + code + "/trang-thai"))
                .header("Cookie", "hub_session=" + cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("status=9")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(hub.count("select status from dossiers where code = '" + code + "'")).isEqualTo(5);
        Browser.clickAndLoad(browser, By.id("logout"));
        browser.get(hub.base + "/ho-so");
        assertThat(browser.getCurrentUrl()).endsWith("/dang-nhap");
    }

    @Test
    void anAdministratorEnrolsAndRevokesCountersAndWatchesExports() throws Exception {
        browser.manage().deleteAllCookies();
        login("it.tinh", ADMIN_PASSWORD);
        assertThat(text("counters")).contains("UBND xã Tân Lập - quầy 1").contains("Đang hoạt động");
        browser.findElement(By.id("counter-name")).sendKeys("UBND xã Hòa Bình - quầy 1");
        Browser.clickAndLoad(browser, By.id("create-code"));
        String shown = text("enrolment-code");
        String code = shown.replaceAll("(?s).*?([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}).*", "$1");
        assertThat(code).matches("[2-9A-Z]{4}(-[2-9A-Z]{4}){3}");
        Browser.screenshot(browser, shots.resolve("hub-counters.png"));
        CounterClient enrolled = CounterClient.enrol(hub.base, code, "UBND xã Hòa Bình - quầy 1");
        assertThat(enrolled.changes(null).changes()).isEmpty();

        browser.get(hub.base + "/quay");
        var row = browser.findElements(By.cssSelector("#counters tbody tr")).stream()
                .filter(r -> r.getText().contains("UBND phường Đông Hà - quầy 2")).findFirst().orElseThrow();
        Browser.loads(browser, () -> {
            row.findElement(By.cssSelector("button.danger")).click();
            browser.switchTo().alert().accept();
        });
        assertThat(text("notice")).contains("thu hồi");
        assertThat(text("counters")).contains("Đã thu hồi");

        browser.get(hub.base + "/dong-bo");
        assertThat(text("export-counts")).contains("Chờ gửi");
        assertThat(browser.findElements(By.cssSelector("#exports tbody tr"))).hasSizeGreaterThanOrEqualTo(4);
        Browser.screenshot(browser, shots.resolve("hub-exports.png"));
        browser.get(hub.base + "/ho-so");
        assertThat(browser.findElements(By.id("dossiers"))).isEmpty(); // dossiers are the department's
    }
}
