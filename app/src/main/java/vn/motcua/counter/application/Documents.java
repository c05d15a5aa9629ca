package vn.motcua.counter.application;

import vn.motcua.counter.application.access.CurrentClerk;
import vn.motcua.counter.domain.access.Permission;
import vn.motcua.counter.application.port.ContentStore;

/** Stored documents (receipts, forms, electronic copies) read for the clerk: as bytes, never as a plain file. */
public final class Documents {

    private final ContentStore contents;
    private final CurrentClerk clerk;

    /** @param clerk who is signed in: reading needs {@link Permission#SEARCH} */
    public Documents(ContentStore contents, CurrentClerk clerk) {
        this.contents = contents;
        this.clerk = java.util.Objects.requireNonNull(clerk, "who is signed in");
    }

    public byte[] read(String contentId) {
        clerk.require(Permission.SEARCH);
        return contents.read(contentId);
    }
}
