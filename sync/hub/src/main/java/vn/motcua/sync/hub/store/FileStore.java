package vn.motcua.sync.hub.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the bytes live: files by their SHA-256, and the parts of uploads still in progress (so that any instance
 * can resume an upload another started). Callers pass a local file that is already complete; a store makes it
 * visible whole or not at all.
 */
public interface FileStore {

    /**
     * Stores a file under its SHA-256; the caller has checked the hash. Storing the same hash again is harmless.
     * The store may take {@code file} away (a disk store moves it); the caller only deletes it if still there.
     */
    void put(String sha256, Path file) throws IOException;

    boolean exists(String sha256) throws IOException;

    /** The file's bytes; {@link java.nio.file.NoSuchFileException} when absent. */
    InputStream open(String sha256) throws IOException;

    /** Stores one PATCH's bytes; may take {@code part} away like {@link #put}. */
    void putPart(String uploadId, long offset, Path part) throws IOException;

    InputStream openPart(String uploadId, long offset) throws IOException;

    void deletePart(String uploadId, long offset) throws IOException;

    /** For {@code /health}: the store answers. */
    void check() throws IOException;

    /** What it is, for logs and the IT page: no secrets. */
    String describe();
}
