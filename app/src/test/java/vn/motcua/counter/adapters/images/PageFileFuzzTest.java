package vn.motcua.counter.adapters.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.motcua.counter.CleanFailures;

/**
 * Images and PDFs a clerk adds (from a USB stick, an e-mail, the applicant's phone): any bytes. They become pages or
 * are refused with a {@code CounterException} ({@code capture.input.*}, {@code page.*}), never a decoder's crash or
 * an OutOfMemoryError (decision 0006). Saved inputs, as files:
 * {@code src/test/resources/vn/motcua/counter/adapters/images/PageFileFuzzTestInputs/<method>/}.
 */
class PageFileFuzzTest {

    private static final Path FOLDER = folder();
    private final ScannedPageFiles files = new ScannedPageFiles();
    private final ImageIoPageImages images = new ImageIoPageImages();

    @FuzzTest(maxDuration = "2m")
    void fileAddedByTheClerk(byte[] content) throws Exception {
        Path file = Files.write(FOLDER.resolve("added"), content);
        CleanFailures.onlyCounterExceptions(() -> assertThat(files.pages(file)).isNotEmpty());
    }

    @FuzzTest(maxDuration = "2m")
    void pageImage(byte[] content) throws Exception {
        CleanFailures.onlyCounterExceptions(() -> {
            images.inspect(content);
            assertThat(images.thumbnail(content, 64)).isNotEmpty();
        });
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("page-fuzz");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
