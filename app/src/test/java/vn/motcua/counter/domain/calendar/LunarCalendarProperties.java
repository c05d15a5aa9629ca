package vn.motcua.counter.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LunarCalendarProperties {

    private static final LunarCalendar VN = LunarCalendar.vietnam();

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs()
                .between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2150, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Property(tries = 2000)
    void solarToLunarToSolarIsTheIdentity(@ForAll("dates") LocalDate date) {
        LunarDate lunar = VN.toLunar(date);
        assertThat(VN.toSolar(lunar)).contains(date);
    }

    @Property(tries = 1000)
    void consecutiveDaysAreConsecutiveLunarDays(@ForAll("dates") LocalDate date) {
        LunarDate today = VN.toLunar(date);
        LunarDate tomorrow = VN.toLunar(date.plusDays(1));
        if (tomorrow.day() == 1) {
            assertThat(today.day()).isBetween(29, 30);
            assertThat(VN.monthLength(today.year(), today.month(), today.leapMonth())).hasValue(today.day());
        } else {
            assertThat(tomorrow).isEqualTo(new LunarDate(today.year(), today.month(), today.day() + 1, today.leapMonth()));
        }
    }

    @Property(tries = 300)
    void tetFallsBetween21JanuaryAnd20February(@ForAll("years") int year) {
        LocalDate tet = VN.newYear(year);
        assertThat(tet).isBetween(LocalDate.of(year, 1, 21), LocalDate.of(year, 2, 20));
    }

    @Property(tries = 300)
    void aLunarYearHasTwelveOrThirteenMonthsOf353To385Days(@ForAll("years") int year) {
        long days = VN.newYear(year + 1).toEpochDay() - VN.newYear(year).toEpochDay();
        if (VN.leapMonth(year).isPresent()) {
            assertThat(days).isBetween(383L, 385L);
        } else {
            assertThat(days).isBetween(353L, 355L);
        }
    }

    @Provide
    Arbitrary<Integer> years() {
        return Arbitraries.integers().between(1901, 2149);
    }
}
