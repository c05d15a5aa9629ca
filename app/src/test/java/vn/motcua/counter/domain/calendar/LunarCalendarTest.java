package vn.motcua.counter.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class LunarCalendarTest {

    private static final LunarCalendar VN = LunarCalendar.vietnam();
    private static final LunarCalendar CN = LunarCalendar.forZone(ZoneOffset.ofHours(8));

    record Expected(int year, LocalDate tetVn, LocalDate hungKingsVn, LocalDate tetCn, LocalDate hungKingsCn) {
    }

    static List<Expected> published() throws IOException {
        try (var in = Objects.requireNonNull(LunarCalendarTest.class.getResourceAsStream("tet-dates-2000-2050.csv"));
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("year") && !line.isBlank())
                    .map(line -> line.split(","))
                    .map(f -> new Expected(Integer.parseInt(f[0]), LocalDate.parse(f[1]), LocalDate.parse(f[2]),
                            LocalDate.parse(f[3]), LocalDate.parse(f[4])))
                    .toList();
        }
    }

    @Test
    void tetAndHungKingsDay2000To2050MatchThePublishedVietnameseTable() throws IOException {
        List<Expected> rows = published();
        assertThat(rows).hasSize(51);
        for (Expected row : rows) {
            assertThat(VN.newYear(row.year())).as("Tết %d", row.year()).isEqualTo(row.tetVn());
            assertThat(VN.toSolar(LunarDate.of(row.year(), 3, 10))).as("10/3 %d", row.year()).contains(row.hungKingsVn());
            assertThat(VN.toLunar(row.tetVn())).isEqualTo(LunarDate.of(row.year(), 1, 1));
        }
    }

    @Test
    void theSameRulesAtUtcPlus8GiveThePublishedChineseDates() throws IOException {
        for (Expected row : published()) {
            assertThat(CN.newYear(row.year())).as("Chinese new year %d", row.year()).isEqualTo(row.tetCn());
            assertThat(CN.toSolar(LunarDate.of(row.year(), 3, 10))).as("CN 10/3 %d", row.year()).contains(row.hungKingsCn());
        }
    }

    @Test
    void tetDiffersFromTheChineseCalendarIn2007And2030Only() throws IOException {
        assertThat(VN.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
        assertThat(CN.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 18));
        assertThat(VN.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
        assertThat(CN.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 3));
        List<Integer> differing = published().stream()
                .filter(row -> !VN.newYear(row.year()).equals(CN.newYear(row.year())))
                .map(Expected::year)
                .toList();
        assertThat(differing).containsExactly(2007, 2030);
    }

    @Test
    void knownLeapMonths() {
        // Vietnamese calendars print "tháng 2 nhuận" in Quý Mão 2023, "tháng 6 nhuận" in Ất Tỵ 2025, "tháng 4 nhuận" in 2020.
        assertThat(VN.leapMonth(2023)).hasValue(2);
        assertThat(VN.leapMonth(2025)).hasValue(6);
        assertThat(VN.leapMonth(2020)).hasValue(4);
        assertThat(VN.leapMonth(2024)).isEmpty();
        assertThat(VN.toLunar(LocalDate.of(2023, 3, 25))).isEqualTo(new LunarDate(2023, 2, 4, true));
        assertThat(VN.toSolar(new LunarDate(2024, 2, 1, true))).isEmpty();
    }

    @Test
    void monthsAreTwentyNineOrThirtyDaysAndDayThirtyOfAShortMonthDoesNotExist() {
        // holidays-vn.md: tháng Chạp Giáp Thìn (month 12 of 2024) has 29 days, so 2025-01-28 is 29 Chạp.
        assertThat(VN.monthLength(2024, 12, false)).hasValue(29);
        assertThat(VN.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(LunarDate.of(2024, 12, 29));
        assertThat(VN.toSolar(LunarDate.of(2024, 12, 30))).isEmpty();
        // 2026-09-28 is the 18th of the eighth month of Bính Ngọ.
        assertThat(VN.toLunar(LocalDate.of(2026, 9, 28))).isEqualTo(LunarDate.of(2026, 8, 18));
    }

    @Test
    void daysBeforeTetBelongToThePreviousLunarYear() {
        assertThat(VN.toLunar(LocalDate.of(2026, 2, 16))).isEqualTo(LunarDate.of(2025, 12, 29));
        assertThat(VN.toLunar(LocalDate.of(2026, 1, 1))).isEqualTo(LunarDate.of(2025, 11, 13));
    }

    @Test
    void yearNamesFollowTheSixtyYearCycle() {
        // holidays-vn.md: Tết Ất Tỵ 2025, Bính Ngọ 2026, Đinh Mùi 2027; Giáp Thìn 2024.
        assertThat(LunarDate.of(2024, 1, 1).yearName()).isEqualTo("Giáp Thìn");
        assertThat(LunarDate.of(2025, 1, 1).yearName()).isEqualTo("Ất Tỵ");
        assertThat(LunarDate.of(2026, 1, 1).yearName()).isEqualTo("Bính Ngọ");
        assertThat(LunarDate.of(2027, 1, 1).yearName()).isEqualTo("Đinh Mùi");
        assertThat(LunarDate.of(1984, 1, 1).yearName()).isEqualTo("Giáp Tý");
    }
}
