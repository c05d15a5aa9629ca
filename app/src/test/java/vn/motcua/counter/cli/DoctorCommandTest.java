package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    }

    private int run(String... args) {
        System.setProperty("motcua.data.dir", data.toString());
        return new CommandLine(new MotcuaCommand(CounterLauncher.load())).setOut(new PrintWriter(out)).execute(args);
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
}
