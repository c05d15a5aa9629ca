package vn.motcua.counter.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.adapters.backup.EncryptedBackup;
import vn.motcua.counter.adapters.capture.TesseractPageCapture;
import vn.motcua.counter.adapters.catalogue.CatalogueFileSources;
import vn.motcua.counter.adapters.files.FileContentStore;
import vn.motcua.counter.adapters.files.InstanceLock;
import vn.motcua.counter.adapters.images.ImageIoPageImages;
import vn.motcua.counter.adapters.images.ScannedPageFiles;
import vn.motcua.counter.adapters.images.TesseractMrzImages;
import vn.motcua.counter.adapters.images.ZxingCardImages;
import vn.motcua.counter.adapters.pdf.FormPdfRenderer;
import vn.motcua.counter.adapters.protection.FieldCipher;
import vn.motcua.counter.adapters.protection.FileCipher;
import vn.motcua.counter.adapters.protection.Keyring;
import vn.motcua.counter.adapters.protection.RecoveryKey;
import vn.motcua.counter.adapters.pdf.ReceiptPdfRenderer;
import vn.motcua.counter.adapters.report.ReportFiles;
import vn.motcua.counter.adapters.store.Agencies;
import vn.motcua.counter.adapters.store.Database;
import vn.motcua.counter.adapters.store.PersonalColumns;
import vn.motcua.counter.adapters.store.SqliteCaptureStore;
import vn.motcua.counter.adapters.store.SqliteCatalogue;
import vn.motcua.counter.adapters.store.SqliteDossierQueries;
import vn.motcua.counter.adapters.store.SqliteDossierStore;
import vn.motcua.counter.adapters.store.SqliteReports;
import vn.motcua.counter.adapters.store.SqliteHubResultFiles;
import vn.motcua.counter.adapters.store.SqliteStageQueue;
import vn.motcua.counter.adapters.store.SqliteHubChangeLog;
import vn.motcua.counter.adapters.store.SqliteSyncRecords;
import vn.motcua.counter.application.port.HubLink;
import vn.motcua.counter.application.sync.ChangesPulling;
import vn.motcua.counter.application.sync.DossierManifests;
import vn.motcua.counter.application.sync.HubChanges;
import vn.motcua.counter.application.sync.PullHistory;
import vn.motcua.counter.application.sync.SyncLog;
import vn.motcua.counter.application.sync.Offers;
import vn.motcua.counter.application.sync.Outbox;
import vn.motcua.counter.application.sync.FetchResultStage;
import vn.motcua.counter.application.sync.SendDossierStage;
import vn.motcua.counter.application.sync.Syncing;
import vn.motcua.counter.application.sync.UsbTransfer;
import vn.motcua.counter.application.CardReader;
import vn.motcua.counter.application.CatalogueImports;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.CounterProfile;
import vn.motcua.counter.application.CounterReports;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.application.Documents;
import vn.motcua.counter.application.DossierLists;
import vn.motcua.counter.application.LifecycleService;
import vn.motcua.counter.application.ReceptionService;
import vn.motcua.counter.application.ReturningApplicants;
import vn.motcua.counter.application.ScanService;
import vn.motcua.counter.application.Scanners;
import vn.motcua.counter.application.UserPreferences;
import vn.motcua.counter.application.capture.ElectronicCopies;
import vn.motcua.counter.application.capture.ElectronicCopyStage;
import vn.motcua.counter.application.capture.PageTextStage;
import vn.motcua.counter.application.signing.CopyDocuments;
import vn.motcua.counter.application.signing.SignCopyStage;
import vn.motcua.counter.application.signing.SigningDesk;
import vn.motcua.counter.application.port.Catalogue;
import vn.motcua.counter.application.port.DossierStore;
import vn.motcua.counter.application.port.PageCapture;
import vn.motcua.counter.application.stage.RetryPolicy;
import vn.motcua.counter.application.stage.StageHandler;
import vn.motcua.counter.application.stage.StageRunner;
import vn.motcua.counter.capture.cleanup.DefaultPageCleanup;
import vn.motcua.counter.capture.ocr.MrzOcr;
import vn.motcua.counter.capture.ocr.OcrWorkerPool;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerBridge;
import java.util.concurrent.CompletableFuture;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.adapters.store.SqliteAuditLog;
import vn.motcua.counter.adapters.store.SqliteContentReferences;
import vn.motcua.counter.adapters.store.SqliteRetention;
import vn.motcua.counter.application.access.AccountService;
import vn.motcua.counter.application.access.CurrentClerk;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.audit.AuditChain;
import vn.motcua.counter.application.retention.Retention;

/**
 * The wiring of an open counter: the data folder (locked against a second process), the SQLite file, the content
 * store, every adapter, and the services built on them once. The window and the commands see it as
 * {@link CounterServices}; tests and {@code doctor} may reach the adapters it names.
 */
public final class CounterWiring implements CounterServices {

    private static final Logger LOG = LoggerFactory.getLogger(CounterWiring.class);
    public static final String DATABASE_FILE = "motcua.db";
    public static final String CONTENT_FOLDER = "files";
    /** Debian packages no OCR-B model; the English one with an MRZ whitelist reads the monospace band well. */
    private static final String MRZ_LANGUAGE = "eng";

    private final CounterConfiguration configuration;
    private final Clock clock;
    private final Path dataDirectory;
    private final InstanceLock lock; // null when opened for reading only
    private final FileCipher fileCipher;
    private final FieldCipher fieldCipher;
    private final String newRecoveryKey; // grouped, when the keyring was made by this start; else null
    private final Database database;
    private final FileContentStore contents;
    private final SqliteDossierStore dossiers;
    private final SqliteCatalogue catalogue;
    private final SqliteCaptureStore captureStore;
    private final SqliteStageQueue stages;
    private final SqliteDossierQueries queries;
    private final Agencies agencies;
    private final ScannerBridge scannerBridge;
    private final CounterProfile profile;
    private final ReceptionService reception;
    private final Scanners scanners;
    private final ScanService scanning;
    private final CardReader cardReader;
    private final ReturningApplicants returning;
    private final LifecycleService lifecycle;
    private final DossierLists lists;
    private final CounterReports reports;
    private final CatalogueImports catalogueImports;
    private final PageCapture pageCapture; // null when ocr.workers = 0
    private final StageRunner pipeline;
    private final ElectronicCopies copies;
    private final SigningServices signatures;
    private final SigningDesk signingDesk;
    private final Documents documents;
    private final SqliteSyncRecords syncRecords;
    private final SendDossierStage sending; // null when no hub is linked (sync off)
    private final FetchResultStage fetchingResults; // null when no hub is linked
    private final Syncing syncing;
    private final SqliteHubChangeLog hubChangeLog;
    private final HubChanges hubChanges;      // null when no hub is linked (sync off)
    private final ChangesPulling pulling;     // null when no hub is linked (sync off)
    private final SyncLog syncLog;
    private final Database auditDatabase; // the audit's own writable connection when opened for reading, else null
    private final Audit audit;
    private final Retention retention;
    private final AccountService accounts;
    private StartupWork startup;

    private CounterWiring(CounterConfiguration configuration, Clock clock, boolean forReading) {
        this.configuration = configuration;
        this.clock = clock;
        var slot = configuration.counterSlot(); // wrong settings are refused before anything is opened
        int retentionDays = configuration.retentionDays();
        int ocrWorkers = forReading ? 0 : configuration.ocrWorkers();
        this.profile = configuration.profile();
        this.dataDirectory = configuration.dataDirectory();
        if (!forReading) {
            createDataDirectory(dataDirectory);
        }
        this.lock = forReading ? null : InstanceLock.acquire(dataDirectory);
        if (!forReading) {   // decision 1203: a backup killed part-way leaves an unencrypted copy of the database
            EncryptedBackup.removeStaleSnapshots(dataDirectory);
        }
        Keyring.Unlocked unlocked;
        try {   // the key before the database: without protection nothing is stored (decision 1201, fail closed)
            unlocked = DataProtection.unlock(configuration.settings(), dataDirectory);
        } catch (RuntimeException e) {
            closeLock();
            throw e;
        }
        this.fileCipher = new FileCipher(unlocked.key());
        this.fieldCipher = new FieldCipher(unlocked.key());
        this.newRecoveryKey = unlocked.newRecoveryKey().map(RecoveryKey::grouped).orElse(null);
        try {
            PersonalColumns columns = new PersonalColumns(fieldCipher);
            this.database = forReading ? Database.openForReading(dataDirectory.resolve(DATABASE_FILE), columns)
                    : Database.open(dataDirectory.resolve(DATABASE_FILE), columns);
        } catch (RuntimeException e) {
            closeLock();
            throw e;
        }
        this.contents = new FileContentStore(dataDirectory.resolve(CONTENT_FOLDER), fileCipher);
        // who is signed in: every service checks it by role (decision 1301)
        try {
            this.accounts = AccessSetup.accounts(database, forReading, configuration.settings(), clock);
        } catch (RuntimeException e) {   // a wrong access.admin.* value: nothing stays open
            database.close();
            closeLock();
            throw e;
        }
        CurrentClerk clerk = accounts.session();
        // decision 1302: even a command that only reads records its views, through a writable connection of its own;
        // who acts is the account signed in, the OS user on a data folder without accounts
        this.auditDatabase = forReading ? openAuditDatabase() : null;
        // the chain is keyed with the audit key, a sub-key of the data key: without it no entry can be re-hashed
        SqliteAuditLog auditLog = new SqliteAuditLog(forReading ? auditDatabase : database,
                dataDirectory.resolve(SqliteAuditLog.ANCHOR_FILE), AuditChain.keyed(unlocked.key().derive("audit")));
        this.audit = new Audit(auditLog, clerk, profile.agencyCode().value() + "-" + slot.number(), clock);
        if (!unlocked.auditKeyed() || unlocked.newRecoveryKey().isPresent()) {
            keyAuditChain(unlocked);
        }
        this.dossiers = new SqliteDossierStore(database, slot);
        this.agencies = new Agencies(database);
        this.catalogue = new SqliteCatalogue(database, clock);
        this.captureStore = new SqliteCaptureStore(database);
        this.stages = new SqliteStageQueue(database);
        this.queries = new SqliteDossierQueries(database, clock);
        var images = new ImageIoPageImages(configuration.pixelLimit());
        var pageFiles = new ScannedPageFiles(configuration.pixelLimit());
        var calendar = configuration.holidayCalendar();
        this.reception = new ReceptionService(new ReceptionService.Parts(dossiers, contents, images, pageFiles,
                new ReceiptPdfRenderer(), calendar, database, stages, clock, clerk));
        this.lists = new DossierLists(queries, calendar, clock, clerk);
        this.reports = new CounterReports(new SqliteReports(database),
                new ReportFiles(Messages.of(configuration.locale())), profile.agencyCode().value(), clock, clerk);
        this.scannerBridge = configuration.scannerSetup(List.of()).build();
        this.scanners = new Scanners(scannerBridge, configuration.scannerDevice());
        this.scanning = new ScanService(scanners, reception, images);
        this.cardReader = new CardReader(new ZxingCardImages(images), new TesseractMrzImages(images,
                new DefaultPageCleanup(), new MrzOcr(configuration.ocrSettings().tessdata(), MRZ_LANGUAGE)), pageFiles);
        this.returning = new ReturningApplicants(dossiers, clerk);
        this.lifecycle = new LifecycleService(dossiers, contents, new FormPdfRenderer(), clock,
                configuration.satisfactionScale(), configuration.processingUnit(), clerk);
        this.catalogueImports = new CatalogueImports(new CatalogueFileSources(), catalogue, agencies, clerk);
        this.pageCapture = ocrWorkers == 0 ? null
                : new TesseractPageCapture(new OcrWorkerPool(configuration.ocrSettings().withWorkers(ocrWorkers)));
        this.signatures = SigningServices.from(configuration.settings(), clock);
        this.signingDesk = signatures.configuredKey().map(key -> new SigningDesk(signatures.signing(), key))
                .orElse(null);
        this.syncRecords = new SqliteSyncRecords(database);
        // from hub.url (none: sync off; none when only reading); its sync_* tables go into the migrated file. The
        // counter's name at the hub, for which `motcua-hub enrol` made the code, is the agency code and slot.
        HubLink hub = forReading ? null : HubLinks.from(configuration.settings(), database.file(),
                profile.agencyCode().value() + "-" + slot.number(), link -> enrolledAtStart()).orElse(null);
        this.hubChangeLog = new SqliteHubChangeLog(database);
        Offers offers = new Offers(new DossierManifests(dossiers, captureStore, contents, hubChangeLog), syncRecords,
                clock);
        this.sending = hub == null ? null : new SendDossierStage(offers, syncRecords, hub, clock);
        // result documents the department attached on the hub come down into the content store (decision 0803)
        this.fetchingResults = hub == null ? null : new FetchResultStage(new SqliteHubResultFiles(database), stages,
                hub, contents, dossiers, clock);
        this.pipeline = new StageRunner(stages, database, handlers(clock), clock, RetryPolicy.DEFAULT);
        this.syncing = new Syncing(pipeline, stages, syncRecords, sending,
                hub == null ? null : new UsbTransfer(offers, hub, stages, syncRecords, database, audit, clock), clerk);
        // the department's work on the hub comes back through its changes feed (decision 0803): after each dossier
        // the hub accepted, on "sync now", and every sync.pull_seconds
        this.hubChanges = hub == null ? null : new HubChanges(hub, dossiers, hubChangeLog, database, clock);
        this.pulling = hub == null ? null : new ChangesPulling(hubChanges, configuration.pullInterval(), pipeline::wake);
        PullHistory pulls = new PullHistory();
        this.syncLog = new SyncLog(stages, auditLog, hubChangeLog, pulls, clerk);
        if (hubChanges != null) {
            hubChanges.audit(audit);
            hubChanges.results(fetchingResults);
            fetchingResults.audit(audit);
            syncing.changes(hubChanges);
            syncing.pulls(pulls);
            pulling.history(pulls);
            sending.afterDelivered(pulling::soon);
        }
        if (sending != null) {   // every reception and later change is queued for the hub with it
            reception.sendToHub(true);
            lifecycle.outbox(new Outbox(database, stages, clock));
        } else {
            lifecycle.outbox(Outbox.savingOnly(database));
        }
        if (signingDesk != null) {
            signingDesk.attach(pipeline);
        }
        this.copies = new ElectronicCopies(captureStore, stages);
        this.documents = new Documents(contents, clerk);
        reception.afterReceive(pipeline::wake);
        reception.audit(audit);
        lifecycle.audit(audit);
        reports.audit(audit);
        if (sending != null) {
            sending.audit(audit);
        }
        this.retention = new Retention(new SqliteRetention(database), new SqliteContentReferences(database), contents,
                database, audit, clock, Clock.systemUTC(), retentionDays);
    }

    /**
     * A log from before the keyed chain: checked the old way, chained again with the key and the keyring marked, once
     * (decision 1302). A failure leaves both as they were for the next start to try again.
     */
    private void keyAuditChain(Keyring.Unlocked unlocked) {
        try {
            audit.keyChain();
            Keyring.markAuditKeyed(dataDirectory, unlocked.key());
        } catch (RuntimeException e) {
            LOG.warn("audit log not chained with the key yet; the next start tries again", e);
        }
    }

    private Database openAuditDatabase() {
        try {
            return Database.openWithoutMigration(dataDirectory.resolve(DATABASE_FILE));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The capture stages, when background OCR is on ({@code ocr.workers} &gt; 0); with it off, pages stay waiting and
     * their copies wait for them.
     */
    private List<StageHandler> handlers(Clock clock) {
        List<StageHandler> handlers = new ArrayList<>();
        if (pageCapture != null) {
            handlers.add(new PageTextStage(captureStore, contents, pageCapture, clock));
            handlers.add(new ElectronicCopyStage(captureStore, contents, pageCapture, profile.agencyName(), clock));
        }
        if (signingDesk != null) {   // with no key configured, copies stay unsigned and their items wait
            handlers.add(new SignCopyStage(captureStore, contents, signatures.signing(), signingDesk,
                    signatures.policy()));
        }
        if (sending != null) {
            handlers.add(sending);
            handlers.add(fetchingResults);
        }
        return handlers;
    }

    private void enrolledAtStart() {
        if (pipeline != null) {
            pipeline.unblock(SendDossierStage.WAITING_FOR);
        }
        if (pulling != null) {
            pulling.soon();
        }
    }

    /**
     * Opens the counter and begins its start-up work (see {@link StartupWork}); it sends to the hub of {@code hub.url},
     * or nowhere without it (docs/decisions/0802-sync-in-the-counter.md).
     */
    public static CounterWiring open(Settings settings, Clock clock) {
        CounterWiring wiring = new CounterWiring(new CounterConfiguration(settings), clock, false);
        try {
            wiring.startup = StartupWork.begin(wiring);
        } catch (RuntimeException e) {
            wiring.close();
            throw e;
        }
        return wiring;
    }

    /**
     * Opens the counter for commands that only read ({@code report}, {@code dossier show}): no instance lock, no
     * migration, no start-up work, no OCR workers, so they run beside the window. A data folder without a database yet
     * is opened as {@link #open} does (it creates the database, under the lock).
     */
    public static CounterWiring openForReading(Settings settings, Clock clock) {
        CounterConfiguration configuration = new CounterConfiguration(settings);
        if (!Files.isRegularFile(configuration.dataDirectory().resolve(DATABASE_FILE))
                || !DataProtection.hasKeyring(configuration.dataDirectory())) {   // to make it, or seal a plain folder
            return open(settings, clock);
        }
        return new CounterWiring(configuration, clock, true);
    }

    private static void createDataDirectory(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new CounterException("store.folder_not_a_folder", directory);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CounterException("store.folder_unwritable", e, directory);
        }
    }

    // ---- the services (CounterServices)

    @Override
    public CounterProfile profile() {
        return profile;
    }

    @Override
    public ScanSettings scanProfile() {
        return configuration.scanProfile();
    }

    @Override
    public ReceptionService reception() {
        return reception;
    }

    @Override
    public ScanService scanning() {
        return scanning;
    }

    @Override
    public CardReader cardReader() {
        return cardReader;
    }

    @Override
    public ReturningApplicants returningApplicants() {
        return returning;
    }

    @Override
    public LifecycleService lifecycle() {
        return lifecycle;
    }

    @Override
    public DossierLists lists() {
        return lists;
    }

    @Override
    public CounterReports reports() {
        return reports;
    }

    @Override
    public Catalogue catalogue() {
        return catalogue;
    }

    @Override
    public CatalogueImports catalogueImports() {
        return catalogueImports;
    }

    @Override
    public StageRunner pipeline() {
        return pipeline;
    }

    @Override
    public ElectronicCopies copies() {
        return copies;
    }

    @Override
    public Optional<SigningDesk> signingDesk() {
        return Optional.ofNullable(signingDesk);
    }

    @Override
    public CopyDocuments signedCopies() {
        return new CopyDocuments(copies, dossiers, documents(), signatures.verification(), audit);
    }

    @Override
    public Documents documents() {
        return documents;
    }

    @Override
    public Syncing syncing() {
        return syncing;
    }

    @Override
    public SyncLog syncLog() {
        return syncLog;
    }

    /** The hub's changes applied here (null when no hub is linked). */
    public HubChanges hubChanges() {
        return hubChanges;
    }

    /** V16's record of the hub's changes taken. */
    public SqliteHubChangeLog hubChangeLog() {
        return hubChangeLog;
    }

    @Override
    public Audit audit() {
        return audit;
    }

    @Override
    public Retention retention() {
        return retention;
    }

    @Override
    public AccountService accounts() {
        return accounts;
    }

    @Override
    public Optional<String> newRecoveryKey() {
        return Optional.ofNullable(newRecoveryKey);
    }

    @Override
    public UserPreferences preferences() {
        return new SettingsPreferences(configuration.settings());
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Path reportsFolder() {
        return dataDirectory.resolve("reports");
    }

    // ---- the adapters, for start-up work, doctor and tests

    public CounterConfiguration configuration() {
        return configuration;
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

    public SqliteCaptureStore captureStore() {
        return captureStore;
    }

    public SqliteSyncRecords syncRecords() {
        return syncRecords;
    }

    /** The sending stage, when a hub is linked. */
    public Optional<SendDossierStage> sending() {
        return Optional.ofNullable(sending);
    }

    public SqliteStageQueue stages() {
        return stages;
    }

    public SqliteDossierQueries dossierQueries() {
        return queries;
    }

    public Agencies agencies() {
        return agencies;
    }

    public ScannerBridge scannerBridge() {
        return scannerBridge;
    }

    /** The start-up clean-up of unreferenced content files (see {@code ContentCleanup}). */
    public CompletableFuture<ContentStore.Removed> contentCleanup() {
        return startup.contentCleanup();
    }

    /** The start-up work under way (the sample catalogue is loaded before this returns; clean-up goes on). */
    public StartupWork startup() {
        return startup;
    }

    /** Whether background OCR is on, i.e. the capture stages run here. */
    public Optional<PageCapture> pageCapture() {
        return Optional.ofNullable(pageCapture);
    }

    private void closeLock() {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("releasing the instance lock", e);
        }
    }

    @Override
    public void close() {
        if (startup != null) {
            startup.stop();
        }
        if (pulling != null) {
            pulling.close();   // a pull under way is stopped; its changes are applied or come again next time
        }
        pipeline.close(); // cancels running items (they stay WAITING) and waits, before the database closes
        if (pageCapture != null) {
            pageCapture.close();
        }
        scanners.close();
        database.close();
        if (auditDatabase != null) {
            auditDatabase.close();
        }
        closeLock();
    }
}
