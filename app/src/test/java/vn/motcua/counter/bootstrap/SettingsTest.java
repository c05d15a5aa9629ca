package vn.motcua.counter.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.scanner.sane.SaneCredentials;

class SettingsTest {

    @TempDir
    Path data;

    @Test
    void aWrongOcrWorkersSettingIsExplainedAndLeavesTheFolderFree() {
        Settings wrong = Settings.of(Map.of(Settings.DATA_DIR, data.toString(), Settings.OCR_WORKERS, "hai"));
        assertThatThrownBy(() -> CounterWiring.open(wrong, SaveLoopClock.DAY))
                .isInstanceOfSatisfying(CounterException.class, e -> assertThat(
                        Messages.of(Settings.VIETNAMESE).describe(e)).isEqualTo(
                        "Cấu hình sai: ocr.workers=hai. Sửa trong motcua.properties rồi mở lại chương trình."));
        assertThatThrownBy(() -> Settings.of(Map.of(Settings.OCR_WORKERS, "-1")).ocrWorkers())
                .isInstanceOf(CounterException.class);
        assertThat(Settings.of(Map.of(Settings.OCR_WORKERS, "0")).ocrWorkers()).isZero();
        // nothing was opened, so a corrected setting starts at once
        Settings corrected = Settings.of(Map.of(Settings.DATA_DIR, data.toString(), Settings.OCR_WORKERS, "0"));
        CounterWiring.open(corrected, SaveLoopClock.DAY).close();
    }

    @Test
    void theSanePasswordFileIsScanimagesUnlessSet() {
        assertThat(new CounterConfiguration(Settings.of(Map.of())).scannerSetup(List.of()).saneCredentials())
                .isEqualTo(SaneCredentials.fromFile(SaneCredentials.defaultFile()));
        Path shared = data.resolve("sane-pass");
        assertThat(new CounterConfiguration(Settings.of(Map.of(Settings.SCANNER_SANE_PASSFILE, shared.toString()))).scannerSetup(List.of())
                .saneCredentials()).isEqualTo(SaneCredentials.fromFile(shared));
    }

    @Test
    void englishIsChosenOnlyWhenAskedFor() {
        assertThat(Settings.of(Map.of()).locale()).isEqualTo(Settings.VIETNAMESE);
        assertThat(Settings.of(Map.of(Settings.LANGUAGE, "en")).locale()).isEqualTo(Locale.ENGLISH);
    }
}
