package vn.motcua.counter.adapters.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.ContentStore;

class FileContentStoreTest {

    @TempDir
    Path root;

    @Test
    void namesContentByItsSha256AndStoresItOnce() throws Exception {
        FileContentStore store = new FileContentStore(root);
        byte[] content = "Tờ khai đăng ký khai sinh".getBytes(StandardCharsets.UTF_8);
        String id = store.put(content);
        assertThat(id).isEqualTo(FileContentStore.sha256(content)).hasSize(64);
        assertThat(store.put(content)).isEqualTo(id);
        assertThat(file(root, id)).isRegularFile().hasBinaryContent(content);
        assertThat(store.read(id)).isEqualTo(content);
        assertThat(store.verify(id)).isTrue();
        try (Stream<Path> temporary = Files.list(root.resolve(".tmp"))) {
            assertThat(temporary).isEmpty();
        }
    }

    @Test
    void noticesAFileWhoseBytesChanged() throws Exception {
        FileContentStore store = new FileContentStore(root);
        String id = store.put(new byte[]{1, 2, 3});
        Files.write(file(root, id), new byte[]{1, 2, 4});
        assertThat(store.verify(id)).isFalse();
        assertThat(store.verify("0".repeat(64))).isFalse();
    }

    @Test
    void anOldUnreferencedItemStoredAgainSurvivesTheCleanUp() throws Exception {
        FileContentStore store = new FileContentStore(root);
        byte[] page = "trang quét lại".getBytes(StandardCharsets.UTF_8);
        String again = store.put(page);
        String orphan = store.put("trang đã xoá".getBytes(StandardCharsets.UTF_8));
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        for (String id : List.of(again, orphan)) {
            Files.setLastModifiedTime(file(root, id), FileTime.from(twoDaysAgo));
        }

        assertThat(store.put(page)).isEqualTo(again); // the clerk imports the same file again: it is new to the store
        ContentStore.Removed removed = store.removeUnreferenced(Set.of(), Instant.now().minus(Duration.ofDays(1)),
                () -> false);

        assertThat(removed).isEqualTo(new ContentStore.Removed(1, "trang đã xoá".getBytes(StandardCharsets.UTF_8).length));
        assertThat(store.verify(again)).isTrue();
        assertThat(Files.exists(file(root, orphan))).isFalse();
    }

    /** A real full disk: a 1 MB tmpfs. Needs root to mount, which CI has. */
    @Test
    void aFullDiskIsReportedAndLeavesNoPartialFile() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        Path small = Files.createDirectories(root.resolve("small"));
        assertThat(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString())).isZero();
        try {
            FileContentStore store = new FileContentStore(small);
            String kept = store.put("trang đã lưu".getBytes(StandardCharsets.UTF_8));
            byte[] tooBig = new byte[2 * 1024 * 1024];
            new Random(7).nextBytes(tooBig);
            assertThatThrownBy(() -> store.put(tooBig))
                    .isInstanceOf(CounterException.class)
                    .satisfies(e -> assertThat(((CounterException) e).messageKey()).isEqualTo("store.disk_full"));
            assertThat(Files.exists(file(small, FileContentStore.sha256(tooBig)))).isFalse();
            try (Stream<Path> temporary = Files.list(small.resolve(".tmp"))) {
                assertThat(temporary).isEmpty();
            }
            assertThat(store.verify(kept)).isTrue();
        } finally {
            run("umount", small.toString());
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    /** Where the store keeps an item (decision 0003's layout: the first two hex digits, then the id). */
    private static Path file(Path storeRoot, String id) {
        return storeRoot.resolve(id.substring(0, 2)).resolve(id);
    }
}
