package vn.motcua.counter.application.port;

import java.time.Instant;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Keeps scanned images and generated PDFs under the SHA-256 of their bytes. A stored item is complete or absent,
 * never half-written, so a dossier row can point at it safely. Items are handed out as bytes only, never as a file:
 * with encryption on (decision 1201) a file path would mean a decrypted copy on disk.
 */
public interface ContentStore {

    /** Stores the bytes (once; equal content is stored once) and returns their content id, the hex SHA-256. */
    String put(byte[] content);

    byte[] read(String contentId);

    /** True when the item exists and its bytes still hash to its id. */
    boolean verify(String contentId);

    /** What a clean-up removed. */
    record Removed(int items, long bytes) {
    }

    /**
     * Removes the items not in {@code referenced} that were last stored before {@code storedBefore}; storing an item
     * that is already there counts as storing it now, so an item being referenced again is never removed under a
     * save in progress. Stops early when {@code cancelled} turns true.
     */
    Removed removeUnreferenced(Set<String> referenced, Instant storedBefore, BooleanSupplier cancelled);

    /**
     * Removes the items {@code ids} that are not in {@code referenced} and were last stored before
     * {@code storedBefore} (retention: the files of the dossiers it removed that no other record refers to).
     */
    Removed remove(Set<String> ids, Set<String> referenced, Instant storedBefore);
}
