package vn.motcua.counter.capture.cleanup;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import vn.motcua.counter.capture.CleanedPage;
import vn.motcua.counter.capture.PageCleanup;
import vn.motcua.counter.capture.PageKind;

/**
 * The standard clean-up chain: classify → orientation → skew → crop to paper → one fused deskew/crop/scale pass
 * (bilevel: Sauvola thresholds, despeckle, blank check | grey/colour: whitened background at 200 dpi).
 * Measurements run on 150 and 75 dpi reductions, made in the same pass as the luminance; the thresholds are
 * looked up on the scan, so only the full-resolution output is resampled, and it skips runs of paper.
 */
public final class DefaultPageCleanup implements PageCleanup {

    /** Colour and grey copies are kept at the Decree 30/2020 floor; bilevel pages keep the scan resolution. */
    public static final int COLOUR_DPI = 200;

    /** One Sauvola threshold per 2 × 2 pixels of the ~150 dpi reduction (see {@link SauvolaBinarizer#thresholds}). */
    static final int THRESHOLD_STEP = 2;

    private final SauvolaBinarizer binarizer = new SauvolaBinarizer();

    @Override
    public CleanedPage clean(BufferedImage scan, int dpi) {
        return clean(scan, dpi, null);
    }

    @Override
    public CleanedPage clean(BufferedImage scan, int dpi, PageKind forcedKind) {
        long start = System.nanoTime();
        ScanPixels pixels = new ScanPixels(scan);
        int w = scan.getWidth();
        int h = scan.getHeight();
        int fineFactor = Math.max(1, Math.round(dpi / 150f));
        int coarseFactor = fineFactor * 2;
        ScanPixels.Analysis planes = pixels.analyse(fineFactor);
        GreyImage lum = planes.luminance();
        GreyImage fine = planes.fine();
        GreyImage coarse = fine.reduce(2);
        boolean[] coarseBed = PaperCrop.bedMask(coarse);
        PageKind kind = forcedKind != null ? forcedKind : PageClassifier.classify(
                planes.colourSample(), coarse.width(), coarse.height(), coarseBed);
        boolean[] fineBed = PaperCrop.bedMask(fine);
        // the same ink points serve orientation and skew unless the page has to be turned first
        InkPoints coarseInk = InkPoints.of(coarse, coarseBed);
        InkPoints fineInk = InkPoints.of(fine, fineBed);
        int turns = Orientation.uprightTurns(coarseInk, fineInk);
        // the colour sample stays as scanned: its bed mask is this one
        boolean[] sampleBed = coarseBed;
        if (turns != 0) {
            coarse = coarse.quarterTurn(turns);
            coarseBed = PaperCrop.bedMask(coarse);
            fine = fine.quarterTurn(turns);
            fineBed = PaperCrop.bedMask(fine);
            lum = lum.quarterTurn(turns);
            w = lum.width();
            h = lum.height();
            coarseInk = InkPoints.of(coarse, coarseBed);
            fineInk = InkPoints.of(fine, fineBed);
        }
        double skew = SkewDetector.measure(coarseInk, fineInk);
        Bed bed = PaperCrop.bedFraction(coarseBed) > 0.002 ? Bed.find(coarse, coarseFactor, skew, w, h) : null;
        Rectangle paper = bed == null ? new Rectangle(0, 0, w, h) : bed.paper;
        Geometry g = new Geometry(w, h, skew, paper, bed);
        CleanedPage.Builder out = new CleanedPage.Builder(kind, skew, turns, paper, start);
        return switch (kind) {
            case BILEVEL -> bilevel(g, lum, fine, fineFactor, dpi, out);
            case GREY -> grey(g, lum, coarse, dpi, out);
            case COLOUR -> colour(g, pixels, turns, dpi, out, planes.colourSample(), sampleBed);
        };
    }

    private CleanedPage bilevel(Geometry g, GreyImage lum, GreyImage fine, int fineFactor, int dpi,
                                CleanedPage.Builder out) {
        GreyImage thresholds = binarizer.thresholds(fine, SauvolaBinarizer.radius(dpi) / fineFactor, THRESHOLD_STEP);
        Warp warp = g.warp(1.0);
        BinaryImage bin = warp.threshold(lum, thresholds, fineFactor * THRESHOLD_STEP);
        g.forEachBedPixel(1.0, warp, i -> bin.ink()[i] = 0);
        Despeckle.apply(bin, dpi);
        // Tesseract takes the packed 1-bit image as it is (1 = white, like Java's binary palette)
        BufferedImage packed = bin.toBufferedImage();
        return out.build(packed, dpi, packed, dpi, BlankPageDetector.isBlank(bin));
    }

    private static CleanedPage grey(Geometry g, GreyImage lum, GreyImage coarse, int dpi, CleanedPage.Builder out) {
        int[] lut = Whitening.greyLut(InkPoints.paperLevel(coarse, null));
        // both resamplings skip what is paper around, found once
        PaperBlocks paper = PaperBlocks.above(lum.pixels(), 1, 0, lum.width(), lum.height(), Whitening.whiteFrom(lut));
        double scale = Math.min(1.0, (double) COLOUR_DPI / dpi);
        GreyImage copy = g.greyWarp(lum, scale, lut, paper);
        Whitening.despeckle(copy, Math.min(dpi, COLOUR_DPI));
        GreyImage ocr = scale == 1.0 ? copy : g.greyWarp(lum, 1.0, lut, paper);
        return out.build(copy.toBufferedImage(), Math.min(dpi, COLOUR_DPI), ocr.toBufferedImage(), dpi, false);
    }

    /**
     * @param colourSample the analysis' colour sample of the scan as scanned (75 dpi), where the paper colour is
     *                     read, and @param sampleBed the scanner bed on it
     */
    private static CleanedPage colour(Geometry g, ScanPixels pixels, int turns, int dpi, CleanedPage.Builder out,
                                      int[] colourSample, boolean[] sampleBed) {
        byte[] bgr = pixels.bgr(turns);
        double scale = Math.min(1.0, (double) COLOUR_DPI / dpi);
        Warp warp = g.warp(scale);
        // the paper colour is known before resampling, so the resampling whitens as it goes and skips what is
        // paper around
        int paper = Whitening.paperColour(colourSample, sampleBed);
        Whitening.Colour white = Whitening.Colour.of(paper);
        PaperBlocks paperRuns = PaperBlocks.aboveAll(bgr, g.width, g.height, white.whiteFromBgr());
        int[] copy = warp.rgb(bgr, g.width, g.height, white, paperRuns);
        g.forEachBedPixel(scale, warp, i -> copy[i] = 0xffffff);
        Whitening.despeckle(copy, warp.outWidth, warp.outHeight, Math.min(dpi, COLOUR_DPI));
        BufferedImage image = new BufferedImage(warp.outWidth, warp.outHeight, BufferedImage.TYPE_INT_RGB);
        System.arraycopy(copy, 0, RgbImages.pixels(image), 0, copy.length);
        // OCR reads the red channel (the third byte of each B, G, R): black ink stays dark, red seal ink turns
        // light and stops hiding words. Its whitening scales red as the copy's does but flattens from 216, not
        // 226, so the copy's paper blocks are paper for it too.
        int[] lut = Whitening.greyLut((paper >> 16) & 0xff);
        GreyImage ocr = g.greyWarp(bgr, 3, 2, 1.0, lut, paperRuns);
        return out.build(image, Math.min(dpi, COLOUR_DPI), ocr.toBufferedImage(), dpi, false);
    }

    /** Where the paper lies on the scanner bed once deskewed, found on the 75 dpi reduction. */
    private record Bed(boolean[] mask, int maskWidth, int factor, Rectangle paper) {
        static Bed find(GreyImage coarse, int factor, double skew, int fullWidth, int fullHeight) {
            Warp warp = new Warp(coarse.width(), coarse.height(), skew,
                    new Rectangle(0, 0, coarse.width(), coarse.height()), 1.0);
            GreyImage deskewed = warp.grey(coarse, 0);
            boolean[] mask = PaperCrop.bedMask(deskewed);
            Rectangle paper = PaperCrop.paper(mask, deskewed.width(), deskewed.height(), factor, fullWidth, fullHeight);
            return new Bed(mask, deskewed.width(), factor, paper);
        }
    }

    private record Geometry(int width, int height, double skew, Rectangle paper, Bed bed) {
        Warp warp(double scale) {
            return new Warp(width, height, skew, paper, scale);
        }

        void forEachBedPixel(double scale, Warp warp, java.util.function.IntConsumer paint) {
            if (bed != null) {
                PaperCrop.forEachBedPixel(bed.mask, bed.maskWidth, bed.factor, paper, scale, warp.outWidth,
                        warp.outHeight, paint);
            }
        }

        /** Resampled and whitened through {@code lut}, the bed painted white. */
        GreyImage greyWarp(GreyImage src, double scale, int[] lut, PaperBlocks paper) {
            return greyWarp(src.pixels(), 1, 0, scale, lut, paper);
        }

        /** The same from one plane of interleaved pixels (see {@link Warp#grey(byte[], int, int, int, int, int[], int, PaperBlocks)}). */
        GreyImage greyWarp(byte[] px, int pixelStride, int offset, double scale, int[] lut, PaperBlocks paper) {
            Warp warp = warp(scale);
            GreyImage out = warp.grey(px, pixelStride, offset, width, height, lut, 255, paper);
            forEachBedPixel(scale, warp, i -> out.pixels()[i] = (byte) 255);
            return out;
        }
    }
}
