package vn.motcua.counter.launch;

import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import vn.motcua.counter.TestImages;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.bootstrap.CounterLauncher;
import vn.motcua.counter.bootstrap.ProcessSetup;
import vn.motcua.counter.bootstrap.Settings;

/**
 * A child process that sets the process up and opens the counter as the launcher does for the window (the instance
 * lock held), holds a scanned page open for decoding as a stream (where ImageIO's disk cache would write the page to
 * the system temp folder), says "ready" and waits.
 */
public final class HoldCounter {

    private HoldCounter() {
    }

    public static void main(String[] args) throws Exception {
        ProcessSetup.apply(Settings.load().dataDirectory());
        try (CounterServices counter = CounterLauncher.load().open();
             ImageInputStream page = ImageIO.createImageInputStream(
                     new ByteArrayInputStream(TestImages.png("Trang đang giải mã")))) {
            page.read();   // decoding has begun
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(10 * 60_000L); // the test kills it long before
        }
    }
}
