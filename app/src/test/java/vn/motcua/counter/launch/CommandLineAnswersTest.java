package vn.motcua.counter.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What ./motcua prints to a user who got something wrong, seen from outside the process. */
class CommandLineAnswersTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aDataFolderThatIsAPlainFileGetsOneClearMessageAndDoctorFails() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "not a folder");
        ChildCounter counter = new ChildCounter(plain, dir.resolve("home"), dir.resolve("tmp"));

        ChildCounter.Result report = counter.run(dir.resolve("report"), "report", "--from", "2026-12-01", "--to",
                "2026-12-31", "--format", "csv", "--out", dir.resolve("r.csv").toString());
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.err()).contains("là một tệp, không phải thư mục").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(report.err().lines().count()).as(report.err()).isLessThanOrEqualTo(2);

        ChildCounter.Result doctor = counter.run(dir.resolve("doctor"), "doctor");
        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.out()).contains("is a file, not a folder").doesNotContain("created on first start");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theLogIsInTheCountersTimeZone() throws Exception {
        Path data = dir.resolve("data");
        ChildCounter counter = new ChildCounter(data, dir.resolve("home"), dir.resolve("tmp")).option("-Duser.timezone=UTC");
        ChildCounter.Result report = counter.run(dir.resolve("report"), "report", "--from", "2026-12-01", "--to",
                "2026-12-31", "--format", "csv", "--out", dir.resolve("r.csv").toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        var lines = Files.readAllLines(data.resolve("logs/motcua.log")).stream()
                .filter(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT.*")).toList();
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l.substring(0, 29)).endsWith("+07:00"));
    }
}
