package vn.motcua.counter.capture.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corrects what Tesseract's Latin models get wrong about the MRZ filler {@code <}, using what ICAO 9303 fixes about
 * the zone: one monospace font (OCR-B), so every character takes the same pitch.
 * <ul>
 * <li>A run of fillers often comes back as one symbol with a wide box: it stands for as many fillers as pitches fit
 * in it; a filler it drops leaves an empty cell; a character sometimes comes back twice, once as a sliver. So an
 * MRZ line is rebuilt on its grid of cells.</li>
 * <li>OCR-B's chevron is often read as K or C, which no check digit catches in the name line. A chevron's left
 * quarter holds only its tip, in the middle of its height; every letter A–Z has ink higher or lower there (K and C a
 * full stem or curve, A its foot, V and T their tops), so a letter whose box looks like that is a filler.</li>
 * </ul>
 */
final class MrzGlyphs {

    /** Grey levels below this are ink; the card's light security print stays above. */
    private static final int INK = 128;

    /** One recognised symbol and its box on the image. */
    record Glyph(String text, Rectangle box) {
    }

    private MrzGlyphs() {
    }

    /** The lines' text, one line per text line, with fillers counted and recognised by their shape. */
    static String text(List<List<Glyph>> lines, BufferedImage grey) {
        List<String> text = new ArrayList<>();
        for (List<Glyph> line : lines) {
            double pitch = pitch(line);
            // every MRZ line has a filler Tesseract did see; the card's other print is left as read
            boolean mrzLike = pitch > 0 && line.stream().anyMatch(glyph -> glyph.text().equals("<"));
            text.add(mrzLike ? onTheGrid(line, pitch, grey)
                    : String.join("", line.stream().map(Glyph::text).toList()));
        }
        return String.join("\n", text);
    }

    /**
     * A monospace line rebuilt cell by cell from its first glyph: a glyph goes to the cell its left edge falls in,
     * a filler box fills as many cells as it spans, and where two glyphs claim one cell (Tesseract sometimes adds a
     * sliver beside a real glyph) the wider is kept. A cell nothing claimed, between claimed ones, is a filler
     * Tesseract dropped: fillers are the only blank-looking characters the zone has.
     */
    static String onTheGrid(List<Glyph> line, double pitch, BufferedImage grey) {
        int origin = line.getFirst().box().x;
        Map<Integer, Glyph> claims = new HashMap<>();
        Map<Integer, Character> cells = new HashMap<>();
        for (Glyph glyph : line) {
            int cell = (int) Math.round((glyph.box().x - origin) / pitch);
            Glyph held = claims.get(cell);
            if (held != null && held.box().width >= glyph.box().width) {
                continue;
            }
            claims.put(cell, glyph);
            boolean filler = glyph.text().equals("<") || glyph.text().length() == 1
                    && Character.isLetter(glyph.text().charAt(0)) && looksLikeFiller(grey, glyph.box(), pitch);
            int span = filler ? fillersIn(glyph.box(), pitch) : 1;
            for (int i = 0; i < span; i++) {
                cells.put(cell + i, filler ? '<' : glyph.text().charAt(0));
            }
        }
        int last = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        StringBuilder out = new StringBuilder();
        for (int cell = 0; cell <= last; cell++) {
            out.append(cells.getOrDefault(cell, '<'));
        }
        return out.toString();
    }

    /**
     * The distance from one character's left edge to the next: the most common step between neighbours (a step over
     * a merged run is a multiple of it); 0 when the line has too few symbols to tell.
     */
    static double pitch(List<Glyph> line) {
        List<Integer> steps = new ArrayList<>();
        for (int i = 1; i < line.size(); i++) {
            int step = line.get(i).box().x - line.get(i - 1).box().x;
            if (step > 0) {
                steps.add(step);
            }
        }
        if (steps.size() < 5) {
            return 0;
        }
        steps.sort(null);
        return steps.get(steps.size() / 2);
    }

    /**
     * How many fillers a box spans: a single chevron is a little narrower than the pitch (side bearings), so each
     * further one adds a whole pitch.
     */
    static int fillersIn(Rectangle box, double pitch) {
        if (pitch <= 0) {
            return 1;
        }
        return Math.max(1, (int) Math.round(box.width / pitch + 0.15));
    }

    /** The shape test on the box's first cell: a run of fillers read as one letter is judged by its first chevron. */
    static boolean looksLikeFiller(BufferedImage grey, Rectangle box, double pitch) {
        Rectangle first = new Rectangle(box.x, box.y, Math.min(box.width, (int) Math.round(pitch * 0.75)), box.height);
        Rectangle glyph = first.intersection(new Rectangle(grey.getWidth(), grey.getHeight()));
        if (glyph.width < 4 || glyph.height < 8) {
            return false;
        }
        int quarter = Math.max(1, glyph.width / 4);
        int[] left = inkRows(grey, glyph, glyph.x, quarter);
        int[] right = inkRows(grey, glyph, glyph.x + glyph.width - quarter, quarter);
        if (left == null || right == null) {
            return false;
        }
        int h = glyph.height;
        boolean tipInTheMiddle = left[0] >= h / 4 && left[1] <= h - 1 - h / 4;
        boolean armsReachUpAndDown = right[0] < h / 4 && right[1] > h - 1 - h / 4;
        return tipInTheMiddle && armsReachUpAndDown;
    }

    /** The first and last row (relative to the box) with ink in the given columns, or null if there is none. */
    private static int[] inkRows(BufferedImage grey, Rectangle glyph, int fromX, int width) {
        var raster = grey.getRaster();
        int first = -1;
        int last = -1;
        for (int y = 0; y < glyph.height; y++) {
            for (int x = fromX; x < fromX + width; x++) {
                if (raster.getSample(x, glyph.y + y, 0) < INK) {
                    if (first < 0) {
                        first = y;
                    }
                    last = y;
                    break;
                }
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }
}
