package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window's size for the screen it opens on: never larger than the screen's free area. */
class WindowSizeTest {

    @Test
    void aCounterPcsScreenOf1366x768LessItsTaskBarGetsTheWholeHeight() {
        assertThat(CounterApplication.windowSize(new Rectangle2D(0, 0, 1366, 728))).isEqualTo(new Dimension2D(1280, 728));
        assertThat(CounterApplication.windowSize(new Rectangle2D(0, 0, 1024, 738))).isEqualTo(new Dimension2D(1024, 738));
        assertThat(CounterApplication.windowSize(new Rectangle2D(0, 0, 1920, 1040))).isEqualTo(new Dimension2D(1280, 800));
    }
}
