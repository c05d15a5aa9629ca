package vn.motcua.counter.capture.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrReadinessTest {

    @TempDir
    Path empty;

    @Test
    void debiansTesseractAndVietnameseModelAreReady() {
        assertThat(OcrReadiness.check(OcrSettings.defaults()).state()).isEqualTo(OcrReadiness.State.READY);
    }

    @Test
    void aMissingModelIsNamed() {
        OcrReadiness.Result result = OcrReadiness.check(OcrSettings.defaults().withTessdata(empty));
        assertThat(result.state()).isEqualTo(OcrReadiness.State.MODEL_MISSING);
        assertThat(result.model()).isEqualTo(empty.resolve("vie.traineddata"));
    }

    @Test
    void anEngineThatDoesNotLoadIsMissing() {
        assertThat(OcrReadiness.check(OcrSettings.defaults(), "tesseract-not-installed").state())
                .isEqualTo(OcrReadiness.State.ENGINE_MISSING);
    }
}
