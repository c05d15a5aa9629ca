package vn.motcua.counter.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.SqlRows;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Page;

/**
 * The start-up clean-up on a real counter (SQLite file, content store): every file a row refers to survives; the
 * page a rotation replaced, pages stored for a reception but not in it and a crash's temporary file go once they are
 * old; a recent unreferenced page stays.
 */
class ContentCleanupTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Clock MONDAY =
            Clock.fixed(LocalDateTime.of(2026, 11, 23, 9, 30).atZone(VIETNAM).toInstant(), VIETNAM);

    @TempDir
    Path data;

    @Test
    void referencedFilesSurviveAndOldOrphansGo() throws Exception {
        Path files = data.resolve(CounterWiring.CONTENT_FOLDER);
        String replaced;
        String abandoned;
        String recent;
        String unused;
        String keptImage;
        try (CounterWiring counter = TestCounter.open(data, MONDAY)) {
            ReceptionRequest request = TestCounter.request(counter, 1);
            Page original = counter.reception().storePage(TestImages.png("Trang chụp ngược"), Page.PageSource.SCANNED);
            Page turned = counter.reception().rotatedPage(original);
            // the second component gets the turned page instead of the one the request stored for it
            List<Document> documents = List.of(request.documents().get(0),
                    new Document(request.documents().get(1).component(), List.of(turned)));
            unused = request.documents().get(1).pages().getFirst().contentId();
            counter.reception().receive(new ReceptionRequest(request.applicant(), request.procedure(),
                    request.processingTime(), documents), counter.profile());
            replaced = original.contentId();
            abandoned = counter.reception().storePage(TestImages.png("Hồ sơ bỏ dở"), Page.PageSource.IMPORTED)
                    .contentId();
            recent = counter.reception().storePage(TestImages.png("Vừa quét"), Page.PageSource.SCANNED).contentId();
            // a file referenced only through V7's copy_image_content_id: found by the column-name rule, kept
            keptImage = counter.contents().put(TestImages.png("Ảnh đã làm sạch"));
            String image = keptImage;
            counter.database().inTransaction(c -> {
                try (var st = c.prepareStatement("UPDATE pages SET copy_image_content_id = ?, copy_image_dpi = 200 "
                        + "WHERE id = (SELECT min(id) FROM pages)")) {
                    st.setString(1, image);
                    return st.executeUpdate();
                }
            });
            counter.contentCleanup().get(30, TimeUnit.SECONDS);
        }
        Files.writeString(files.resolve(".tmp").resolve("ab12cd34-crash.part"), "nửa tệp");
        age(files, Duration.ofDays(2));
        // stored three hours ago, in an earlier session: within the grace period, kept
        Files.setLastModifiedTime(pathOf(files, recent), FileTime.from(Instant.now().minus(Duration.ofHours(3))));

        List<String> referenced = referencedIds();
        assertThat(referenced).hasSize(3) // the first component's page, the turned page, the receipt
                .doesNotContain(replaced, abandoned, unused, recent);
        ContentStore.Removed removed;
        try (CounterWiring counter = TestCounter.open(data, MONDAY)) {
            removed = counter.contentCleanup().get(30, TimeUnit.SECONDS);
            for (String id : referenced) {
                assertThat(counter.contents().verify(id)).as("referenced %s", id).isTrue();
            }
            assertThat(counter.contents().verify(recent)).isTrue();
            assertThat(counter.contents().verify(keptImage)).isTrue();
        }
        assertThat(removed.items()).isEqualTo(4);
        for (String orphan : List.of(replaced, abandoned, unused)) {
            assertThat(Files.exists(pathOf(files, orphan))).as("orphan %s", orphan).isFalse();
        }
        try (Stream<Path> temporary = Files.list(files.resolve(".tmp"))) {
            assertThat(temporary).isEmpty();
        }
    }

    private List<String> referencedIds() throws Exception {
        try (Connection db = SqlRows.open(data)) {
            return SqlRows.rows(db, """
                    SELECT content_id FROM pages WHERE ? <> '' UNION SELECT receipt_content_id FROM dossiers""", "x")
                    .stream().map(List::getFirst).toList();
        }
    }

    private static void age(Path files, Duration age) throws Exception {
        FileTime then = FileTime.from(Instant.now().minus(age));
        try (Stream<Path> all = Files.walk(files)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, then);
            }
        }
    }

    private static Path pathOf(Path files, String id) {
        return files.resolve(id.substring(0, 2)).resolve(id);
    }
}
