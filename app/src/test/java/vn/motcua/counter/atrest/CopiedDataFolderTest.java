package vn.motcua.counter.atrest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.PipelineCounts;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.application.ReceptionRequest;
import vn.motcua.counter.application.port.DossierQueries;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.DiacriticFolding;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.Procedure;

/**
 * Decision 1201's done-when: dossiers of a known applicant are received, scanned (the simulated scanner) and OCR'd,
 * the whole data folder (database, its -wal and -shm, the content store, logs) is copied while the counter runs and
 * again after it closed, and no byte sequence of any copied file is the applicant's ID number, name (with and without
 * diacritics, composed and decomposed, in UTF-8 and UTF-16), address or phone; search still finds the dossiers.
 */
class CopiedDataFolderTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Clock MONDAY =
            Clock.fixed(LocalDateTime.of(2026, 11, 23, 9, 30).atZone(VIETNAM).toInstant(), VIETNAM);
    private static final String ID = "001190012345";
    private static final long WAIT_MS = 240_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void aCopyOfTheDataFolderRevealsNoApplicantsNameOrIdNumber() throws Exception {
        Path data = dir.resolve("data");
        List<DossierCode> codes = new ArrayList<>();
        try (CounterWiring counter = CounterWiring.open(TestCounter.settingsWithOcr(data, 1), MONDAY)) {
            counter.pipeline().start();
            for (int i = 0; i < 2; i++) {
                codes.add(counter.reception().receive(request(counter, i), counter.profile()).dossier().code());
            }
            awaitPipeline(counter);
            PipelineCounts counts = PipelineCounts.of(counter);
            assertThat(counts.pagesFailed()).isZero();
            assertThat(counts.copiesFailed()).isZero();

            // OCR read the applicant's page, and search finds the dossiers by ID number, name prefix and page word
            DossierQueries queries = counter.dossierQueries();
            assertThat(queries.search(ID)).extracting(s -> s.code()).containsAll(codes.stream()
                    .map(DossierCode::value).toList());
            assertThat(queries.search("ngu thi hong")).extracting(s -> s.code())
                    .containsAll(codes.stream().map(DossierCode::value).toList());
            assertThat(queries.search("Nguyễn Thị Hồng Nhung")).hasSize(2);
            assertThat(queries.search("khai sinh")).as("found by the OCR'd page text").extracting(s -> s.code())
                    .containsAll(codes.stream().map(DossierCode::value).toList());

            copy(data, dir.resolve("copy-running"));   // the counter is open: -wal and -shm are there
        }
        copy(data, dir.resolve("copy-closed"));
        // this JVM's log (the launcher puts it in the data folder's logs; tests log to the temp folder)
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "motcua.log");
        if (Files.isRegularFile(log)) {
            Files.createDirectories(dir.resolve("copy-closed").resolve("logs"));
            Files.copy(log, dir.resolve("copy-closed").resolve("logs").resolve("motcua.log"));
        }

        List<String> files = new ArrayList<>();
        for (Path copy : List.of(dir.resolve("copy-running"), dir.resolve("copy-closed"))) {
            try (Stream<Path> walk = Files.walk(copy)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.add(copy.relativize(file).toString());
                    byte[] bytes = Files.readAllBytes(file);
                    for (Needle needle : needles()) {
                        assertThat(DataFolderBytes.indexOf(bytes, needle.bytes())).as("%s found in %s", needle.what(), file)
                                .isEqualTo(-1);
                    }
                }
            }
        }
        assertThat(files).as("the copies hold the database, its WAL, the content store")
                .contains(CounterWiring.DATABASE_FILE, CounterWiring.DATABASE_FILE + "-wal")
                .anyMatch(f -> f.startsWith(CounterWiring.CONTENT_FOLDER + "/"));
        System.out.printf("copied data folder: %d files searched, none holds the applicant%n", files.size());
    }

    /**
     * The marital-status procedure: the first component scanned on the simulated scanner plus a page showing the
     * applicant's name, ID number and the words of a birth certificate; the second component one page.
     */
    private static ReceptionRequest request(CounterWiring counter, int i) throws Exception {
        Procedure procedure = counter.catalogue().procedure("1.004873").orElseThrow();
        List<Page> scanned = new CopyOnWriteArrayList<>();
        counter.scanning().scan(counter.scanning().defaultDevice(), counter.scanProfile(), scanned::add)
                .await(Duration.ofMinutes(2));
        assertThat(scanned).as("the simulated scanner delivered pages").isNotEmpty();
        List<Page> first = new ArrayList<>(scanned.subList(0, Math.min(2, scanned.size())));
        first.add(counter.reception().storePage(page("GIẤY KHAI SINH", "Họ và tên: " + TestCounter.APPLICANT_NAME,
                "Số CCCD: " + ID, "Bản sao số " + i), Page.PageSource.SCANNED));
        List<Document> documents = List.of(new Document(procedure.components().get(0), first),
                new Document(procedure.components().get(1), List.of(counter.reception().storePage(
                        page("Nơi cư trú: Số 5 phố Hàng Bài", "Điện thoại: 0912345678"), Page.PageSource.IMPORTED))));
        return new ReceptionRequest(TestCounter.applicant(), procedure, procedure.processingTime(), documents);
    }

    /** An A4 page at 200 dpi with lines of large text, as a PNG without a resolution (as scanners store them). */
    private static byte[] page(String... lines) throws Exception {
        var image = new java.awt.image.BufferedImage(1654, 2339, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        var g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setFont(new java.awt.Font(java.awt.Font.SERIF, java.awt.Font.PLAIN, 44));
        int y = 300;
        for (String line : lines) {
            g.drawString(line, 180, y);
            y += 90;
        }
        g.dispose();
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static void awaitPipeline(CounterWiring counter) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            PipelineCounts counts = PipelineCounts.of(counter);
            if (counts.pagesToRead() == 0 && counts.copiesToMake() == 0 && counts.pagesDone() > 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the pipeline did not finish: " + PipelineCounts.of(counter));
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    record Needle(String what, byte[] bytes) {
    }

    /** The applicant's personal data as someone searching a copied disk would look for it. */
    private static List<Needle> needles() {
        String name = TestCounter.APPLICANT_NAME;
        String folded = DiacriticFolding.fold(name);   // nguyen thi hong nhung
        Set<String> texts = new LinkedHashSet<>(List.of(ID, name, name.toUpperCase(Locale.ROOT),
                Normalizer.normalize(name, Normalizer.Form.NFD), folded, folded.toUpperCase(Locale.ROOT),
                "Nguyen Thi Hong Nhung", "Hồng Nhung", "hong nhung", "Hong Nhung", "HONG NHUNG", "Hàng Bài",
                "0912345678"));
        List<Needle> needles = new ArrayList<>();
        for (String text : texts) {
            for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16BE)) {
                needles.add(new Needle("'" + text + "' in " + charset, text.getBytes(charset)));
            }
        }
        return needles;
    }
}
