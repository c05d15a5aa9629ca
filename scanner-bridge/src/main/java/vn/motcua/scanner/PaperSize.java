package vn.motcua.scanner;

/** A paper size in millimetres; A4 is what Vietnamese administrative forms use. */
public record PaperSize(String name, double widthMm, double heightMm) {

    public static final PaperSize A4 = new PaperSize("A4", 210.0, 297.0);
    public static final PaperSize A5 = new PaperSize("A5", 148.0, 210.0);
    public static final PaperSize LETTER = new PaperSize("Letter", 215.9, 279.4);
    public static final PaperSize LEGAL = new PaperSize("Legal", 215.9, 355.6);

    public PaperSize {
        if (name == null || name.isBlank() || widthMm <= 0 || heightMm <= 0) {
            throw new IllegalArgumentException("Invalid paper size " + name + " " + widthMm + "x" + heightMm);
        }
    }

    /** Pixel width at the given resolution, rounded the way scanners round (1654 for A4 at 200 dpi). */
    public int widthPixels(int dpi) {
        return (int) Math.round(widthMm / 25.4 * dpi);
    }

    public int heightPixels(int dpi) {
        return (int) Math.round(heightMm / 25.4 * dpi);
    }

    public boolean fitsIn(double maxWidthMm, double maxHeightMm) {
        // A tenth of a millimetre of slack: scanners report their bed as 215.9 or 297.0 and round.
        return widthMm <= maxWidthMm + 0.1 && heightMm <= maxHeightMm + 0.1;
    }
}
