package vn.motcua.scanner.simulator.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.Side;

/**
 * Draws a page as a scanner would return it: an administrative form with the national motto, a title, filled-in
 * fields in "handwriting" blue, a red seal on odd sheets, a slight skew and a few specks. Works headless.
 */
final class DemoPageRenderer {

    private static final Color INK = new Color(25, 25, 30);
    private static final Color PEN = new Color(20, 45, 150);
    private static final Color SEAL = new Color(205, 30, 35, 200);
    private static final Color PAPER = new Color(250, 249, 245);
    private static final Font SERIF = loadFont("DejaVuSerif.ttf", Font.SERIF, Font.PLAIN);
    private static final Font SERIF_BOLD = loadFont("DejaVuSerif-Bold.ttf", Font.SERIF, Font.BOLD);
    private static final Font HAND = loadFont("DejaVuSans-Oblique.ttf", Font.SANS_SERIF, Font.ITALIC);

    private DemoPageRenderer() {
    }

    /** Renders one side of a sheet; sizes are in points (1/72 inch) scaled to the resolution. */
    static BufferedImage render(int sheet, Side side, int dpi, PaperSize paper) {
        int width = paper.widthPixels(dpi);
        int height = paper.heightPixels(dpi);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(PAPER);
            g.fillRect(0, 0, width, height);
            Random random = new Random(sheet * 31L + side.ordinal());
            double scale = dpi / 72.0;
            double pageWidthPt = width / scale;
            AffineTransform page = AffineTransform.getScaleInstance(scale, scale);
            // Feeders skew sheets by a fraction of a degree.
            page.rotate(Math.toRadians((random.nextDouble() - 0.5) * 0.6), pageWidthPt / 2, height / scale / 2);
            g.setTransform(page);
            if (side == Side.FRONT) {
                drawForm(g, DemoForms.forSheet(sheet), pageWidthPt, sheet);
            } else {
                drawBack(g, sheet, pageWidthPt);
            }
            g.setTransform(new AffineTransform());
            drawSpecks(g, random, width, height, dpi);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawForm(Graphics2D g, DemoForms.Form form, double pageWidth, int sheet) {
        g.setColor(INK);
        centered(g, SERIF_BOLD.deriveFont(12f), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", pageWidth, 62);
        centered(g, SERIF_BOLD.deriveFont(12.5f), "Độc lập - Tự do - Hạnh phúc", pageWidth, 79);
        g.setStroke(new BasicStroke(0.7f));
        g.drawLine((int) (pageWidth / 2 - 80), 88, (int) (pageWidth / 2 + 80), 88);
        centered(g, SERIF_BOLD.deriveFont(15f), form.title(), pageWidth, 135);
        g.setFont(SERIF.deriveFont(12f));
        g.drawString("Kính gửi: " + form.addressee(), 110, 168);

        double y = 205;
        for (DemoForms.Field field : form.fields()) {
            y = drawField(g, field, pageWidth, y);
        }
        g.setColor(INK);
        g.setFont(SERIF.deriveFont(Font.ITALIC, 11.5f));
        g.drawString("Tôi cam đoan những nội dung khai trên đây là đúng sự thật", 62, (float) (y + 8));
        g.drawString("và chịu trách nhiệm trước pháp luật về cam đoan của mình.", 62, (float) (y + 24));
        drawSignature(g, form, pageWidth, y + 60);
        if (sheet % 2 == 1) {
            drawSeal(g, pageWidth * 0.5, y + 135);
        }
        g.setColor(INK);
        g.setFont(SERIF.deriveFont(9f));
        g.drawString("Mẫu minh hoạ - dữ liệu không có thật - tờ " + sheet, 62, 800);
    }

    private static double drawField(Graphics2D g, DemoForms.Field field, double pageWidth, double y) {
        g.setColor(INK);
        g.setFont(SERIF.deriveFont(12f));
        String label = "- " + field.label() + ": ";
        g.drawString(label, 62, (float) y);
        int labelEnd = 62 + g.getFontMetrics().stringWidth(label);
        g.setStroke(new BasicStroke(0.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {1f, 2f}, 0));
        g.drawLine(labelEnd, (int) y + 2, (int) pageWidth - 50, (int) y + 2);
        g.setColor(PEN);
        g.setFont(HAND.deriveFont(12.5f));
        FontMetrics metrics = g.getFontMetrics();
        String value = field.value();
        int room = (int) pageWidth - 55 - labelEnd;
        if (metrics.stringWidth(value) <= room) {
            g.drawString(value, labelEnd + 4, (float) y - 1);
            return y + 27;
        }
        // A long value continues on a dotted line of its own, as clerks fill forms by hand.
        g.drawString(value, 80, (float) y + 26);
        g.setColor(INK);
        g.drawLine(62, (int) y + 29, (int) pageWidth - 50, (int) y + 29);
        return y + 54;
    }

    private static void drawSignature(Graphics2D g, DemoForms.Form form, double pageWidth, double y) {
        double x = pageWidth * 0.55;
        g.setColor(INK);
        g.setFont(SERIF.deriveFont(Font.ITALIC, 12f));
        g.drawString("Hòa Bình, ngày 12 tháng 11 năm 2026", (float) x, (float) y);
        g.setFont(SERIF_BOLD.deriveFont(12f));
        g.drawString("NGƯỜI YÊU CẦU", (float) x + 50, (float) y + 18);
        g.setFont(SERIF.deriveFont(Font.ITALIC, 10.5f));
        g.drawString("(Ký, ghi rõ họ, chữ đệm, tên)", (float) x + 35, (float) y + 32);
        Path2D scribble = new Path2D.Double();
        scribble.moveTo(x + 40, y + 75);
        scribble.curveTo(x + 60, y + 40, x + 80, y + 95, x + 100, y + 60);
        scribble.curveTo(x + 115, y + 40, x + 125, y + 85, x + 160, y + 58);
        g.setColor(PEN);
        g.setStroke(new BasicStroke(1.4f));
        g.draw(scribble);
        g.setFont(HAND.deriveFont(12.5f));
        g.drawString(form.signer(), (float) x + 45, (float) y + 110);
    }

    private static void drawSeal(Graphics2D g, double centerX, double centerY) {
        double r = 48;
        g.setColor(SEAL);
        g.setStroke(new BasicStroke(2.4f));
        g.draw(new Ellipse2D.Double(centerX - r, centerY - r, 2 * r, 2 * r));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Ellipse2D.Double(centerX - r + 6, centerY - r + 6, 2 * r - 12, 2 * r - 12));
        Path2D star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? 11 : 4.5;
            double angle = Math.toRadians(-90 + i * 36);
            double px = centerX + radius * Math.cos(angle);
            double py = centerY - 8 + radius * Math.sin(angle);
            if (i == 0) {
                star.moveTo(px, py);
            } else {
                star.lineTo(px, py);
            }
        }
        star.closePath();
        g.fill(star);
        g.setFont(SERIF_BOLD.deriveFont(6f));
        centeredAt(g, "ỦY BAN NHÂN DÂN", centerX, centerY + 14);
        centeredAt(g, "PHƯỜNG HÒA BÌNH", centerX, centerY + 24);
    }

    private static void drawBack(Graphics2D g, int sheet, double pageWidth) {
        g.setColor(INK);
        g.setFont(SERIF_BOLD.deriveFont(12f));
        g.drawString("PHẦN DÀNH CHO CÁN BỘ TIẾP NHẬN", 62, 80);
        g.setFont(SERIF.deriveFont(12f));
        g.drawString("Ngày nhận hồ sơ: ....../....../..........    Số biên nhận: ....................", 62, 110);
        g.drawString("Ghi chú: ..................................................................................", 62, 138);
        // The front shows through thin paper, mirrored and faint.
        g.setColor(new Color(232, 231, 228));
        g.setFont(SERIF_BOLD.deriveFont(15f));
        AffineTransform before = g.getTransform();
        g.scale(-1, 1);
        centered(g, g.getFont(), DemoForms.forSheet(sheet).title(), -pageWidth, 135);
        g.setTransform(before);
    }

    private static void drawSpecks(Graphics2D g, Random random, int width, int height, int dpi) {
        g.setColor(new Color(120, 120, 120));
        int size = Math.max(1, dpi / 150);
        for (int i = 0; i < 60; i++) {
            g.fillRect(random.nextInt(width), random.nextInt(height), size, size);
        }
    }

    private static void centered(Graphics2D g, Font font, String text, double pageWidth, double baseline) {
        g.setFont(font);
        centeredAt(g, text, pageWidth / 2, baseline);
    }

    private static void centeredAt(Graphics2D g, String text, double centerX, double baseline) {
        int textWidth = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (float) (centerX - textWidth / 2.0), (float) baseline);
    }

    /** DejaVu has every Vietnamese glyph; without it the logical font (fontconfig) is the fallback. */
    private static Font loadFont(String file, String logicalName, int style) {
        for (String dir : new String[] {"/usr/share/fonts/truetype/dejavu", "C:\\Windows\\Fonts"}) {
            File candidate = new File(dir, file);
            if (candidate.isFile()) {
                try {
                    return Font.createFont(Font.TRUETYPE_FONT, candidate);
                } catch (Exception e) {
                    break;
                }
            }
        }
        return new Font(logicalName, style, 12);
    }

    /** True when the page fonts can show all Vietnamese letters (false means boxes in the demo pages). */
    static boolean fontsShowVietnamese() {
        String sample = "Ủy ban nhân dân phường Hòa Bình ĐẶNG Ữ Ỹ ặ ổ";
        return SERIF.canDisplayUpTo(sample) == -1 && SERIF_BOLD.canDisplayUpTo(sample) == -1
                && HAND.canDisplayUpTo(sample) == -1;
    }
}
