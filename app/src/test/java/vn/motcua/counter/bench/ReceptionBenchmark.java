package vn.motcua.counter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.TestCounter;
import vn.motcua.counter.adapters.pdf.ReceiptPdfRenderer;
import vn.motcua.counter.application.Receipt;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.crash.SaveLoopClock;
import vn.motcua.counter.bootstrap.CounterLauncher;
import vn.motcua.counter.ui.CounterApplication;

/**
 * Issue 3's clerk-speed targets, measured (bench profile only): a receipt PDF in ≤ 300 ms, and the new-dossier
 * screen ready for input ≤ 200 ms after Ctrl+N. There is no peer program to compare with, so the numbers are
 * printed against the targets. The screen is timed from the shortcut to the end of the first layout pulse in which
 * the name field has focus (CSS and layout of the whole screen done, the frame handed to rendering), and, as an upper
 * bound, to TestFX seeing that focus after its settling waits (five round trips to the FX thread with 10 ms sleeps
 * between them). Each run opens it twice: as a clerk does after a moment on the home list, when the window has built
 * the form behind it, and at once on returning home, before it has.
 */
class ReceptionBenchmark {

    private static final int WARM_UP = 10;
    private static final int RUNS = 50;

    @Test
    void receiptAndNewDossierScreen() throws Exception {
        Path data = Files.createTempDirectory("motcua-bench-reception");
        List<Double> render = new ArrayList<>();
        List<Double> receive = new ArrayList<>();
        try (CounterWiring counter = TestCounter.open(data, SaveLoopClock.DAY)) {
            Receipt sample = counter.reception().receive(TestCounter.request(counter, 0), counter.profile());
            ReceiptPdfRenderer renderer = new ReceiptPdfRenderer();
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                long start = System.nanoTime();
                renderer.render(sample.dossier(), counter.profile());
                record(render, i, start);
            }
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                var request = TestCounter.request(counter, i + 1); // pages stored before the clock starts
                long start = System.nanoTime();
                counter.reception().receive(request, counter.profile());
                record(receive, i, start);
            }
        }
        print("receipt PDF rendered", render, 300);
        print("reception saved (code, receipt PDF, files, one transaction)", receive, 300);

        System.setProperty("motcua.data.dir", Files.createTempDirectory("motcua-bench-window").toString());
        javafx.stage.Stage stage = FxToolkit.registerPrimaryStage();
        CounterApplication application = (CounterApplication) FxToolkit.setupApplication(
                () -> new CounterApplication(CounterLauncher.load(), vn.motcua.counter.ui.FxDialogService::new));
        vn.motcua.counter.ui.WindowSignIn.signIn(stage);
        FxRobot robot = new FxRobot();
        try {
            ScreenTimes ready = new ScreenTimes();
            ScreenTimes cold = new ScreenTimes();
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                openForm(robot, true, i >= WARM_UP ? ready : null);
                openForm(robot, false, i >= WARM_UP ? cold : null);
            }
            ready.print("clerk on the home list (form built behind it)");
            cold.print("Ctrl+N at once on return home (form built on the shortcut)");
        } finally {
            FxToolkit.cleanupApplication(application);
            System.clearProperty("motcua.data.dir");
        }
    }

    /** The three times of one kind of opening, each over the measured runs. */
    private record ScreenTimes(List<Double> laidOut, List<Double> shortcut, List<Double> upperBound) {

        ScreenTimes() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void print(String when) {
            ReceptionBenchmark.print("new-dossier screen laid out with the name field focused, after Ctrl+N, " + when,
                    laidOut, 200);
            ReceptionBenchmark.print("  of which the shortcut's own work", shortcut, 200);
            ReceptionBenchmark.print("  upper bound: TestFX sees the focus after its settling waits", upperBound, 200);
        }
    }

    /**
     * Opens the new-dossier screen from the home list by the window's own Ctrl+N action and closes it again.
     * {@code waitForReadyForm}: first wait until the form to come is built behind the home list, as it is when the
     * clerk has spent a moment there; otherwise press at once, before it is.
     */
    private static void openForm(FxRobot robot, boolean waitForReadyForm, ScreenTimes times) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#newDossier").tryQuery().isPresent());
        Scene scene = robot.lookup("#newDossier").query().getScene();
        if (waitForReadyForm) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.lookup("#fullName") != null);
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS); // its styling and layout pulse is over
        }
        boolean measured = times != null && (waitForReadyForm || scene.lookup("#fullName") == null);
        Runnable shortcut = scene.getAccelerators().entrySet().stream()
                .filter(e -> e.getKey().match(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.N,
                        false, true, false, false)) || e.getKey().match(new KeyEvent(KeyEvent.KEY_PRESSED,
                        "", "", KeyCode.N, false, false, false, true)))
                .findFirst().orElseThrow().getValue();
        long[] layoutDone = new long[1];
        Runnable firstLayout = () -> {
            if (layoutDone[0] == 0 && scene.lookup("#fullName") instanceof Node name && name.isFocused()) {
                layoutDone[0] = System.nanoTime();
            }
        };
        robot.interact(() -> scene.addPostLayoutPulseListener(firstLayout));
        long[] shortcutDone = new long[1];
        long start = System.nanoTime();
        robot.interact(() -> {
            shortcut.run();
            shortcutDone[0] = System.nanoTime();
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#fullName").match(Node::isFocused).tryQuery().isPresent());
        long seen = System.nanoTime();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> layoutDone[0] != 0);
        if (measured) { // a cold run the window's idle timer overtook is not one
            times.laidOut.add((layoutDone[0] - start) / 1e6);
            times.shortcut.add((shortcutDone[0] - start) / 1e6);
            times.upperBound.add((seen - start) / 1e6);
        }
        robot.interact(() -> scene.removePostLayoutPulseListener(firstLayout));
        robot.interact(() -> robot.lookup("#close").match(Node::isVisible).queryButton().fire());
    }

    private static void record(List<Double> times, int run, long startNanos) {
        if (run >= WARM_UP) {
            times.add((System.nanoTime() - startNanos) / 1e6);
        }
    }

    private static void print(String what, List<Double> millis, int targetMillis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        System.out.printf("BENCH %s: median %.1f ms, p95 %.1f ms over %d runs (target <= %d ms) %s%n", what, median,
                p95, sorted.size(), targetMillis, p95 <= targetMillis ? "MET" : "MISSED");
    }
}
