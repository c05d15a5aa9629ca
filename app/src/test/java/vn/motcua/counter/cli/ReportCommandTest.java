package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;

class ReportCommandTest {

    @TempDir
    Path data;
    @TempDir
    Path files;

    @Test
    void writesThePdfAndPrintsTheFigures() throws Exception {
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
        }
        Path pdf = files.resolve("thang-11.pdf");
        CliRun run = CliRun.motcua(data, "report", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "pdf",
                "--out", pdf.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        assertThat(run.out()).containsPattern("Hồ sơ tiếp nhận\\s+1").contains("thang-11.pdf");
    }

    @Test
    void aWrongPeriodOrFormatIsRefused() {
        Path csv = files.resolve("x.csv");
        assertThat(CliRun.motcua(data, "report", "--from", "2026-11-30", "--to", "2026-11-01", "--format", "csv",
                "--out", csv.toString()).exitCode()).isEqualTo(1);
        assertThat(csv).doesNotExist();
        assertThat(CliRun.motcua(data, "report", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "xls",
                "--out", csv.toString()).exitCode()).isEqualTo(2);
    }
}
