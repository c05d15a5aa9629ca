package vn.motcua.counter.capture.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import vn.motcua.counter.capture.PageKind;

/** Prints the benchmark's numbers as ratios, per page where it matters. */
final class Report {

    record Inputs(int pages, long inputBytes, Path ours, Path peer, double oursSeconds, double peerSeconds,
                  List<String> truth, long[] cleanMillis, long[] cleanCpu, List<PageKind> kinds, String cliPage0,
                  List<String> veraFailures) {
    }

    private Report() {
    }

    static void print(Inputs in) throws Exception {
        long ours = Files.size(in.ours());
        long peer = Files.size(in.peer());
        double[] oursCer = cers(in.ours(), in.truth());
        double[] peerCer = cers(in.peer(), in.truth());
        long[] bilevelSizes = pageSizes(in, PageKind.BILEVEL);
        StringBuilder sb = new StringBuilder("\n==== capture benchmark: " + in.pages() + " pages, A4 300 dpi ====\n");
        sb.append(String.format("input JPEG q90 scans          %8.1f KB%n", in.inputBytes() / 1024.0));
        sb.append(String.format("ours (PDF/A-2u)               %8.1f KB  %.1f KB/page%n", ours / 1024.0,
                ours / 1024.0 / in.pages()));
        sb.append(String.format("ocrmypdf -O1 --output-type pdfa %6.1f KB%n", peer / 1024.0));
        sb.append(String.format("size ratio ours/ocrmypdf      %8.3f   (target <= 0.8)%n", (double) ours / peer));
        sb.append(String.format("pages/s ours %.3f, ocrmypdf %.3f, speed ratio %.2f   (target >= 1.5)%n",
                in.pages() / in.oursSeconds(), in.pages() / in.peerSeconds(), in.peerSeconds() / in.oursSeconds()));
        sb.append(String.format("mean CER ours %.4f, ocrmypdf(tesseract) %.4f, diff %+.2f pp   (target <= +0.5)%n",
                mean(oursCer), mean(peerCer), 100 * (mean(oursCer) - mean(peerCer))));
        sb.append(String.format("page 0 CER ours %.4f, tesseract CLI %.4f%n", oursCer[0],
                vn.motcua.counter.capture.ocr.Cer.of(in.truth().get(0), in.cliPage0())));
        long[] cpu = in.cleanCpu().clone();
        Arrays.sort(cpu);
        sb.append(String.format("clean-up per page: wall mean %d ms max %d ms; CPU mean %d ms median %d ms max %d ms   (target <= 150)%n",
                (long) Arrays.stream(in.cleanMillis()).average().orElse(0), Arrays.stream(in.cleanMillis()).max().orElse(0),
                (long) Arrays.stream(cpu).average().orElse(0), cpu[cpu.length / 2], cpu[cpu.length - 1]));
        StringBuilder byKind = new StringBuilder("clean-up CPU mean by kind:");
        for (PageKind kind : PageKind.values()) {
            IntStream pages = IntStream.range(0, cpu.length)
                    .filter(i -> in.kinds().get(i) == kind);
            byKind.append(String.format(" %s %.0f ms", kind, pages.mapToLong(i -> in.cleanCpu()[i]).average().orElse(0)));
        }
        sb.append(byKind).append(System.lineSeparator());
        sb.append(String.format("page kinds: %s%n", in.kinds()));
        sb.append(String.format("single-page copies: bilevel max %.1f KB (target <= 40), seal page max %.1f KB (target <= 150)%n",
                Arrays.stream(bilevelSizes).max().orElse(0) / 1024.0, Arrays.stream(pageSizes(in, PageKind.COLOUR)).max().orElse(0) / 1024.0));
        sb.append("veraPDF PDF/A-2u: ").append(in.veraFailures().isEmpty() ? "compliant" : in.veraFailures()).append('\n');
        System.out.println(sb);
        Files.writeString(in.ours().resolveSibling("report.txt"), sb.toString());
    }

    /** Each page of our copy written alone, to check the per-page size targets. */
    private static long[] pageSizes(Inputs in, PageKind kind) throws Exception {
        try (PDDocument doc = Loader.loadPDF(in.ours().toFile())) {
            return IntStream.range(0, in.pages()).filter(i -> in.kinds().get(i) == kind).mapToLong(i -> {
                try (PDDocument one = new PDDocument()) {
                    one.importPage(doc.getPage(i));
                    var out = new java.io.ByteArrayOutputStream();
                    one.save(out);
                    return out.size();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toArray();
        }
    }

    private static double[] cers(Path pdf, List<String> truth) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            double[] out = new double[truth.size()];
            for (int i = 0; i < truth.size(); i++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(i + 1);
                s.setEndPage(i + 1);
                out[i] = vn.motcua.counter.capture.ocr.Cer.of(truth.get(i), s.getText(doc));
            }
            return out;
        }
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }
}
