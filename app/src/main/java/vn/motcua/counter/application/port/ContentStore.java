package vn.motcua.counter.application.port;

/**
 * Keeps scanned images and generated PDFs under the SHA-256 of their bytes. A stored item is complete or absent,
 * never half-written, so a dossier row can point at it safely.
 */
public interface ContentStore {

    /** Stores the bytes (once; equal content is stored once) and returns their content id, the hex SHA-256. */
    String put(byte[] content);

    byte[] read(String contentId);

    /** True when the item exists and its bytes still hash to its id. */
    boolean verify(String contentId);
}
