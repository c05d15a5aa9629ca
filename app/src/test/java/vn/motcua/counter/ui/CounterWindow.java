package vn.motcua.counter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.counter.application.CounterAccess;
import vn.motcua.counter.application.CounterDiagnostics;
import vn.motcua.counter.application.Scanners;
import vn.motcua.counter.application.capture.FileCopies;
import vn.motcua.counter.bootstrap.CounterLauncher;
import vn.motcua.counter.bootstrap.CounterWiring;

/**
 * The real counter window on a test's data folder. Only the native file chooser, which no robot can drive, is
 * replaced: it returns the real files the test writes.
 */
final class CounterWindow implements AutoCloseable {

    static final String CLERK = "Trần Văn Bình";

    /** Writes the files the clerk "chooses" at the moment the chooser would open. */
    @FunctionalInterface
    interface ChosenFiles {
        List<Path> write() throws IOException;
    }

    private final CounterApplication application;
    private final Recorded access;
    private final List<String> recoveryKeys;

    private CounterWindow(CounterApplication application, Recorded access, List<String> recoveryKeys) {
        this.application = application;
        this.access = access;
        this.recoveryKeys = recoveryKeys;
    }

    /** The recovery keys the window showed (decision 1201: one, on the start that set the data folder up). */
    List<String> recoveryKeysShown() {
        return List.copyOf(recoveryKeys);
    }

    /** The launcher's application, remembering the counter the window opened so a test can look behind it. */
    private static final class Recorded implements CounterAccess {
        private final CounterLauncher launcher;
        private volatile CounterWiring opened;

        Recorded(java.time.Clock clock) {
            this.launcher = clock == null ? CounterLauncher.load()
                    : new CounterLauncher(vn.motcua.counter.bootstrap.Settings.load(), clock);
        }

        @Override
        public boolean accountsExist() {
            return launcher.accountsExist();
        }

        @Override
        public java.util.Locale locale() {
            return launcher.locale();
        }

        @Override
        public CounterWiring open() {
            opened = launcher.open();
            return opened;
        }

        @Override
        public FileCopies fileCopies(String language) {
            return launcher.fileCopies(language);
        }

        @Override
        public Scanners scanners(List<String> moreSaneHosts) {
            return launcher.scanners(moreSaneHosts);
        }

        @Override
        public CounterDiagnostics diagnostics() {
            return launcher.diagnostics();
        }

        @Override
        public vn.motcua.counter.application.signing.Signatures signatures() {
            return launcher.signatures();
        }

        @Override
        public List<vn.motcua.counter.application.Notice> notices() {
            return launcher.notices();
        }

        @Override
        public vn.motcua.counter.application.CounterUpdates updates() {
            return launcher.updates();
        }

        @Override
        public Path provision(java.util.Map<String, String> values) {
            return launcher.provision(values);
        }

        @Override
        public vn.motcua.counter.domain.calendar.VietnamHolidayCalendar calendar(Path overrides,
                java.util.function.BiConsumer<Path, vn.motcua.counter.domain.calendar.ScheduleProblem> skipped) {
            return launcher.calendar(overrides, skipped);
        }
    }

    static CounterWindow open(Path data, ChosenFiles chosen) throws TimeoutException {
        return open(data, chosen, null);
    }

    /**
     * The window on {@code clock} (null: the real one), signed in past its first screen as the first administrator
     * ({@link WindowSignIn}).
     */
    static CounterWindow open(Path data, ChosenFiles chosen, java.time.Clock clock) throws TimeoutException {
        return open(data, chosen, clock, true);
    }

    /** The window left on its first screen (sign-in, or the first administrator's), for the tests of that screen. */
    static CounterWindow openAtSignIn(Path data) throws TimeoutException {
        return open(data, List::of, null, false);
    }

    private static CounterWindow open(Path data, ChosenFiles chosen, java.time.Clock clock, boolean signIn)
            throws TimeoutException {
        System.setProperty("motcua.data.dir", data.toString());
        System.setProperty("motcua.clerk.name", CLERK);
        javafx.stage.Stage stage = FxToolkit.registerPrimaryStage();
        stopRecordingEvents();
        List<String> recoveryKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
        DialogService dialogs = new DialogService() {
            @Override
            public void showRecoveryKey(Window owner, String title, String text, String key) {
                recoveryKeys.add(key);
            }

            @Override
            public List<Path> chooseImages(Window owner, String title) {
                try {
                    return chosen.write();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void open(Path file) {
            }
        };
        Recorded access = new Recorded(clock);
        CounterWindow window = new CounterWindow((CounterApplication) FxToolkit.setupApplication(
                () -> new CounterApplication(access, (host, messages) -> dialogs)), access, recoveryKeys);
        if (signIn) {
            WindowSignIn.signIn(stage);
        }
        return window;
    }

    /**
     * TestFX records every event fired in its registered stage, for assertions no test here makes; the record keeps
     * each screen an event went to (the memory benchmark's 50 receptions: 19,000 mouse events holding every form).
     */
    private static void stopRecordingEvents() {
        try {
            java.lang.reflect.Field recorded = org.testfx.api.FxToolkitContext.class.getDeclaredField("firedEvents");
            recorded.setAccessible(true);
            var events = (org.testfx.service.support.FiredEvents) recorded.get(FxToolkit.toolkitContext());
            events.stopStoringFiredEvents();
            events.clearEvents();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestFX changed: " + e, e);
        }
    }

    /** Waits for the home screen's notice of a reception and returns the dossier code it names. */
    static String receivedCode(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#notice").queryLabeled().isVisible()
                && robot.lookup("#notice").queryLabeled().getText().startsWith("Đã tiếp nhận hồ sơ"));
        Matcher found = Pattern.compile("000\\.00\\.00\\.H26-\\d{6}-\\d{4}")
                .matcher(robot.lookup("#notice").queryLabeled().getText());
        assertThat(found.find()).as("the notice names the new dossier code").isTrue();
        return found.group();
    }

    /** The text of a PDF in the data folder's content store, one space between words (table cells wrap). */
    static String storedPdfText(Path data, String contentId) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(vn.motcua.counter.TestCounter.stored(data, contentId))) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    CounterApplication application() {
        return application;
    }

    /** The counter behind the window: its services and, for assertions, its stores. */
    CounterWiring counter() {
        return access.opened;
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(application);
        FxToolkit.cleanupStages();
        System.clearProperty("motcua.data.dir");
        System.clearProperty("motcua.clerk.name");
    }
}
