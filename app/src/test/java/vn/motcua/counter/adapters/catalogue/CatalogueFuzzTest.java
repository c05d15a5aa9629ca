package vn.motcua.counter.adapters.catalogue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.motcua.counter.CleanFailures;

/**
 * Catalogue files (JSON, CSV) and the agency list come from the ministry's portal or a colleague's spreadsheet: any
 * bytes. Each is taken whole or refused with a {@code CounterException} (an {@code InvalidFileException} listing every
 * problem), never a parser's crash (decision 0006). Saved inputs:
 * {@code src/test/resources/vn/motcua/counter/adapters/catalogue/CatalogueFuzzTestInputs/<method>/}.
 */
class CatalogueFuzzTest {

    private static final Path FOLDER = folder();
    private final CatalogueFileSources sources = new CatalogueFileSources();

    @FuzzTest(maxDuration = "2m")
    void jsonCatalogue(byte[] file) throws Exception {
        Path json = Files.write(FOLDER.resolve("catalogue.json"), file);
        CleanFailures.onlyCounterExceptions(() -> sources.procedures(json));
    }

    @FuzzTest(maxDuration = "2m")
    void csvCatalogue(byte[] file) throws Exception {
        Path csv = Files.write(FOLDER.resolve("catalogue.csv"), file);
        CleanFailures.onlyCounterExceptions(() -> sources.procedures(csv));
    }

    @FuzzTest(maxDuration = "2m")
    void agencyList(byte[] file) throws Exception {
        Path csv = Files.write(FOLDER.resolve("agencies.csv"), file);
        CleanFailures.onlyCounterExceptions(() -> sources.agencies(csv));
    }

    private static Path folder() {
        try {
            Path folder = Files.createTempDirectory("catalogue-fuzz");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
