package vn.motcua.counter.adapters.images;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.motcua.counter.application.port.MrzImages;
import vn.motcua.counter.application.port.PageImages;
import vn.motcua.counter.capture.PageCleanup;
import vn.motcua.counter.capture.PageKind;
import vn.motcua.counter.capture.ocr.MrzOcr;

/**
 * OCRs a card back and keeps the three consecutive lines that look like TD1 MRZ lines (about 30 characters with
 * fillers); the card's other printing (place of issue, fingerprints) is ignored. Check digits are the domain's job.
 * The picture is first cleaned like any scanned page, kept grey: a card laid askew on the glass is straightened. (Made
 * black and white, the runs of fillers merge into bars Tesseract reads even worse; the light security print behind
 * the MRZ stays light, under the ink threshold of {@code MrzGlyphs}.)
 */
public final class TesseractMrzImages implements MrzImages {

    private static final int LINE = 30;
    /** OCR may merge or split a run of fillers; a line this close to 30 is evened out before the checks. */
    private static final int SLACK = 3;
    private static final Pattern FILLERS = Pattern.compile("<+");
    private static final Pattern TD1_SECOND_LINE = Pattern.compile("\\d{7}[MF<]\\d{7}");
    /** Card scans without a resolution tag are usually 300 dpi. */
    private static final int DPI = 300;

    private final PageImages pages;
    private final PageCleanup cleanup;
    private final MrzOcr ocr;

    public TesseractMrzImages(PageImages pages, PageCleanup cleanup, MrzOcr ocr) {
        this.pages = pages;
        this.cleanup = cleanup;
        this.ocr = ocr;
    }

    @Override
    public Optional<String> mrzLines(byte[] image) {
        BufferedImage picture = CardPictures.read(pages, image);
        BufferedImage grey = grey(cleanup.clean(picture, DPI, PageKind.GREY).ocrImage());
        // a card laid upside down on the glass, or photographed upright, is still read
        for (int quarterTurns : new int[] {0, 2, 1, 3}) {
            Optional<String> lines = mrz(ocr.read(turned(grey, quarterTurns), DPI));
            if (lines.isPresent()) {
                return lines;
            }
        }
        return Optional.empty();
    }

    private static BufferedImage turned(BufferedImage grey, int quarterTurns) {
        if (quarterTurns == 0) {
            return grey;
        }
        boolean sideways = quarterTurns % 2 == 1;
        int w = sideways ? grey.getHeight() : grey.getWidth();
        int h = sideways ? grey.getWidth() : grey.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var g = out.createGraphics();
        try {
            g.translate(w / 2.0, h / 2.0);
            g.rotate(Math.PI / 2 * quarterTurns);
            g.drawImage(grey, -grey.getWidth() / 2, -grey.getHeight() / 2, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static Optional<String> mrz(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String compact = line.replaceAll("\\s", "");
            if (compact.isEmpty()) {
                continue;
            }
            lines.add(compact);
        }
        // A line of the card's other print can pass for an MRZ line too: three whose second line starts as TD1's
        // does (birth date and check digit, sex, expiry and check digit) are taken first.
        Optional<List<String>> first = Optional.empty();
        for (int i = 0; i + 3 <= lines.size(); i++) {
            List<String> three = lines.subList(i, i + 3);
            if (three.stream().allMatch(l -> Math.abs(l.length() - LINE) <= SLACK && l.indexOf('<') >= 0)) {
                if (TD1_SECOND_LINE.matcher(three.get(1)).lookingAt()) {
                    first = Optional.of(three);
                    break;
                }
                first = first.or(() -> Optional.of(three));
            }
        }
        return first.map(three -> String.join("\n", three.stream().map(TesseractMrzImages::even).toList()));
    }

    /**
     * Lengthens or shortens the line's longest run of fillers to make 30 characters: OCR miscounts long runs of
     * {@code <}, never the digits between them, and the check digits then tell whether the result is right.
     */
    private static String even(String line) {
        java.util.regex.Matcher runs = FILLERS.matcher(line);
        int start = -1;
        int end = -1;
        while (runs.find()) {
            if (runs.end() - runs.start() > end - start) {
                start = runs.start();
                end = runs.end();
            }
        }
        int length = end - start + LINE - line.length();
        return length < 1 ? line : line.substring(0, start) + "<".repeat(length) + line.substring(end);
    }

    private static BufferedImage grey(BufferedImage picture) {
        if (picture.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return picture;
        }
        BufferedImage grey = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        var g = grey.createGraphics();
        try {
            g.drawImage(picture, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return grey;
    }
}
