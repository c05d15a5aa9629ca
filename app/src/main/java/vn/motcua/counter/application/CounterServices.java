package vn.motcua.counter.application;

import java.nio.file.Path;
import java.time.Clock;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.capture.ElectronicCopies;
import vn.motcua.counter.application.port.Catalogue;
import vn.motcua.counter.application.retention.Retention;
import vn.motcua.counter.application.stage.StageRunner;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.counter.application.sync.Syncing;

/**
 * The services of an open counter (its data folder locked for this process), as the window and the command line
 * both use them: two faces of the same application. Built once by the composition root; closing it stops the
 * pipeline and closes the store.
 */
public interface CounterServices extends AutoCloseable {

    CounterProfile profile();

    /** The counter's scan profile from the settings; the clerk may change it per dossier. */
    ScanSettings scanProfile();

    ReceptionService reception();

    ScanService scanning();

    CardReader cardReader();

    ReturningApplicants returningApplicants();

    LifecycleService lifecycle();

    DossierLists lists();

    CounterReports reports();

    Catalogue catalogue();

    CatalogueImports catalogueImports();

    /** The dossier pipeline after the receipt: clean-up and OCR, electronic copies, and the stages after them. */
    StageRunner pipeline();

    ElectronicCopies copies();

    Documents documents();

    /** The key the clerk unlocks to sign the waiting copies; empty when no signing key is configured. */
    java.util.Optional<vn.motcua.counter.application.signing.SigningDesk> signingDesk();

    /** The dossier's electronic copies with the verdict on their signatures, for the document viewer. */
    vn.motcua.counter.application.signing.CopyDocuments signedCopies();

    /** Sending to the provincial hub: per-dossier state, the counter's overview, "sync now". */
    Syncing syncing();

    /** What sync did, newest first (the sync log screen, {@code motcua sync log}). */
    vn.motcua.counter.application.sync.SyncLog syncLog();

    /** The audit log of personal data: listing and verifying it (the services record into it themselves). */
    Audit audit();

    /** Removal of synced, returned dossiers after {@code retention.days} (decision 1303). */
    Retention retention();

    UserPreferences preferences();

    /** Accounts, signing in, and who is signed in ({@code accounts().session()}), which every service checks. */
    vn.motcua.counter.application.access.AccountService accounts();

    /**
     * The recovery key made when this start set up the data folder's protection (decision 1201): to be shown once,
     * printed and kept away from the PC; empty on every later start.
     */
    default java.util.Optional<String> newRecoveryKey() {
        return java.util.Optional.empty();
    }

    /** The counter's clock, in Vietnam's time. */
    Clock clock();

    /** Where report and tracking-book files are written. */
    Path reportsFolder();

    @Override
    void close();
}
