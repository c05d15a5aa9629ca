package vn.motcua.counter.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.adapters.catalogue.JsonCatalogueReader;
import vn.motcua.counter.adapters.files.FileContentStore;
import vn.motcua.counter.adapters.files.InstanceLock;
import vn.motcua.counter.adapters.images.ImageIoPageImages;
import vn.motcua.counter.adapters.pdf.FormPdfRenderer;
import vn.motcua.counter.adapters.pdf.ReceiptPdfRenderer;
import vn.motcua.counter.adapters.report.ReportFiles;
import vn.motcua.counter.adapters.store.Agencies;
import vn.motcua.counter.adapters.store.Database;
import vn.motcua.counter.adapters.capture.TesseractPageCapture;
import vn.motcua.counter.adapters.store.SqliteCaptureStore;
import vn.motcua.counter.adapters.store.SqliteCatalogue;
import vn.motcua.counter.adapters.store.SqliteContentReferences;
import vn.motcua.counter.adapters.store.SqliteDossierQueries;
import vn.motcua.counter.adapters.store.SqliteDossierStore;
import vn.motcua.counter.adapters.store.SqliteReports;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterProfile;
import vn.motcua.counter.application.LifecycleService;
import vn.motcua.counter.application.CounterReports;
import vn.motcua.counter.application.ContentCleanup;
import vn.motcua.counter.application.ElectronicCopyService;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.capture.ocr.OcrSettings;
import vn.motcua.counter.capture.ocr.OcrWorkerPool;
import vn.motcua.counter.application.DossierLists;
import vn.motcua.counter.application.ReceptionService;
import vn.motcua.counter.application.port.AgencyRegister;
import vn.motcua.counter.application.port.Catalogue;
import vn.motcua.counter.application.port.DossierQueries;
import vn.motcua.counter.application.port.DossierStore;
import vn.motcua.counter.domain.AgencyCode;
import vn.motcua.counter.application.CardReader;
import vn.motcua.counter.application.ReturningApplicants;
import vn.motcua.counter.domain.CounterSlot;
import vn.motcua.counter.application.ScanService;
import vn.motcua.counter.adapters.images.TesseractMrzImages;
import vn.motcua.counter.adapters.images.ZxingCardImages;
import vn.motcua.counter.capture.cleanup.DefaultPageCleanup;
import vn.motcua.counter.capture.ocr.MrzOcr;
import vn.motcua.counter.capture.ocr.OcrSettings;
import vn.motcua.counter.domain.calendar.VietnamHolidayCalendar;
import vn.motcua.counter.domain.lifecycle.SatisfactionScale;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSize;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerBridge;
import vn.motcua.scanner.sane.SaneCredentials;
import vn.motcua.scanner.sane.SaneHost;
import vn.motcua.scanner.setup.ScannerSetup;

/**
 * The composition root: opens the data folder (locked against a second instance), the SQLite file and the content
 * store, loads the sample catalogue on first start, and builds the services the UI and the command line use.
 */
public final class CounterContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CounterContext.class);
    public static final String DATABASE_FILE = "motcua.db";
    public static final String CONTENT_FOLDER = "files";
    private static final long CLEANUP_STOP_SECONDS = 10;
    private static final String SAMPLE_CATALOGUE = "procedures-sample.json";
    /** Debian packages no OCR-B model; the English one with an MRZ whitelist reads the monospace band well. */
    private static final String MRZ_LANGUAGE = "eng";
    /** Reception times, appointments and the day's dossier list are in Vietnam's time, whatever the PC's zone. */
    public static final Clock VIETNAM_TIME = Clock.system(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    private final Settings settings;
    private final Path dataDirectory;
    private final InstanceLock lock;
    private final Database database;
    private final FileContentStore contents;
    private final SqliteDossierStore dossiers;
    private final SqliteCatalogue catalogue;
    private final SqliteDossierQueries queries;
    private final Agencies agencies;
    private final DossierLists lists;
    private final CounterReports reports;
    private final ReceptionService reception;
    private final ScannerBridge scanners;
    private final ScanService scanning;
    private final CardReader cardReader;
    private final ReturningApplicants returning;
    private final LifecycleService lifecycle;
    private final CounterProfile profile;
    private final SqliteCaptureStore captureStore;
    private final ElectronicCopyService copies; // null when ocr.workers = 0
    private final CompletableFuture<ContentStore.Removed> contentCleanup;
    private volatile boolean closing;

    private CounterContext(Settings settings, Clock clock) {
        this.settings = settings;
        CounterSlot slot = counterSlot(settings); // wrong settings are refused before anything is opened
        settings.ocrWorkers();
        this.dataDirectory = settings.dataDirectory();
        createDataDirectory(dataDirectory);
        this.lock = InstanceLock.acquire(dataDirectory);
        try {
            this.database = Database.open(dataDirectory.resolve(DATABASE_FILE));
        } catch (RuntimeException e) {
            closeLock();
            throw e;
        }
        this.contents = new FileContentStore(dataDirectory.resolve(CONTENT_FOLDER));
        this.dossiers = new SqliteDossierStore(database, slot);
        this.agencies = new Agencies(database);
        this.catalogue = new SqliteCatalogue(database, clock);
        this.queries = new SqliteDossierQueries(database, clock);
        ImageIoPageImages images = new ImageIoPageImages();
        VietnamHolidayCalendar calendar = CounterCalendar.of(settings);
        this.reception = new ReceptionService(dossiers, contents, images, new ReceiptPdfRenderer(), calendar, clock);
        this.lists = new DossierLists(queries, calendar, clock);
        this.reports = new CounterReports(new SqliteReports(database), new ReportFiles(Messages.of(settings.locale())),
                settings.require(Settings.AGENCY_CODE), clock);
        this.scanners = scannerSetup(settings).build();
        this.scanning = new ScanService(scanners, reception, images, settings.get(Settings.SCANNER_DEVICE));
        this.cardReader = new CardReader(new ZxingCardImages(images), new TesseractMrzImages(images,
                new DefaultPageCleanup(), new MrzOcr(OcrSettings.defaults().tessdata(), MRZ_LANGUAGE)));
        this.returning = new ReturningApplicants(dossiers);
        this.lifecycle = new LifecycleService(dossiers, contents, new FormPdfRenderer(), clock,
                SatisfactionScale.parse(settings.require(Settings.RATING_LEVELS)),
                settings.require(Settings.PROCESSING_UNIT));
        this.profile = new CounterProfile(new AgencyCode(settings.require(Settings.AGENCY_CODE)),
                settings.require(Settings.AGENCY_NAME), settings.require(Settings.RESULT_PLACE),
                settings.require(Settings.CLERK_NAME));
        loadSampleCatalogueOnFirstStart();
        this.captureStore = new SqliteCaptureStore(database);
        this.copies = startCapture(settings, clock);
        this.contentCleanup = startContentCleanup();
    }

    /**
     * Unreferenced content files are removed at each start, in the background (a daemon thread: the window does
     * not wait), with the instance lock held, so no other counter process is saving into the store.
     */
    private CompletableFuture<ContentStore.Removed> startContentCleanup() {
        // file times are the machine's real time, whatever clock the dossiers are dated by
        Clock files = Clock.systemUTC();
        ContentCleanup cleanup = new ContentCleanup(new SqliteContentReferences(database), contents, files,
                files.instant());
        CompletableFuture<ContentStore.Removed> done = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("content-cleanup").priority(Thread.MIN_PRIORITY).start(() -> {
            try {
                done.complete(cleanup.run(() -> closing));
            } catch (RuntimeException e) {
                LOG.warn("content clean-up failed", e);
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** OCR and electronic copies in the background; pages a previous run left pending are taken up at once. */
    private ElectronicCopyService startCapture(Settings settings, Clock clock) {
        int workers = settings.ocrWorkers();
        if (workers == 0) {
            return null;
        }
        var pool = new OcrWorkerPool(OcrSettings.defaults().withWorkers(workers));
        var service = new ElectronicCopyService(captureStore, contents, new TesseractPageCapture(pool),
                profile.agencyName(), clock);
        reception.afterReceive(service::wake);
        service.start();
        return service;
    }

    /** The counter's scanners: the simulator always, SANE hosts and password file, eSCL, hot folders. */
    static ScannerSetup scannerSetup(Settings settings) {
        ScannerSetup setup = ScannerSetup.defaults();
        List<String> sane = settings.list(Settings.SCANNER_SANE_HOSTS);
        if (!sane.isEmpty()) {
            setup = setup.withSaneHosts(sane.stream().map(SaneHost::parse).toList());
        }
        Optional<String> passFile = settings.get(Settings.SCANNER_SANE_PASSFILE);
        if (passFile.isPresent()) {
            setup = setup.withSaneCredentials(SaneCredentials.fromFile(Path.of(passFile.get())));
        }
        setup = setup.withEsclScanners(settings.list(Settings.SCANNER_ESCL).stream().map(URI::create).toList(),
                !"false".equalsIgnoreCase(settings.get(Settings.SCANNER_MDNS).orElse("true")));
        return setup.withHotFolders(settings.list(Settings.SCANNER_HOT_FOLDERS).stream().map(Path::of).toList());
    }

    /** The counter's scan profile ({@code scan.source}, {@code scan.dpi}, {@code scan.mode}) on A4. */
    public ScanSettings scanProfile() {
        String source = settings.require(Settings.SCAN_SOURCE);
        String dpi = settings.require(Settings.SCAN_DPI);
        String mode = settings.require(Settings.SCAN_MODE);
        try {
            return new ScanSettings(PaperSource.valueOf(source.strip().toUpperCase(Locale.ROOT)),
                    Integer.parseInt(dpi.strip()), ColorMode.valueOf(mode.strip().toUpperCase(Locale.ROOT)),
                    PaperSize.A4);
        } catch (IllegalArgumentException e) {
            throw new CounterException("settings.bad_scan_profile", e, source, dpi, mode);
        }
    }

    private static CounterSlot counterSlot(Settings settings) {
        String number = settings.require(Settings.COUNTER_NUMBER);
        String count = settings.require(Settings.COUNTER_COUNT);
        try {
            return new CounterSlot(Integer.parseInt(number), Integer.parseInt(count));
        } catch (IllegalArgumentException e) {
            throw new CounterException("settings.bad_counter_slot", e, number, count);
        }
    }

    public static CounterContext open(Settings settings, Clock clock) {
        return new CounterContext(settings, clock);
    }

    private static void createDataDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CounterException("store.folder_unwritable", e, directory);
        }
    }

    private void loadSampleCatalogueOnFirstStart() {
        if (!catalogue.isEmpty()) {
            return;
        }
        try (InputStream sample = CounterContext.class.getResourceAsStream("/catalogue/" + SAMPLE_CATALOGUE)) {
            var procedures = new JsonCatalogueReader().read(sample, SAMPLE_CATALOGUE);
            catalogue.importProcedures(procedures, SAMPLE_CATALOGUE);
            LOG.info("loaded the sample catalogue: {} procedures", procedures.size());
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled sample catalogue is unreadable", e);
        }
    }

    public Settings settings() {
        return settings;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Database database() {
        return database;
    }

    public FileContentStore contents() {
        return contents;
    }

    public DossierStore dossiers() {
        return dossiers;
    }

    public DossierQueries dossierQueries() {
        return queries;
    }

    public CounterReports reports() {
        return reports;
    }

    public ReturningApplicants returningApplicants() {
        return returning;
    }

    public DossierLists lists() {
        return lists;
    }

    public AgencyRegister agencies() {
        return agencies;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public ReceptionService reception() {
        return reception;
    }

    public ScannerBridge scanners() {
        return scanners;
    }

    public ScanService scanning() {
        return scanning;
    }

    public CardReader cardReader() {
        return cardReader;
    }

    public LifecycleService lifecycle() {
        return lifecycle;
    }

    public CounterProfile profile() {
        return profile;
    }

    /** OCR state and electronic copies (also when background capture is off). */
    public vn.motcua.counter.application.port.CaptureStore captureStore() {
        return captureStore;
    }

    /** The background OCR and copy work; empty when {@code ocr.workers} is 0. */
    public java.util.Optional<ElectronicCopyService> copies() {
        return java.util.Optional.ofNullable(copies);
    }

    /** The start-up clean-up of unreferenced content files (see {@link ContentCleanup}). */
    public CompletableFuture<ContentStore.Removed> contentCleanup() {
        return contentCleanup;
    }

    private void closeLock() {
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("releasing the instance lock", e);
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            contentCleanup.get(CLEANUP_STOP_SECONDS, TimeUnit.SECONDS); // it reads the database being closed
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("content clean-up did not finish cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (copies != null) {
            copies.close(); // cancels OCR (pages stay PENDING) and waits, before the database closes
        }
        scanners.close();
        database.close();
        closeLock();
    }
}
