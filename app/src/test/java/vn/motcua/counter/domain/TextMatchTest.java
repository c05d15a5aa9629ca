package vn.motcua.counter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextMatchTest {

    private static final String KHAI_SINH = "1.001193 Thủ tục đăng ký khai sinh";
    private static final String KHAI_TU = "1.000656 Thủ tục đăng ký khai tử";

    @Test
    void theWordsTypedInARowBeatAWordHiddenInAnother() {
        for (String typed : new String[] {"khai tử", "khai tu", "KHAI TU", "khai t"}) {
            assertThat(TextMatch.score(KHAI_TU, typed)).as(typed).isGreaterThan(TextMatch.score(KHAI_SINH, typed));
        }
        assertThat(TextMatch.score(KHAI_SINH, "khai tu")).as("'tu' inside 'tục' still matches").isPositive();
        assertThat(TextMatch.score(KHAI_SINH, "khai sinh")).isGreaterThan(TextMatch.score(KHAI_TU, "khai sinh"));
        assertThat(TextMatch.score(KHAI_TU, "khai sinh")).isZero();
    }

    @Test
    void typedMarksCountInFavour() {
        // "tu" typed with its mark points at "tử", not at "tục"
        assertThat(TextMatch.score(KHAI_TU, "tử")).isGreaterThan(TextMatch.score("Thủ tục A", "tử"));
        assertThat(TextMatch.score(KHAI_TU, "tử")).isGreaterThan(TextMatch.score(KHAI_TU, "tu"));
    }

    @Test
    void codesAndBlankQueries() {
        assertThat(TextMatch.score(KHAI_TU, "1.000656")).isPositive();
        assertThat(TextMatch.score(KHAI_TU, "1.0006")).isPositive();
        assertThat(TextMatch.score(KHAI_TU, "")).isEqualTo(TextMatch.score(KHAI_SINH, "  "));
    }
}
