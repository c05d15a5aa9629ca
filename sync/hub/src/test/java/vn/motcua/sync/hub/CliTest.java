package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.wire.Sha256;
import vn.motcua.sync.wire.WireJson;

/** The IT commands against the hub's database: enrol, revoke, counters, staff add, show, export. */
class CliTest {
    @TempDir
    static Path dir;
    static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        UsbPackageImportTest.env = TestHub.env(vn.motcua.sync.hub.support.TestPostgres.newDatabase());
        hub = TestHub.start(Files.createDirectories(dir.resolve("hub")), UsbPackageImportTest.env);
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
    }

    private static String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        String[] withData = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--data", dir.resolve("hub").toString()))
                .toArray(String[]::new);
        assertThat(UsbPackageImportTest.cli(out, withData)).as(out.toString()).isEqualTo(expectedExit);
        return out.toString();
    }

    @Test
    void enrolPrintsACodeTheCounterCanUseOnceAndRevokeRefusesTheCounter() throws Exception {
        String text = run(0, "enrol", "--counter", "UBND xã Yên Bình - quầy 1");
        String code = text.lines().findFirst().orElseThrow();
        assertThat(code).matches("[2-9A-Z]{4}(-[2-9A-Z]{4}){3}");
        CounterClient counter = CounterClient.enrol(hub.base, code, "UBND xã Yên Bình - quầy 1");
        String json = run(0, "enrol", "--counter", "Quầy hai", "--json");
        assertThat(WireJson.mapper().readTree(json).get("counterName").asText()).isEqualTo("Quầy hai");

        assertThat(run(0, "counters")).contains("UBND xã Yên Bình - quầy 1").contains("active");
        assertThat(run(0, "revoke", "--counter", "UBND xã Yên Bình - quầy 1")).contains("revoked");
        assertThat(counter.send(counter.request("/api/v1/changes").GET().build()).statusCode()).isEqualTo(403);
        assertThat(run(1, "revoke", "--counter", "Không có quầy này")).contains("no active counter");
    }

    @Test
    void showPrintsTheDossierWithItsFilesHashes() throws Exception {
        CounterClient counter = hub.enrolCounter("Quầy hiển thị");
        Dossiers.Sample s = Dossiers.sample(Dossiers.code(13, 1), 131, 2, 8000);
        for (byte[] f : s.files()) {
            counter.upload(f);
        }
        counter.put(s.manifest());
        String text = run(0, "show", s.manifest().code());
        assertThat(text).contains(Sha256.hex(s.files().get(0))).contains(Sha256.hex(s.files().get(1))).contains("Quầy hiển thị");
        var json = WireJson.mapper().readTree(run(0, "show", s.manifest().code(), "--json"));
        assertThat(json.get("manifest").get("components").get(0).get("files").get(1).get("sha256").asText()).isEqualTo(Sha256.hex(s.files().get(1)));
        assertThat(json.get("revisions").get(0).get("via").asText()).isEqualTo("NETWORK");
        assertThat(run(1, "show", Dossiers.code(13, 99))).contains("no dossier");
    }

    @Test
    void exportSendsWhatIsDueAndStaffAddMakesAnAccountThatLogsIn() throws Exception {
        String json = run(0, "export", "--json");
        assertThat(WireJson.mapper().readTree(json).get("connector").asText()).startsWith("folder ");
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream("mot-mat-khau-dai\n".getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(run(0, "staff", "add", "le.thi.c", "--role", "officer", "--name", "Lê Thị C", "--password-stdin")).contains("account added");
        } finally {
            System.setIn(stdin);
        }
        assertThat(hub.hub.staff().login("le.thi.c", "mot-mat-khau-dai".toCharArray())).isPresent();
        assertThat(hub.hub.staff().login("le.thi.c", "sai".toCharArray())).isEmpty();
        System.setIn(new ByteArrayInputStream("ngan\n".getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(run(1, "staff", "add", "le.thi.d", "--role", "officer", "--password-stdin")).contains("at least 10");
        } finally {
            System.setIn(stdin);
        }
    }
}
