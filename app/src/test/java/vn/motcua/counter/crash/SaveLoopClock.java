package vn.motcua.counter.crash;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A fixed working morning (Tuesday 2026-11-24 10:00, Vietnam time) for tests that save dossiers. */
public final class SaveLoopClock {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final Clock DAY =
            Clock.fixed(LocalDateTime.of(2026, 11, 24, 10, 0).atZone(VIETNAM).toInstant(), VIETNAM);

    private SaveLoopClock() {
    }
}
