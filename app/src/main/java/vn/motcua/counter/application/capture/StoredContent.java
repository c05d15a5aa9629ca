package vn.motcua.counter.application.capture;

import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.stage.StageFailure;

/** Reading a stage's input from the content store: a file that is gone fails the item at once, with its reason. */
final class StoredContent {

    private static final String MISSING = "store.content_missing";

    private StoredContent() {
    }

    /**
     * The file does not come back by trying again; IT staff restore it and the clerk retries the item.
     *
     * @throws StageFailure permanent, when the file is missing
     */
    static byte[] read(ContentStore contents, String contentId) {
        try {
            return contents.read(contentId);
        } catch (CounterException e) {
            if (MISSING.equals(e.messageKey())) {
                throw StageFailure.permanent(MISSING, e, e.arguments());
            }
            throw e;
        }
    }
}
