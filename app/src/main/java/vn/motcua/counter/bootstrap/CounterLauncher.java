package vn.motcua.counter.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import vn.motcua.counter.adapters.capture.TesseractPageCapture;
import vn.motcua.counter.adapters.images.ScannedPageFiles;
import vn.motcua.counter.application.CounterAccess;
import vn.motcua.counter.application.CounterDiagnostics;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.application.Scanners;
import vn.motcua.counter.application.capture.FileCopies;
import vn.motcua.counter.capture.ocr.OcrSettings;
import vn.motcua.counter.capture.ocr.OcrWorkerPool;
import vn.motcua.counter.domain.calendar.ScheduleProblem;
import vn.motcua.counter.domain.calendar.VietnamHolidayCalendar;

/** The composition root: what the launcher builds once and hands to the window or the command line. */
public final class CounterLauncher implements CounterAccess {

    private final CounterConfiguration configuration;
    private final Clock clock;
    private final Runnable processSetup;
    private boolean prepared;

    public CounterLauncher(Settings settings, Clock clock) {
        this(settings, clock, () -> { });
    }

    /**
     * With {@code processSetup} ({@link ProcessSetup#apply}, from the launcher) run once, before the first thing that
     * may open SQLite or decode an image; a command that needs neither ({@code version}, help) never runs it: it
     * loads ImageIO and AWT, ~0.1 s.
     */
    public CounterLauncher(Settings settings, Clock clock, Runnable processSetup) {
        this.configuration = new CounterConfiguration(settings);
        this.clock = clock;
        this.processSetup = processSetup;
    }

    private synchronized void prepare() {
        if (!prepared) {
            prepared = true;
            processSetup.run();
        }
    }

    /** On the settings of this machine and user, in Vietnam's time. */
    public static CounterLauncher load() {
        return new CounterLauncher(Settings.load(), CounterConfiguration.VIETNAM_TIME);
    }

    @Override
    public boolean accountsExist() {
        prepare();
        return AccessSetup.accountsExist(configuration.dataDirectory().resolve(CounterWiring.DATABASE_FILE));
    }

    @Override
    public Locale locale() {
        return configuration.locale();
    }

    @Override
    public CounterWiring open() {
        prepare();
        return CounterWiring.open(configuration.settings(), clock);
    }

    @Override
    public CounterWiring openForReading() {
        prepare();
        return CounterWiring.openForReading(configuration.settings(), clock);
    }

    @Override
    public FileCopies fileCopies(String language) {
        prepare();
        OcrSettings ocr = configuration.ocrSettings().withLanguage(language);
        Path model = ocr.tessdata().resolve(language + ".traineddata");
        if (!Files.isRegularFile(model)) {
            throw new CounterException("capture.ocr.language_missing", language, model);
        }
        return new FileCopies(new ScannedPageFiles(configuration.pixelLimit()), new TesseractPageCapture(new OcrWorkerPool(ocr)));
    }

    @Override
    public Scanners scanners(List<String> moreSaneHosts) {
        prepare();
        return new Scanners(configuration.scannerSetup(moreSaneHosts).build(), configuration.scannerDevice());
    }

    @Override
    public SigningServices signatures() {
        prepare();
        return SigningServices.from(configuration.settings(), clock);
    }

    @Override
    public List<vn.motcua.counter.application.Notice> notices() {
        prepare();
        List<vn.motcua.counter.application.Notice> notices = new java.util.ArrayList<>(
                StartupNotices.of(configuration));
        updates().waiting().ifPresent(v -> notices.add(vn.motcua.counter.application.Notice.of("update.waiting", v)));
        return notices;
    }

    @Override
    public Path provision(java.util.Map<String, String> values) {
        prepare();
        return MachineConfiguration.provision(Settings.machineFile(), values);
    }

    @Override
    public vn.motcua.counter.application.CounterUpdates updates() {
        prepare();
        return new vn.motcua.counter.adapters.update.HubUpdates(UpdateSettings.config(configuration.settings()));
    }

    @Override
    public vn.motcua.counter.application.Backups backups() {
        prepare();
        return new CounterBackups(configuration, clock);
    }

    @Override
    public VietnamHolidayCalendar calendar(Path overrides, BiConsumer<Path, ScheduleProblem> skipped) {
        prepare();
        Settings settings = configuration.settings();
        return CounterCalendar.of(settings, overrides != null ? overrides : settings.holidayOverrides().orElse(null),
                skipped);
    }

    @Override
    public CounterDiagnostics diagnostics() {
        prepare();
        return new Diagnostics(configuration.settings());
    }
}
