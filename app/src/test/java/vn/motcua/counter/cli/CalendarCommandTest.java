package vn.motcua.counter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarCommandTest {

    @TempDir
    Path data;

    @Test
    void holidaysPrintsOneSortedLinePerDayOff() {
        CliRun run = CliRun.motcua(data, "calendar", "holidays", "2026");
        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines).hasSize(13);
        assertThat(lines[0]).isEqualTo("2026-01-01\tTết Dương lịch");
        assertThat(lines).contains("2026-04-27\tNghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch) (26/04/2026)");
        assertThat(lines).isSorted();
        assertThat(run.out()).doesNotContain("2026-01-10");
    }

    @Test
    void holidaysTakesAnOverrideFileAndReportsItsBadLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lich-nghi.txt");
        Files.writeString(file, "2026-09-03;NATIONAL_DAY;Quốc khánh (ngày liền kề);VB thử\nsai;OFF;x\n");
        CliRun run = CliRun.motcua(data, "calendar", "holidays", "2026", "--overrides", file.toString());
        assertThat(run.out()).contains("2026-09-03\tQuốc khánh (ngày liền kề)").doesNotContain("2026-09-01");
        assertThat(run.err()).contains(":2: Ngày phải viết yyyy-MM-dd.");
    }

    @Test
    void holidaysAsJson() throws Exception {
        JsonNode days = new ObjectMapper().readTree(CliRun.motcua(data, "calendar", "holidays", "2025", "--json").out());
        assertThat(days).hasSize(12);
        assertThat(days.get(0).get("date").asText()).isEqualTo("2025-01-01");
        assertThat(days.get(0).get("kind").asText()).isEqualTo("STATUTORY");
    }

    @Test
    void duePrintsTheAppointment() throws Exception {
        CliRun run = CliRun.motcua(data, "calendar", "due", "--received", "2026-02-12T10:00", "--working-days", "3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("2026-02-24T10:00");
        JsonNode json = new ObjectMapper().readTree(CliRun.motcua(data, "calendar", "due", "--received", "2026-02-13T16:00",
                "--working-hours", "3", "--json").out());
        assertThat(json.get("appointment").asText()).isEqualTo("2026-02-23T09:30:00");
        assertThat(CliRun.motcua(data, "calendar", "due", "--received", "2026-02-12T10:00").exitCode()).isEqualTo(2);
        assertThat(CliRun.motcua(data, "calendar", "due", "--received", "2026-02-12T10:00", "--working-hours", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void limitsAndDatesTheCalendarCannotCountAreRefusedInWords() {
        for (String[] args : new String[][] {
                {"due", "--received", "2026-12-04T10:00", "--working-days", "99999999"},
                {"due", "--received", "9999-12-31T09:30", "--working-days", "3"}}) {
            CliRun run = CliRun.motcua(data, java.util.stream.Stream.concat(java.util.stream.Stream.of("calendar"),
                    java.util.Arrays.stream(args)).toArray(String[]::new));
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("từ năm 1800 đến năm 2199").doesNotContain("Exception", "\tat ");
        }
        CliRun negative = CliRun.motcua(data, "calendar", "due", "--received", "2026-12-04T10:00", "--working-days", "-5");
        assertThat(negative.err()).contains("Số ngày làm việc phải là số từ 0 trở lên (0 = trong ngày), không phải -5")
                .doesNotContain("must not be negative");
        assertThat(CliRun.motcua(data, "calendar", "holidays", "2300").err()).contains("đến năm 2199");
    }

    @Test
    void lunarPrintsTheVietnameseDate() throws Exception {
        CliRun run = CliRun.motcua(data, "calendar", "lunar", "2026-02-17");
        assertThat(run.out().strip()).isEqualTo("1/1 năm Bính Ngọ (1/1/2026 âm lịch)");
        JsonNode json = new ObjectMapper().readTree(CliRun.motcua(data, "calendar", "lunar", "2023-03-25", "--json").out());
        assertThat(json.get("day").asInt()).isEqualTo(4);
        assertThat(json.get("month").asInt()).isEqualTo(2);
        assertThat(json.get("year").asInt()).isEqualTo(2023);
        assertThat(json.get("leap").asBoolean()).isTrue();
        assertThat(CliRun.motcua(data, "calendar", "lunar", "2026-02-30").exitCode()).isEqualTo(2);
    }
}
