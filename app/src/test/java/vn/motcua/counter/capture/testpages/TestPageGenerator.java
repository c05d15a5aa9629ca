package vn.motcua.counter.capture.testpages;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.motcua.counter.capture.testpages.VietnameseTexts.Line;

/**
 * Synthetic scans with known ground truth: Vietnamese forms, certificates with a red seal, an ID card copy, blank
 * pages. A page is typeset on white, then "scanned": rotated by the skew, tinted like paper, given sensor noise
 * and dust speckles, optionally laid on a dark scanner bed. Generated at test time so no binaries are committed.
 */
public final class TestPageGenerator {

    public enum Layout { FORM, CERTIFICATE_WITH_SEAL, ID_CARD, BLANK }

    /** How the page is "scanned". {@code quarterTurns} turns the paper 90° clockwise per turn before scanning. */
    public record Scan(int dpi, double skewDegrees, double noiseSigma, int speckles, int bedMarginMm, int quarterTurns) {
        public static Scan of(int dpi, double skewDegrees) {
            return new Scan(dpi, skewDegrees, 7, 400, 0, 0);
        }

        public Scan withBed(int mm) {
            return new Scan(dpi, skewDegrees, noiseSigma, speckles, mm, quarterTurns);
        }

        public Scan turned(int turns) {
            return new Scan(dpi, skewDegrees, noiseSigma, speckles, bedMarginMm, turns);
        }
    }

    /** The scan, its ground-truth text (one line per typeset line) and where the seal's centre is (or null). */
    public record GeneratedPage(BufferedImage image, String text, Scan scan, Layout layout, java.awt.Point sealCentre) {
    }

    static final Color SEAL_RED = new Color(205, 32, 38);

    private TestPageGenerator() {
    }

    public static GeneratedPage generate(Layout layout, Scan scan, long seed) {
        Random random = new Random(seed);
        int dpi = scan.dpi();
        BufferedImage paper = new BufferedImage(mm(210, dpi), mm(297, dpi), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = paper.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, paper.getWidth(), paper.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        List<String> truth = new ArrayList<>();
        java.awt.Point seal = null;
        switch (layout) {
            case FORM -> typeset(g, VietnameseTexts.birthRegistrationForm(random), dpi, mm(25, dpi), mm(20, dpi),
                    paper.getWidth() - mm(45, dpi), truth);
            case CERTIFICATE_WITH_SEAL -> {
                int y = typeset(g, VietnameseTexts.certificate(random), dpi, mm(25, dpi), mm(20, dpi),
                        paper.getWidth() - mm(45, dpi), truth);
                seal = SealDrawer.signatureBlock(g, dpi, paper.getWidth() - mm(80, dpi), y + mm(8, dpi),
                        VietnameseTexts.name(random), truth);
            }
            case ID_CARD -> {
                List<Line> caption = List.of(Line.body("Bản sao căn cước công dân kèm theo hồ sơ"));
                int y = typeset(g, caption, dpi, mm(25, dpi), mm(25, dpi), paper.getWidth(), truth);
                SealDrawer.idCard(g, dpi, mm(25, dpi), y + mm(6, dpi), VietnameseTexts.idCard(random), truth);
            }
            case BLANK -> { }
        }
        g.dispose();
        BufferedImage turned = quarterTurn(paper, scan.quarterTurns());
        BufferedImage scanned = Scanner.scan(turned, scan, random);
        return new GeneratedPage(scanned, String.join("\n", truth), scan, layout, seal);
    }

    static int mm(double millimetres, int dpi) {
        return (int) Math.round(millimetres / 25.4 * dpi);
    }

    static Font font(boolean bold, float points, int dpi) {
        String file = bold ? "/fonts/LiberationSerif-Bold.ttf" : "/fonts/LiberationSerif-Regular.ttf";
        try (InputStream in = TestPageGenerator.class.getResourceAsStream(file)) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(points * dpi / 72f);
        } catch (IOException | java.awt.FontFormatException e) {
            throw new UncheckedIOException(new IOException("cannot load " + file, e));
        }
    }

    /** Draws lines top-down and returns the y below the last one. */
    static int typeset(Graphics2D g, List<Line> lines, int dpi, int left, int top, int right, List<String> truth) {
        int y = top;
        for (Line line : lines) {
            Font f = font(line.bold(), line.points(), dpi);
            g.setFont(f);
            g.setColor(new Color(20, 20, 25));
            int lineHeight = Math.round(f.getSize2D() * 1.55f);
            y += lineHeight;
            int width = g.getFontMetrics().stringWidth(line.text());
            int x = line.centred() ? left + (right - left - width) / 2 : left;
            g.drawString(line.text(), x, y);
            truth.add(line.text());
        }
        return y;
    }

    static BufferedImage quarterTurn(BufferedImage src, int turns) {
        int t = Math.floorMod(turns, 4);
        if (t == 0) {
            return src;
        }
        boolean swap = t % 2 == 1;
        BufferedImage out = new BufferedImage(swap ? src.getHeight() : src.getWidth(),
                swap ? src.getWidth() : src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        AffineTransform at = new AffineTransform();
        at.translate(out.getWidth() / 2.0, out.getHeight() / 2.0);
        at.quadrantRotate(t);
        at.translate(-src.getWidth() / 2.0, -src.getHeight() / 2.0);
        g.drawImage(src, at, null);
        g.dispose();
        return out;
    }

    /** Paper tint, rotation, sensor noise, dust and the scanner bed. */
    static final class Scanner {
        static BufferedImage scan(BufferedImage paper, Scan scan, Random random) {
            int bed = mm(scan.bedMarginMm(), scan.dpi());
            int w = paper.getWidth() + 2 * bed;
            int h = paper.getHeight() + 2 * bed;
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setColor(new Color(38, 38, 42));
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            AffineTransform at = AffineTransform.getRotateInstance(Math.toRadians(scan.skewDegrees()), w / 2.0, h / 2.0);
            at.translate(bed, bed);
            if (bed == 0) {
                // without a bed the rotated corners must still look like paper, not black
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h);
            }
            g.drawImage(paper, at, null);
            for (int i = 0; i < scan.speckles(); i++) {
                g.setColor(new Color(30, 30, 30));
                int s = 1 + random.nextInt(3);
                g.fillRect(random.nextInt(w), random.nextInt(h), s, s);
            }
            g.dispose();
            int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
            float[] noise = new float[4096];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) (random.nextGaussian() * scan.noiseSigma());
            }
            int n = random.nextInt(noise.length);
            for (int i = 0; i < px.length; i++) {
                int p = px[i];
                // paper tint (slightly warm) + one noise value per pixel shared by channels, like luminance noise
                float e = noise[(n += 7 + (i & 3)) & 4095];
                int r = clamp(((p >> 16) & 0xff) * 246 / 255 + e);
                int gg = clamp(((p >> 8) & 0xff) * 243 / 255 + e);
                int b = clamp((p & 0xff) * 236 / 255 + e);
                px[i] = (r << 16) | (gg << 8) | b;
            }
            return out;
        }

        private static int clamp(float v) {
            return v < 0 ? 0 : v > 255 ? 255 : (int) v;
        }
    }

    static Path2D scribble(double x, double y, double w, double h, Random random) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, y + h * 0.6);
        for (int i = 1; i <= 6; i++) {
            p.quadTo(x + w * (i - 0.5) / 6, y + h * random.nextDouble(), x + w * i / 6, y + h * (0.3 + 0.5 * random.nextDouble()));
        }
        return p;
    }

    static BasicStroke pen(int dpi, double mm) {
        return new BasicStroke((float) (mm / 25.4 * dpi), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
