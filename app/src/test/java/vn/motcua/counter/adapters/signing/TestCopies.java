package vn.motcua.counter.adapters.signing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.counter.capture.CapturedPage;
import vn.motcua.counter.capture.CopyMetadata;
import vn.motcua.counter.capture.PageKind;
import vn.motcua.counter.capture.pdfa.PdfaCopyWriter;

/** Electronic copies as the counter makes them (PDF/A-2u by {@link PdfaCopyWriter}), with pages drawn here. */
public final class TestCopies {

    public static final CopyMetadata META = new CopyMetadata("Giấy khai sinh", "000.00.12.H29-261204-0001",
            "UBND phường Bến Nghé", ZonedDateTime.of(2026, 12, 4, 9, 30, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh")));

    private TestCopies() {
    }

    /** A copy of {@code pages} grey A4 pages at 200 dpi, each saying its number. */
    public static byte[] copy(int pages) throws Exception {
        List<CapturedPage> captured = new ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            captured.add(new CapturedPage(page(i), 200, PageKind.GREY, null));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfaCopyWriter().write(captured, META, out);
        return out.toByteArray();
    }

    private static BufferedImage page(int number) {
        BufferedImage image = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 48));
        g.drawString("GIẤY KHAI SINH", 620, 420);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 34));
        for (int line = 0; line < 30; line++) {
            g.drawString("Dòng " + (line + 1) + ": Họ, chữ đệm, tên; ngày, tháng, năm sinh; nơi sinh; quê quán.",
                    160, 560 + line * 52);
        }
        g.drawString("Trang " + number, 780, 2250);
        g.dispose();
        return image;
    }
}
