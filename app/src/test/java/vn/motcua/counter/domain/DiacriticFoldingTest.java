package vn.motcua.counter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiacriticFoldingTest {

    @Test
    void findsVietnameseNamesTypedWithoutDiacritics() {
        assertThat(DiacriticFolding.matches("Thủ tục đăng ký khai sinh", "khai sinh")).isTrue();
        assertThat(DiacriticFolding.matches("Thủ tục đăng ký khai sinh", "dang ky")).isTrue();
        assertThat(DiacriticFolding.matches("Thủ tục đăng ký khai sinh", "ĐĂNG KÝ")).isTrue();
        assertThat(DiacriticFolding.matches("Thủ tục đăng ký khai tử", "khai sinh")).isFalse();
    }

    @Test
    void foldsDWithStroke() {
        assertThat(DiacriticFolding.fold("Đặng Văn Đức")).isEqualTo("dang van duc");
    }
}
