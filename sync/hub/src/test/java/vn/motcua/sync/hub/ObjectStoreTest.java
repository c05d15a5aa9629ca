package vn.motcua.sync.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.sync.hub.store.DiskFileStore;
import vn.motcua.sync.hub.store.FileStore;
import vn.motcua.sync.hub.store.S3FileStore;
import vn.motcua.sync.hub.support.CounterClient;
import vn.motcua.sync.hub.support.Dossiers;
import vn.motcua.sync.hub.support.TestHub;
import vn.motcua.sync.hub.support.TestPostgres;
import vn.motcua.sync.hub.support.TestS3;
import vn.motcua.sync.wire.Sha256;

/** Files in an S3 API server (S3Proxy), the production layout; the same contract as the disk store. */
class ObjectStoreTest {
    @TempDir
    static Path dir;
    static TestS3 s3;

    @BeforeAll
    static void start() throws Exception {
        s3 = new TestS3(Files.createDirectories(dir.resolve("s3")));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    private static void holdsTheContract(FileStore store) throws Exception {
        byte[] data = new byte[150_000];
        new Random(7).nextBytes(data);
        String sha = Sha256.hex(data);
        assertThat(store.exists(sha)).isFalse();
        assertThatThrownBy(() -> store.open(sha)).isInstanceOf(NoSuchFileException.class);
        store.put(sha, copy(data));
        store.put(sha, copy(data)); // again: harmless
        assertThat(store.exists(sha)).isTrue();
        try (InputStream in = store.open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        store.putPart("u1", 0, copy(data));
        try (InputStream in = store.openPart("u1", 0)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        store.deletePart("u1", 0);
        assertThatThrownBy(() -> store.openPart("u1", 0)).isInstanceOf(NoSuchFileException.class);
        store.check();
    }

    /** A fresh file each time: a store may take the file it is given away. */
    private static Path copy(byte[] data) throws java.io.IOException {
        return Files.write(dir.resolve("in-" + System.nanoTime()), data);
    }

    @Test
    void theS3StoreHoldsTheFileStoreContract() throws Exception {
        try (S3FileStore store = new S3FileStore(s3.endpoint, "us-east-1", "contract", TestS3.ACCESS, TestS3.SECRET).ensureBucket()) {
            holdsTheContract(store);
        }
    }

    @Test
    void theDiskStoreHoldsTheFileStoreContract() throws Exception {
        holdsTheContract(new DiskFileStore(Files.createDirectories(dir.resolve("disk"))));
    }

    @Test
    void aWrongSecretIsRefusedByTheStore() {
        assertThatThrownBy(() -> new S3FileStore(s3.endpoint, "us-east-1", "contract", TestS3.ACCESS, "wrong").ensureBucket())
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aHubOnTheObjectStoreTakesAndGivesBackFiles() throws Exception {
        var env = s3.env(TestHub.env(TestPostgres.newDatabase()), "motcua-hub");
        try (TestHub hub = TestHub.start(Files.createDirectories(dir.resolve("hub")), env)) {
            CounterClient counter = hub.enrolCounter("Quầy S3");
            Dossiers.Sample s = Dossiers.sample(Dossiers.code(7, 1), 71, 2, 200_000);
            for (byte[] f : s.files()) {
                assertThat(counter.upload(f, Sha256.hex(f), 64 * 1024)).isEqualTo(204);
            }
            assertThat(counter.put(s.manifest()).statusCode()).isEqualTo(200);
            String sha = Sha256.hex(s.files().get(1));
            assertThat(dir.resolve("s3/motcua-hub/blobs/" + sha.substring(0, 2) + "/" + sha)).exists();
            assertThat(dir.resolve("hub/files")).doesNotExist();
            HttpResponse<byte[]> back = CounterClient.HTTP.send(counter.request("/api/v1/blobs/" + sha).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(back.body()).isEqualTo(s.files().get(1));
            assertThat(hub.hub.health()).containsEntry("store", "ok");
        }
    }
}
