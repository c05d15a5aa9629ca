package vn.motcua.counter.crash;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterContext;

/**
 * A child process for the crash test: receives dossiers one after another, as fast as it can, until killed.
 * It prints "saved N" after each reception so the parent knows when to strike.
 */
public final class SaveLoop {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Clock DAY = Clock.fixed(LocalDateTime.of(2026, 11, 24, 10, 0).atZone(VIETNAM).toInstant(), VIETNAM);

    private SaveLoop() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        int limit = Integer.parseInt(args[1]);
        try (CounterContext counter = TestCounter.open(data, DAY)) {
            System.out.println("ready");
            for (int i = 1; i <= limit; i++) {
                counter.reception().receive(TestCounter.request(counter, (int) (System.nanoTime() % 1_000_000)),
                        counter.profile());
                System.out.println("saved " + i);
            }
        }
    }
}
