package vn.motcua.counter.application;

import java.nio.file.Path;
import vn.motcua.counter.application.port.ContentStore;

/** Stored documents (receipts, forms, electronic copies) as files a viewer or a printer can open. */
public final class Documents {

    private final ContentStore contents;

    public Documents(ContentStore contents) {
        this.contents = contents;
    }

    public byte[] read(String contentId) {
        return contents.read(contentId);
    }

    /** The document's file, for the desktop's viewer; it must not be changed. */
    public Path file(String contentId) {
        return contents.pathOf(contentId);
    }
}
