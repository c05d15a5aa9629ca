package vn.motcua.counter.adapters.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.sync.client.FileSource;
import vn.motcua.sync.wire.FileRef;

/**
 * The files of one delivery read through the content store, decrypted in memory (decision 1201): no plaintext copy
 * is written to disk for the upload. The client opens a file once per chunk; the last few files read are kept in
 * memory for the delivery, so a file is decrypted about once, not once per chunk.
 */
final class StoredFiles implements FileSource {

    private static final int KEPT = 4;
    private final ContentStore contents;
    private final Map<String, byte[]> recent = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > KEPT;
        }
    };

    StoredFiles(ContentStore contents) {
        this.contents = contents;
    }

    @Override
    public long size(FileRef file) {
        byte[] bytes = bytes(file);
        return bytes == null ? -1 : bytes.length;
    }

    @Override
    public InputStream open(FileRef file) throws IOException {
        byte[] bytes = bytes(file);
        if (bytes == null) {
            throw new NoSuchFileException(file.sha256());
        }
        return new ByteArrayInputStream(bytes);
    }

    /** The plaintext, or null when the store has no such item (the client reports the file missing). */
    private byte[] bytes(FileRef file) {
        synchronized (recent) {
            byte[] kept = recent.get(file.sha256());
            if (kept != null) {
                return kept;
            }
        }
        byte[] read;
        try {
            read = contents.read(file.sha256());
        } catch (CounterException e) {
            if ("store.content_missing".equals(e.messageKey())) {
                return null;
            }
            throw e;
        } catch (IllegalArgumentException e) {
            return null;   // not a content id
        }
        synchronized (recent) {
            recent.put(file.sha256(), read);
        }
        return read;
    }
}
