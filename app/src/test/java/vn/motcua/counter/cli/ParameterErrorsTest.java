package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seen at the counter: a date the parser refused came out as "cannot convert … to class java.time.LocalDate
 * (java.time.format.DateTimeParseException …)". Every value picocli cannot convert, an unknown option and a missing
 * one are said in the clerk's language, with what is expected, and exit 2.
 */
class ParameterErrorsTest {

    @TempDir
    Path data;

    @AfterEach
    void clear() {
        System.clearProperty("motcua.ui.language");
    }

    @Test
    void valuesThatCannotBeConvertedAreExplainedInWords() {
        assertRefused(new String[] {"calendar", "due", "--received", "2026-13-04T10:00", "--working-days", "3"},
                "Giá trị không hợp lệ cho --received: \"2026-13-04T10:00\" — cần một thời điểm dạng YYYY-MM-DDTHH:MM");
        assertRefused(new String[] {"calendar", "lunar", "2026-02-30"}, "cần một ngày dạng YYYY-MM-DD có thật");
        assertRefused(new String[] {"report", "--format", "csv", "--from", "2026-13-01", "--to", "2026-12-31",
                "--out", data.resolve("r.csv").toString()}, "Giá trị không hợp lệ cho --from");
        assertRefused(new String[] {"sync", "now", "--timeout", "5"}, "ví dụ PT30M (30 phút)");
        assertRefused(new String[] {"calendar", "holidays", "abc"}, "cần một số nguyên");
        assertRefused(new String[] {"version", "--bogus"}, "Không có tùy chọn hay lệnh \"--bogus\"");
        assertRefused(new String[] {"sync", "export"}, "Thiếu --to");
        assertRefused(new String[] {"id", "check", "001190012345", "--sex", "x"}, "--sex phải là nam hoặc nu: x");
    }

    @Test
    void inEnglishWhenTheUiIsEnglish() {
        System.setProperty("motcua.ui.language", "en");
        assertRefused(new String[] {"sync", "now", "--timeout", "5"},
                "Invalid value for --timeout: \"5\" — expected an ISO 8601 duration");
    }

    private void assertRefused(String[] args, String expected) {
        CliRun run = CliRun.motcua(data, args);
        assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(run.err()).as(String.join(" ", args)).contains(expected)
                .doesNotContain("java.time", "Exception", "cannot convert", "Unknown option", "Missing required");
    }
}
