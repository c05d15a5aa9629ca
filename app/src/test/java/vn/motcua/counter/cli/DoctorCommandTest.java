package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.motcua.counter.bootstrap.CounterLauncher;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.adapters.protection.Swtpm;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;

class DoctorCommandTest {

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();

    @AfterEach
    void clear() {
        System.clearProperty("motcua.data.dir");
        System.clearProperty("motcua.security.protection");
        System.clearProperty("motcua.security.tpm.tcti");
    }

    private int run(String... args) {
        System.setProperty("motcua.data.dir", data.toString());
        return MotcuaCommand.commandLine(new MotcuaCommand(CounterLauncher.load())).setOut(new PrintWriter(out)).execute(args);
    }

    @Test
    void reportsASoundDatabaseAsJson() throws Exception {
        TestCounter.open(data, SaveLoopClock.DAY).close();
        int exit = run("doctor", "--json");
        JsonNode checks = new ObjectMapper().readTree(out.toString()).get("checks");
        JsonNode database = null;
        for (JsonNode check : checks) {
            if (check.get("name").asText().equals("database")) {
                database = check;
            }
        }
        assertThat(database).isNotNull();
        assertThat(database.get("outcome").asText()).isEqualTo("OK");
        assertThat(database.get("detail").asText()).contains("integrity_check ok");
        // tesseract and its Vietnamese model are installed by .ci/run, so a healthy machine exits 0
        assertThat(exit).isZero();
    }

    @Test
    void showsPagesWaitingForOcr() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) { // background OCR off
            counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
        }
        int exit = run("doctor");
        assertThat(out.toString()).containsPattern("OK\\s+pipeline\\s+PAGE_TEXT: 2 to do, 0 failed, 0 waiting for "
                + "something outside; ELECTRONIC_COPY: 2 to do, 0 failed");
        assertThat(exit).isZero();
    }

    @Test
    void failsOnACorruptDatabase() throws Exception {
        Files.write(data.resolve(CounterWiring.DATABASE_FILE), "not a database".repeat(200).getBytes());
        int exit = run("doctor");
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).containsPattern("FAILED\\s+database");
    }

    @Test
    void saysWhetherTheChosenTpmIsPresent(@TempDir Path tpmState) throws Exception {
        assumeTrue(Swtpm.available(), "swtpm and tpm2-tools (app/ci-packages-tpm.txt)");
        System.setProperty("motcua.security.protection", "tpm");
        String tcti;
        try (Swtpm tpm = Swtpm.start(tpmState.resolve("state"), tpmState.resolve("swtpm.log"))) {
            tcti = tpm.tcti();
            System.setProperty("motcua.security.tpm.tcti", tcti);
            run("doctor");
            assertThat(out.toString()).containsPattern("OK\\s+key protection\\s+tpm; TPM 2.0: present on "
                    + java.util.regex.Pattern.quote(tcti));
        }
        out.getBuffer().setLength(0);
        assertThat(run("doctor")).isEqualTo(1);
        assertThat(out.toString()).containsPattern("FAILED\\s+key protection\\s+tpm; TPM: not usable \\(no TPM "
                + "answers on " + java.util.regex.Pattern.quote(tcti));
    }

    @Test
    void printsVersionsAsJson() throws Exception {
        assertThat(run("version", "--json")).isZero();
        JsonNode version = new ObjectMapper().readTree(out.toString());
        assertThat(version.get("java").asText()).startsWith("25");
        assertThat(version.get("javafx").asText()).startsWith("25");
    }

    @Test
    void listsEveryCommandInHelp() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("version", "doctor", "id", "calendar");
    }

    /**
     * The support bundle holds what support needs and no applicant's name, ID number, address or phone, even where
     * a log line (written here on purpose) or a folded name would carry them.
     */
    @Test
    void writesASupportBundleWithoutPersonalData() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
        }
        Path logs = Files.createDirectories(data.resolve("logs"));
        Files.writeString(logs.resolve("motcua.log"), "INFO reception of NGUYỄN THỊ HỒNG NHUNG, 001190012345, "
                + "phone 0912345678, nguyen thi hong nhung, lan@example.vn\nWARN scanner sane:net:1 busy\n");
        Path bundle = data.resolve("ho-tro.zip");
        int exit = run("doctor", "--bundle", bundle.toString());
        assertThat(exit).isZero();
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (var zip = new java.util.zip.ZipFile(bundle.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                files.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsKeys("doctor.txt", "versions.txt", "system.txt", "settings/in-force.txt",
                "scanners.txt", "sync.txt", "logs/motcua.log");
        assertThat(files.get("doctor.txt")).containsPattern("OK\\s+database").contains("PAGE_TEXT: 2 to do");
        assertThat(files.get("scanners.txt")).contains("simulated");
        assertThat(files.get("logs/motcua.log")).contains("WARN scanner sane:net:1 busy", "[removed]");
        assertThat(files.get("settings/in-force.txt")).contains("agency.code=000.00.00.H26");
        String all = String.join("\n", files.values());
        for (String personal : java.util.List.of(TestCounter.APPLICANT_NAME, "001190012345", "0912345678",
                "Hàng Bài", "Hồng Nhung", "hong nhung", "lan@example.vn", "Trần Văn Bình")) {
            assertThat(all.toLowerCase(java.util.Locale.ROOT)).as("bundle holds %s", personal)
                    .doesNotContain(personal.toLowerCase(java.util.Locale.ROOT));
        }
    }
}
