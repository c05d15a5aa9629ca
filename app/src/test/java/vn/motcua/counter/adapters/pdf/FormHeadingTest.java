package vn.motcua.counter.adapters.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.bootstrap.Settings;
import vn.motcua.counter.crash.SaveLoopClock;

/** The forms' heading keeps the agency's name clear of the national motto, however long the name. */
class FormHeadingTest {

    @TempDir
    Path data;

    /** One run of text as drawn: its left and right edge and its baseline. */
    private record Run(String text, float left, float right, float baseline) {
    }

    @Test
    void aWardUnderACityGoesOverTwoLinesLeftOfTheMotto() throws Exception {
        Settings settings = Settings.of(Map.of(Settings.DATA_DIR, data.toString(),
                Settings.AGENCY_CODE, TestCounter.AGENCY, Settings.CLERK_NAME, "Trần Văn Bình",
                Settings.AGENCY_NAME, "Ủy ban nhân dân phường Bến Thành, Thành phố Hồ Chí Minh",
                Settings.OCR_WORKERS, "0"));
        byte[] receipt;
        try (CounterWiring counter = CounterWiring.open(settings, SaveLoopClock.DAY)) {
            var received = counter.reception().receive(TestCounter.request(counter, 1), counter.profile());
            receipt = counter.contents().read(received.pdfContentId());
        }
        List<Run> runs = runs(receipt);
        Run first = find(runs, "ỦY BAN NHÂN DÂN PHƯỜNG BẾN THÀNH,");
        Run second = find(runs, "THÀNH PHỐ HỒ CHÍ MINH");
        Run nation = find(runs, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assertThat(first.baseline()).isLessThan(second.baseline());
        assertThat(List.of(first.right(), second.right())).allSatisfy(right ->
                assertThat(right).isLessThan(nation.left()));
    }

    private static Run find(List<Run> runs, String text) {
        return runs.stream().filter(r -> r.text().strip().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError(text + " not drawn as one run; runs: " + runs));
    }

    private static List<Run> runs(byte[] pdf) throws IOException {
        List<Run> runs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> glyphs) {
                TextPosition last = glyphs.getLast();
                runs.add(new Run(text, glyphs.getFirst().getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                        last.getYDirAdj()));
            }
        };
        try (PDDocument document = Loader.loadPDF(pdf)) {
            stripper.getText(document);
        }
        return runs;
    }
}
