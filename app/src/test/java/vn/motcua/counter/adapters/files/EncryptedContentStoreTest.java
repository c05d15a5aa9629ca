package vn.motcua.counter.adapters.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.counter.adapters.protection.DataKey;
import vn.motcua.counter.adapters.protection.FileCipher;

/** The content store with decision 1201's file cipher: sealed on disk, plain to callers, old folders sealed in place. */
class EncryptedContentStoreTest {

    private static final String SECRET = "Nguyễn Thị Hồng 001199012345";

    @TempDir
    Path root;

    private final FileCipher cipher = new FileCipher(DataKey.generate());

    @Test
    void storedFilesAreSealedOnDiskAndReadBackPlain() throws Exception {
        FileContentStore store = new FileContentStore(root, cipher);
        byte[] content = (SECRET + " giấy khai sinh").getBytes(StandardCharsets.UTF_8);
        String id = store.put(content);

        assertThat(id).isEqualTo(FileContentStore.sha256(content));
        byte[] onDisk = Files.readAllBytes(root.resolve(id.substring(0, 2)).resolve(id));
        assertThat(FileCipher.isEncrypted(onDisk)).isTrue();
        assertThat(new String(onDisk, StandardCharsets.UTF_8)).doesNotContain("001199012345");
        assertThat(store.read(id)).isEqualTo(content);
        assertThat(store.verify(id)).isTrue();
        // nothing hands an item out as a file: a path would mean a decrypted copy on disk (once in the system temp)
        assertThat(java.util.Arrays.stream(vn.motcua.counter.application.port.ContentStore.class.getMethods())
                .map(java.lang.reflect.Method::getReturnType)).doesNotContain(Path.class);
        assertThat(java.util.Arrays.stream(vn.motcua.counter.application.Documents.class.getMethods())
                .map(java.lang.reflect.Method::getReturnType)).doesNotContain(Path.class);
    }

    @Test
    void aTamperedFileFailsVerification() throws Exception {
        FileContentStore store = new FileContentStore(root, cipher);
        String id = store.put(new byte[100_000]);
        Path file = root.resolve(id.substring(0, 2)).resolve(id);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] ^= 1;
        Files.write(file, bytes);
        assertThat(store.verify(id)).isFalse();
    }

    @Test
    void aPlainFolderIsSealedInPlaceAndEveryItemStaysReadable() throws Exception {
        FileContentStore plain = new FileContentStore(root);
        Random random = new Random(7);
        String[] ids = new String[20];
        byte[][] contents = new byte[20][];
        for (int i = 0; i < ids.length; i++) {
            contents[i] = new byte[random.nextInt(200_000)];
            random.nextBytes(contents[i]);
            ids[i] = plain.put(contents[i]);
        }
        FileContentStore sealedStore = new FileContentStore(root, cipher);
        assertThat(sealedStore.read(ids[3])).isEqualTo(contents[3]);   // plain items still read before sealing

        assertThat(sealedStore.encryptExisting(() -> false)).isEqualTo(ids.length);
        assertThat(sealedStore.encryptExisting(() -> false)).isZero();   // a second run (after a crash) has nothing left
        for (int i = 0; i < ids.length; i++) {
            byte[] onDisk = Files.readAllBytes(root.resolve(ids[i].substring(0, 2)).resolve(ids[i]));
            assertThat(FileCipher.isEncrypted(onDisk)).isTrue();
            assertThat(Arrays.equals(sealedStore.read(ids[i]), contents[i])).isTrue();
        }
        try (var left = Files.list(root.resolve(".tmp"))) {
            assertThat(left).isEmpty();
        }
    }
}
