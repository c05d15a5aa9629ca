package vn.motcua.counter.domain;

/**
 * One page image of a document as kept in the content store.
 *
 * @param contentId the SHA-256 (hex) of the stored file
 */
public record Page(String contentId, String mediaType, long byteSize, PageSource source) {

    /** Where the page came from: scanned or imported at the counter, or a result downloaded from the hub. */
    public enum PageSource { SCANNED, IMPORTED, HUB }
}
