package vn.motcua.counter.launch;

import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.bootstrap.CounterLauncher;

/** A child process that sets the process up and opens the counter as the launcher does for the window (the instance lock held), says "ready" and waits. */
public final class HoldCounter {

    private HoldCounter() {
    }

    public static void main(String[] args) throws Exception {
        vn.motcua.counter.bootstrap.ProcessSetup.apply(vn.motcua.counter.bootstrap.Settings.load().dataDirectory());
        try (CounterServices counter = CounterLauncher.load().open()) {
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(10 * 60_000L); // the test kills it long before
        }
    }
}
