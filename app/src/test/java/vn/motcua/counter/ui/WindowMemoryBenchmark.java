package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15's memory target (bench profile only, its own JVM with the installed window's memory options, none: the
 * JVM's defaults): the window's resident memory after a clerk has received 50 dossiers in it, each of two A4 pages at
 * 300 dpi imported from files, through the new-dossier screen as ReceptionWindowTest drives it, with background OCR on
 * as installed. The peer, in the same JVM and run: the window idle on its home list right after signing in.
 * Monocle's headless platform stands in for GTK (the installed window runs on X11).
 */
class WindowMemoryBenchmark {

    private static final int DOSSIERS = Integer.getInteger("bench.receptions", 50);
    private static final long TARGET_MB = 400;

    @Test
    void residentMemoryAfterFiftyReceptions() throws Exception {
        Path data = Files.createTempDirectory("motcua-bench-memory");
        Path images = Files.createTempDirectory("motcua-bench-memory-pages");
        int[] chosen = {0};
        FxRobot robot = new FxRobot();
        try (CounterWindow window = CounterWindow.open(data, () -> {
            List<Path> pages = new ArrayList<>();
            for (int p = 1; p <= 2; p++) {
                chosen[0]++;
                pages.add(writePage(images.resolve("trang-" + chosen[0] + ".png"), "Bản di chúc số " + chosen[0]));
            }
            return pages;
        })) {
            WaitForAsyncUtils.sleep(5, TimeUnit.SECONDS); // what the start left to do behind the home list settles
            long idle = residentKb();
            MemoryUsage idleHeap = heap();
            long started = System.nanoTime();
            for (int i = 1; i <= DOSSIERS; i++) {
                try {
                    receive(robot, i);
                } catch (Exception | AssertionError e) { // what the screen showed, for a person to look at
                    WindowShots.save(robot, robot.lookup(".root").query(), "memory-benchmark-" + i + ".png");
                    throw e;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> robot.lookup("#todayTable").queryTableView().getItems().size() == DOSSIERS);
            WaitForAsyncUtils.sleep(5, TimeUnit.SECONDS);
            long received = residentKb();
            MemoryUsage receivedHeap = heap();
            System.out.printf("BENCH window RSS idle after sign-in (peer): %d MB, heap used %d MB of %d MB committed "
                    + "(max %d MB)%n", idle / 1024, idleHeap.getUsed() >> 20, idleHeap.getCommitted() >> 20,
                    idleHeap.getMax() >> 20);
            System.out.printf("BENCH window RSS after %d receptions in the window (%.0f s): %d MB, heap used %d MB of "
                    + "%d MB committed; target <= %d MB %s%n", DOSSIERS, seconds, received / 1024,
                    receivedHeap.getUsed() >> 20, receivedHeap.getCommitted() >> 20, TARGET_MB,
                    received / 1024 <= TARGET_MB ? "MET" : "MISSED");
            System.gc(); // after the reading: how much of that heap was still in use, for choosing its limit
            System.out.printf("BENCH heap in use after a full GC: %d MB; JVM options: %s%n", heap().getUsed() >> 20,
                    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                            .filter(a -> a.startsWith("-XX") || a.startsWith("-Xm")).toList());
            histogramAndDump();
            try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                    + data.resolve(vn.motcua.counter.bootstrap.CounterWiring.DATABASE_FILE));
                 var rows = db.createStatement().executeQuery("SELECT COUNT(*) FROM dossiers")) {
                assertThat(rows.getInt(1)).isEqualTo(DOSSIERS);
            }
        }
    }

    /** One reception: a procedure without catalogue components, one component named by the clerk, two pages. */
    private static void receive(FxRobot robot, int i) throws Exception {
        // the window's own Ctrl+N: the home screen may be rebuilt under a click aimed at its button
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, "#fullName").tryQuery().isPresent());
        robot.interact(() -> shown(robot, "#fullName").queryTextInputControl().setText("Nguyễn Văn Thử " + i));
        robot.clickOn(shown(robot, "#idNumber").<Node>query()).write(String.format("0011900%05d", i));
        robot.clickOn(shown(robot, "#procedureFilter").<Node>query()).write("chung thuc di chuc").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#noCatalogueComponents").queryLabeled().isVisible());
        robot.clickOn(shown(robot, "#processingDays .text-field").<Node>query()).write("0");
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        robot.interact(() -> shown(robot, "#otherComponent").queryTextInputControl().setText("Bản di chúc"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#component-0-import").match(WindowMemoryBenchmark::onScreen).tryQuery().isPresent());
        robot.clickOn(shown(robot, "#component-0-import").<Node>query());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(robot, "#component-0-pages").queryLabeled()
                .getText().endsWith("2 trang") && !shown(robot, "#receive").queryButton().isDisabled());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        // the notice of the one before stays up while this one is saved: wait for this one's number, back home
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#notice").queryLabeled().getText()
                .contains(String.format("-%04d.", i))
                && robot.lookup("#newDossier").match(WindowMemoryBenchmark::onScreen).tryQuery().isPresent());
    }

    /** The node with that id on the screen now: screens the window took down can still be found by id. */
    private static org.testfx.service.query.NodeQuery shown(FxRobot robot, String query) {
        return robot.lookup(query).match(WindowMemoryBenchmark::onScreen);
    }

    private static boolean onScreen(Node node) {
        return node.getScene() != null && node.getScene().getWindow() != null && node.isVisible();
    }

    /** An A4 page at 300 dpi with a few lines of Vietnamese text, as a scanner's file would be. */
    private static Path writePage(Path file, String title) throws IOException {
        BufferedImage image = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 50));
        g.drawString(title, 250, 400);
        for (int line = 0; line < 20; line++) {
            g.drawString("Tôi là người lập di chúc, tỉnh táo và minh mẫn, dòng " + (line + 1), 250, 550 + line * 120);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /**
     * What holds the heap, for a person to read: the live classes' histogram (top 40) and, with
     * {@code -Dbench.heapdump=FILE}, a heap dump of the live objects.
     */
    private static void histogramAndDump() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        String histogram = (String) server.invoke(new javax.management.ObjectName(
                "com.sun.management:type=DiagnosticCommand"), "gcClassHistogram", new Object[] {new String[0]},
                new String[] {String[].class.getName()});
        histogram.lines().limit(43).forEach(l -> System.out.println("BENCH histogram " + l));
        String dump = System.getProperty("bench.heapdump");
        if (dump != null && !dump.isBlank()) {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).dumpHeap(dump, true);
            System.out.println("BENCH heap dump: " + dump);
        }
    }

    private static long residentKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }

    private static MemoryUsage heap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }
}
