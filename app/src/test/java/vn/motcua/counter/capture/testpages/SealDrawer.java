package vn.motcua.counter.capture.testpages;

import static vn.motcua.counter.capture.testpages.TestPageGenerator.font;
import static vn.motcua.counter.capture.testpages.TestPageGenerator.mm;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Random;
import vn.motcua.counter.capture.testpages.VietnameseTexts.Line;

/** The signer's block with its red round seal (con dấu), and a photocopied ID card with a grey photo. */
final class SealDrawer {

    private SealDrawer() {
    }

    /** Draws "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", a signature, the seal over its left third, and the name. */
    static Point signatureBlock(Graphics2D g, int dpi, int left, int top, String signer, List<String> truth) {
        int y = TestPageGenerator.typeset(g, List.of(
                new Line("TM. ỦY BAN NHÂN DÂN", true, false, 12.5f),
                new Line("CHỦ TỊCH", true, false, 12.5f)), dpi, left + mm(6, dpi), top, left + mm(60, dpi), truth);
        int sigTop = y + mm(6, dpi);
        g.setColor(new Color(25, 45, 140));
        g.setStroke(TestPageGenerator.pen(dpi, 0.5));
        g.draw(TestPageGenerator.scribble(left + mm(14, dpi), sigTop, mm(36, dpi), mm(14, dpi), new Random(signer.hashCode())));
        Point centre = new Point(left + mm(12, dpi), sigTop + mm(8, dpi));
        seal(g, dpi, centre);
        TestPageGenerator.typeset(g, List.of(new Line(signer, true, false, 12.5f)), dpi, left + mm(4, dpi),
                sigTop + mm(26, dpi), left + mm(70, dpi), truth);
        return centre;
    }

    /** A 36 mm round seal: two rings, a star and the agency name around the edge, in translucent red ink. */
    static void seal(Graphics2D g, int dpi, Point c) {
        Color ink = new Color(TestPageGenerator.SEAL_RED.getRed(), TestPageGenerator.SEAL_RED.getGreen(),
                TestPageGenerator.SEAL_RED.getBlue(), 215);
        g.setColor(ink);
        double r = mm(18, dpi);
        g.setStroke(TestPageGenerator.pen(dpi, 1.0));
        g.draw(new Ellipse2D.Double(c.x - r, c.y - r, 2 * r, 2 * r));
        double inner = r * 0.62;
        g.setStroke(TestPageGenerator.pen(dpi, 0.5));
        g.draw(new Ellipse2D.Double(c.x - inner, c.y - inner, 2 * inner, 2 * inner));
        g.fill(star(c.x, c.y, inner * 0.55, inner * 0.22));
        Font f = font(true, 8.5f, dpi);
        g.setFont(f);
        String ring = "ỦY BAN NHÂN DÂN PHƯỜNG BẾN NGHÉ * QUẬN 1 * ";
        double textRadius = r * 0.80;
        double step = 2 * Math.PI / ring.length();
        AffineTransform saved = g.getTransform();
        for (int i = 0; i < ring.length(); i++) {
            double a = -Math.PI / 2 + i * step;
            AffineTransform t = new AffineTransform(saved);
            t.translate(c.x + textRadius * Math.cos(a), c.y + textRadius * Math.sin(a));
            t.rotate(a + Math.PI / 2);
            g.setTransform(t);
            g.drawString(String.valueOf(ring.charAt(i)), -f.getSize() / 4, f.getSize() / 3);
        }
        g.setTransform(saved);
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double rr = i % 2 == 0 ? outer : inner;
            if (i == 0) {
                p.moveTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
            } else {
                p.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }

    /** An 85.6 × 54 mm card enlarged 1.5× (as counters photocopy it) with a grey photo and its fields. */
    static void idCard(Graphics2D g, int dpi, int left, int top, List<Line> fields, List<String> truth) {
        int w = mm(85.6 * 1.5, dpi);
        int h = mm(54 * 1.5, dpi);
        g.setColor(new Color(232, 232, 232));
        g.fillRoundRect(left, top, w, h, mm(6, dpi), mm(6, dpi));
        g.setColor(new Color(90, 90, 90));
        g.setStroke(TestPageGenerator.pen(dpi, 0.4));
        g.drawRoundRect(left, top, w, h, mm(6, dpi), mm(6, dpi));
        int px = left + mm(6, dpi);
        int py = top + mm(20, dpi);
        int pw = mm(30, dpi);
        int ph = mm(40, dpi);
        g.setPaint(new GradientPaint(px, py, new Color(70, 70, 70), px + pw, py + ph, new Color(190, 190, 190)));
        g.fillRect(px, py, pw, ph);
        g.setClip(px, py, pw, ph);
        g.setPaint(new GradientPaint(px, py, new Color(200, 200, 200), px, py + ph, new Color(110, 110, 110)));
        g.fill(new Ellipse2D.Double(px + pw * 0.25, py + ph * 0.15, pw * 0.5, ph * 0.45));
        g.fill(new Ellipse2D.Double(px + pw * 0.08, py + ph * 0.62, pw * 0.84, ph * 0.6));
        g.setClip(null);
        TestPageGenerator.typeset(g, fields, dpi, px + pw + mm(6, dpi), top + mm(4, dpi), left + w, truth);
    }
}
