package vn.motcua.counter.launch;

import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.bootstrap.CounterLauncher;

/** A child process that opens the counter as the window does (the instance lock held), says "ready" and waits. */
public final class HoldCounter {

    private HoldCounter() {
    }

    public static void main(String[] args) throws Exception {
        try (CounterServices counter = CounterLauncher.load().open()) {
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(10 * 60_000L); // the test kills it long before
        }
    }
}
