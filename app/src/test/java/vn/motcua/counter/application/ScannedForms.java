package vn.motcua.counter.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.capture.testpages.TestPageGenerator;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Layout;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Scan;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.Procedure;

/**
 * A reception whose pages need real OCR: generated A4 birth-registration forms at 200 dpi, slightly skewed, stored
 * as PNG without a resolution as a scanner without one would deliver them.
 */
public final class ScannedForms {

    private ScannedForms() {
    }

    /** The {@code i}-th generated form, a 200-dpi scan with a little skew, as a PNG file's bytes. */
    public static byte[] png(int i) {
        var page = TestPageGenerator.generate(Layout.FORM, Scan.of(200, 0.8 + i), 70 + i);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(page.image(), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** The marital-status procedure's first component with {@code pages} forms; the second component empty. */
    public static ReceptionRequest request(CounterWiring counter, int pages) {
        Procedure procedure = counter.catalogue().procedure("1.004873").orElseThrow();
        List<Page> stored = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            stored.add(counter.reception().storePage(png(i), Page.PageSource.SCANNED));
        }
        List<Document> documents = List.of(new Document(procedure.components().get(0), stored),
                new Document(procedure.components().get(1), List.of()));
        return new ReceptionRequest(TestCounter.applicant(), procedure, procedure.processingTime(), documents);
    }
}
