package vn.motcua.counter.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.domain.ProcessingTime;

class VietnamHolidayCalendarTest {

    private final VietnamHolidayCalendar calendar = VietnamHolidayCalendar.bundled();

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private List<LocalDate> daysOff(int year) {
        return calendar.holidays(Year.of(year)).stream().map(Holiday::date).toList();
    }

    @Test
    void schedule2025WithItsSwaps() {
        assertThat(daysOff(2025)).containsExactly(
                d(2025, 1, 1),
                d(2025, 1, 27), d(2025, 1, 28), d(2025, 1, 29), d(2025, 1, 30), d(2025, 1, 31),
                d(2025, 4, 7),
                d(2025, 4, 30), d(2025, 5, 1), d(2025, 5, 2),
                d(2025, 9, 1), d(2025, 9, 2));
        assertThat(calendar.isWorkingDay(d(2025, 4, 26))).as("Saturday 26/04/2025 is worked").isTrue();
        assertThat(calendar.isWorkingDay(d(2025, 5, 2))).isFalse();
        assertThat(calendar.isWorkingDay(d(2025, 4, 7))).as("Hùng Kings' day").isFalse();
        assertThat(calendar.workingWeekendDays(Year.of(2025))).extracting(ScheduleEntry::date).containsExactly(d(2025, 4, 26));
    }

    @Test
    void schedule2026WithTheWorkingSaturdayAndTheCompensatoryMonday() {
        assertThat(daysOff(2026)).containsExactly(
                d(2026, 1, 1), d(2026, 1, 2),
                d(2026, 2, 16), d(2026, 2, 17), d(2026, 2, 18), d(2026, 2, 19), d(2026, 2, 20),
                d(2026, 4, 26), d(2026, 4, 27),
                d(2026, 4, 30), d(2026, 5, 1),
                d(2026, 9, 1), d(2026, 9, 2));
        assertThat(calendar.isWorkingDay(d(2026, 1, 10))).as("Saturday 10/01/2026 is worked").isTrue();
        assertThat(calendar.isWorkingDay(d(2026, 1, 11))).isFalse();
        assertThat(calendar.holiday(d(2026, 4, 27))).get()
                .satisfies(h -> {
                    assertThat(h.kind()).isEqualTo(Holiday.Kind.COMPENSATORY);
                    assertThat(h.name()).contains("Giỗ Tổ Hùng Vương").contains("26/04/2026");
                    assertThat(h.legalBasis()).contains("Điều 111");
                });
        assertThat(calendar.holiday(d(2026, 1, 10))).isEmpty();
    }

    @Test
    void withoutAScheduleTetIsTheLastDayOfTheYearAndMung1To4WithCompensation() {
        // 2027: Tết = Saturday 06/02/2027 (tet-dates.csv); default days 05/02 (Fri) to 09/02 (Tue) cover a weekend.
        List<Holiday> tet = calendar.holidays(Year.of(2027)).stream()
                .filter(h -> h.date().getMonthValue() == 2).toList();
        assertThat(tet).extracting(Holiday::date).containsExactly(
                d(2027, 2, 5), d(2027, 2, 6), d(2027, 2, 7), d(2027, 2, 8), d(2027, 2, 9), d(2027, 2, 10), d(2027, 2, 11));
        assertThat(tet.get(1).name()).isEqualTo("Tết Âm lịch (mùng 1 tháng Giêng)");
        assertThat(tet.subList(5, 7)).allMatch(h -> h.kind() == Holiday.Kind.COMPENSATORY);
    }

    @Test
    void appointmentsAcrossTet2026SkipTheNineDayBreak() {
        // Received Thu 12/02/2026 10:00, 3 working days: Fri 13/02, then Tết to Sun 22/02, Mon 23/02, Tue 24/02.
        assertThat(calendar.appointment(LocalDateTime.of(2026, 2, 12, 10, 0), ProcessingTime.ofWorkingDays(3)))
                .isEqualTo(LocalDateTime.of(2026, 2, 24, 10, 0));
        // Same-day procedure received after 15:00 on Fri 13/02 comes back on Mon 23/02 at closing time.
        assertThat(calendar.appointment(LocalDateTime.of(2026, 2, 13, 15, 30), ProcessingTime.SAME_DAY))
                .isEqualTo(LocalDateTime.of(2026, 2, 23, 17, 0));
        // Received during the break counts from the first working day's opening.
        assertThat(calendar.appointment(LocalDateTime.of(2026, 2, 18, 9, 0), ProcessingTime.ofWorkingDays(1)))
                .isEqualTo(LocalDateTime.of(2026, 2, 24, 7, 30));
    }

    @Test
    void theWorkingSaturdayCountsAsAWorkingDay() {
        // Fri 09/01/2026 09:00 + 1 working day = Sat 10/01/2026 (làm bù); the Monday-Friday calendar says Mon 12/01.
        LocalDateTime received = LocalDateTime.of(2026, 1, 9, 9, 0);
        assertThat(calendar.appointment(received, ProcessingTime.ofWorkingDays(1))).isEqualTo(LocalDateTime.of(2026, 1, 10, 9, 0));
        assertThat(new WorkingWeekCalendar().appointment(received, ProcessingTime.ofWorkingDays(1)))
                .isEqualTo(LocalDateTime.of(2026, 1, 12, 9, 0));
    }

    @Test
    void anOverrideAddsTheNationalDayDecisionAndReportsBadLines() {
        String override = """
                # province IT: PM decision for 2/9/2026
                2026-09-03;NATIONAL_DAY;Quốc khánh (ngày liền kề);Văn bản giả định số 1/VPCP
                2026-09-04;OFF;Nghỉ hoán đổi;Văn bản giả định số 1/VPCP
                2026-09-12;work;Làm bù cho thứ Sáu 04/09/2026;Văn bản giả định số 1/VPCP
                2026-13-01;OFF;Ngày sai;x
                2026-11-24;HOLIDAY
                """;
        VietnamHolidayCalendar.Loaded loaded = VietnamHolidayCalendar.withOverrides(override);
        assertThat(loaded.problems()).extracting(ScheduleProblem::line, ScheduleProblem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, ScheduleProblem.Reason.BAD_DATE),
                org.assertj.core.groups.Tuple.tuple(6, ScheduleProblem.Reason.TOO_FEW_FIELDS));
        VietnamHolidayCalendar overridden = loaded.calendar();
        assertThat(overridden.isWorkingDay(d(2026, 9, 1))).as("the default adjacent day is replaced").isTrue();
        assertThat(overridden.isWorkingDay(d(2026, 9, 3))).isFalse();
        assertThat(overridden.isWorkingDay(d(2026, 9, 4))).isFalse();
        assertThat(overridden.isWorkingDay(d(2026, 9, 12))).isTrue();
        // the bundled lines are still there
        assertThat(overridden.isWorkingDay(d(2026, 1, 10))).isTrue();
        assertThat(overridden.isWorkingDay(d(2026, 1, 2))).isFalse();
    }

    @Test
    void anOverrideTetLineReplacesTheWholeBundledTetOfItsYear() {
        VietnamHolidayCalendar overridden = VietnamHolidayCalendar.withOverrides(
                "2026-02-23;TET;Tết Âm lịch (mùng 7);thử nghiệm").calendar();
        assertThat(overridden.isWorkingDay(d(2026, 2, 16))).isTrue();
        assertThat(overridden.isWorkingDay(d(2026, 2, 23))).isFalse();
    }

    @Test
    void aBlankOverrideChangesNothing() {
        VietnamHolidayCalendar.Loaded loaded = VietnamHolidayCalendar.withOverrides(null);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.calendar().holidays(Year.of(2026))).isEqualTo(calendar.holidays(Year.of(2026)));
    }

    @Test
    void namesAndLegalBasisComeWithEachDay() {
        assertThat(calendar.holidays(Year.of(2026)))
                .allSatisfy(h -> {
                    assertThat(h.name()).isNotBlank();
                    assertThat(h.legalBasis()).isNotBlank();
                });
        assertThat(calendar.holiday(d(2026, 1, 10))).isEmpty();
        assertThat(calendar.holiday(d(2026, 2, 16)).orElseThrow().legalBasis()).contains("Bính Ngọ");
    }
}
