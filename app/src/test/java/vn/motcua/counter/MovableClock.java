package vn.motcua.counter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock in Vietnam time that tests move forward, so a dossier's steps happen on different days. */
public final class MovableClock extends Clock {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private volatile Instant now;

    public MovableClock(LocalDateTime start) {
        this.now = start.atZone(VIETNAM).toInstant();
    }

    public void set(LocalDateTime time) {
        now = time.atZone(VIETNAM).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return VIETNAM;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the counter's clock stays in Vietnam time");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
