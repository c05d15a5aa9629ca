package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start after one where JavaFX fell back to software rendering asks for it at once (decision 0903). */
class RenderingTest {

    @TempDir
    Path data;
    private String before;

    @BeforeEach
    void clear() {
        before = System.getProperty("prism.order");
        System.clearProperty("prism.order");
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("prism.order");
        } else {
            System.setProperty("prism.order", before);
        }
    }

    @Test
    void theRememberedFallbackAsksForTheSoftwarePipeline() throws Exception {
        Rendering.choose(data);
        assertThat(System.getProperty("prism.order")).isNull();   // nothing remembered: JavaFX tries the GPU

        Files.writeString(data.resolve(Rendering.MEMO), "x");
        Rendering.choose(data);
        assertThat(System.getProperty("prism.order")).isEqualTo("sw");
    }

    @Test
    void anOrderGivenByHandIsLeftAlone() throws Exception {
        Files.writeString(data.resolve(Rendering.MEMO), "x");
        System.setProperty("prism.order", "es2");
        Rendering.choose(data);
        assertThat(System.getProperty("prism.order")).isEqualTo("es2");
    }
}
