package vn.motcua.sync.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import vn.motcua.sync.wire.FileRef;

/**
 * Where the bytes of the files a manifest names come from: plain files on disk ({@link #of(Map)}), or a store that
 * keeps them encrypted and hands over the plaintext, whose SHA-256 is what the manifest names. The client asks for a
 * file's size once and opens it again for each chunk and for a check of its SHA-256.
 */
public interface FileSource {

    /** The file's size in bytes, or -1 when there is no such file here. */
    long size(FileRef file) throws IOException;

    /** The file's bytes from the start. */
    InputStream open(FileRef file) throws IOException;

    /** Files on disk, by SHA-256. */
    static FileSource of(Map<String, Path> filesBySha256) {
        return new FileSource() {
            @Override
            public long size(FileRef file) throws IOException {
                Path p = filesBySha256.get(file.sha256());
                return p == null || !Files.isRegularFile(p) ? -1 : Files.size(p);
            }

            @Override
            public InputStream open(FileRef file) throws IOException {
                Path p = filesBySha256.get(file.sha256());
                if (p == null) {
                    throw new NoSuchFileException(file.sha256());
                }
                return Files.newInputStream(p);
            }
        };
    }
}
