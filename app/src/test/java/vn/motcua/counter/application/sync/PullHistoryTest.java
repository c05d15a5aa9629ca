package vn.motcua.counter.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.motcua.counter.application.stage.StageError;

/** The pulls the sync log lists: a run with the same outcome is one entry, the latest; a pull that took something stays. */
class PullHistoryTest {

    private static final StageError OFFLINE = new StageError("sync.error.offline", List.of(), "connect refused");
    private static final StageError REVOKED = new StageError("sync.error.revoked", List.of(), "HTTP 403");

    @Test
    void aRunOfQuietOrEquallyFailedPullsIsOneEntryAndAPullThatTookSomethingStays() {
        PullHistory history = new PullHistory();
        AtomicInteger told = new AtomicInteger();
        Runnable stop = history.onPull(told::incrementAndGet);
        HubChanges.LastPull took = pull(1, 2, null);
        history.add(took);
        history.add(pull(2, 0, null));
        history.add(pull(3, 0, null));   // quiet again: replaces the quiet one at 2
        history.add(pull(4, 0, OFFLINE));
        history.add(pull(5, 0, OFFLINE));   // the same failure: replaces the one at 4
        history.add(pull(6, 0, REVOKED));
        HubChanges.LastPull last = pull(7, 0, null);
        history.add(last);
        history.add(last);   // told twice: once
        assertThat(history.recent()).extracting(p -> p.pulled().at().getEpochSecond() + " "
                + (p.error() == null ? p.pulled().applied() : p.error().messageKey()))
                .containsExactly("7 0", "6 sync.error.revoked", "5 sync.error.offline", "3 0", "1 2");
        assertThat(told).hasValue(7);
        stop.run();
        history.add(pull(8, 1, null));
        assertThat(told).as("no longer told").hasValue(7);
    }

    private static HubChanges.LastPull pull(long second, int applied, StageError error) {
        return new HubChanges.LastPull(new HubChanges.Pulled(applied, 0, 0, 0, Instant.ofEpochSecond(second)), error);
    }
}
