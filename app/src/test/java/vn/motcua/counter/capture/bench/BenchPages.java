package vn.motcua.counter.capture.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.motcua.counter.capture.testpages.TestPageGenerator;
import vn.motcua.counter.capture.testpages.TestPageGenerator.GeneratedPage;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Layout;
import vn.motcua.counter.capture.testpages.TestPageGenerator.Scan;

/** The benchmarks' 20 generated A4 300-dpi scans: forms, certificates with a red seal, ID card copies, skew ±0.5–5°. */
final class BenchPages {

    static final int PAGES = 20;

    private BenchPages() {
    }

    /** What page {@code seed} is and how it was scanned; generated one at a time (each is 35 MB). */
    record Spec(Layout layout, Scan scan, long seed) {
        GeneratedPage generate() {
            return TestPageGenerator.generate(layout, scan, seed);
        }
    }

    static List<Spec> specs() {
        List<Spec> pages = new ArrayList<>();
        Random random = new Random(2026);
        for (int i = 0; i < PAGES; i++) {
            Layout layout = i % 5 == 1 ? Layout.CERTIFICATE_WITH_SEAL : i % 10 == 3 ? Layout.ID_CARD : Layout.FORM;
            double skew = (0.5 + random.nextDouble() * 4.5) * (random.nextBoolean() ? 1 : -1);
            pages.add(new Spec(layout, Scan.of(300, skew), 100 + i));
        }
        return pages;
    }
}
