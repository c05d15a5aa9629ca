package vn.motcua.counter.crash;

import java.nio.file.Path;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;

/**
 * A child process for the crash test: receives dossiers one after another, as fast as it can, until killed.
 * It prints "saved N" after each reception so the parent knows when to strike.
 */
public final class SaveLoop {

    private SaveLoop() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        int limit = Integer.parseInt(args[1]);
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            System.out.println("ready");
            for (int i = 1; i <= limit; i++) {
                counter.reception().receive(TestCounter.request(counter, (int) (System.nanoTime() % 1_000_000)),
                        counter.profile());
                System.out.println("saved " + i);
            }
        }
    }
}
