package vn.motcua.counter.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.port.ContentReferences;
import vn.motcua.counter.application.port.ContentStore;

/**
 * Removes content-store files no record refers to: the page a rotation replaced, pages deleted or scanned into a
 * reception that was never completed, an image or copy whose page or component row was never written because the
 * counter stopped in between. Only files stored before this session began and more than {@link #GRACE} ago go, so
 * a reception being captured now (its pages are stored before the dossier row) is never touched.
 */
public final class ContentCleanup {

    /** Long enough that a reception interrupted yesterday can still be looked into by IT staff. */
    public static final Duration GRACE = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(ContentCleanup.class);

    private final ContentReferences references;
    private final ContentStore contents;
    private final Clock clock;
    private final Instant sessionStart;

    public ContentCleanup(ContentReferences references, ContentStore contents, Clock clock, Instant sessionStart) {
        this.references = references;
        this.contents = contents;
        this.clock = clock;
        this.sessionStart = sessionStart;
    }

    public ContentStore.Removed run(BooleanSupplier cancelled) {
        Instant graceStart = clock.instant().minus(GRACE);
        Instant storedBefore = sessionStart.isBefore(graceStart) ? sessionStart : graceStart;
        Set<String> referenced = references.referencedContentIds();
        ContentStore.Removed removed = contents.removeUnreferenced(referenced, storedBefore, cancelled);
        LOG.info("content clean-up: {} unreferenced files removed ({} bytes), {} referenced, stored before {}",
                removed.items(), removed.bytes(), referenced.size(), storedBefore);
        return removed;
    }
}
