package vn.motcua.counter.application;

import vn.motcua.counter.application.access.CurrentClerk;
import vn.motcua.counter.domain.access.Permission;
import java.nio.file.Path;
import vn.motcua.counter.application.port.ContentStore;

/** Stored documents (receipts, forms, electronic copies) as files a viewer or a printer can open. */
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

    /** The document's file, for the desktop's viewer; it must not be changed. */
    public Path file(String contentId) {
        clerk.require(Permission.SEARCH);
        return contents.pathOf(contentId);
    }
}
