package vn.motcua.counter.bootstrap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.counter.adapters.protection.FieldCipher;
import vn.motcua.counter.adapters.protection.KeyProtection;
import vn.motcua.counter.adapters.protection.TpmProtection;
import vn.motcua.counter.adapters.store.Database;
import vn.motcua.counter.adapters.store.PersonalColumns;
import vn.motcua.counter.adapters.store.SqliteStageQueue;
import vn.motcua.counter.application.CounterDiagnostics;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.application.stage.WorkState;
import vn.motcua.counter.capture.ocr.OcrReadiness;
import vn.motcua.counter.i18n.Messages;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.motcua.counter.application.CounterException;

/**
 * The checks behind {@code motcua doctor}: where data lives, whether the database is sound, the key protection and
 * whether a TPM is present, free disk, and whether OCR and a scanner are available. It reads only; it never migrates
 * or repairs anything.
 */
public final class Diagnostics implements CounterDiagnostics {

    static final long MIN_FREE_BYTES = 500L * 1024 * 1024;
    static final long LOW_FREE_BYTES = 2L * 1024 * 1024 * 1024;
    private static final int SANED_PORT = 6566;
    private static final int ATTENTION_LISTED = 20;

    private final Settings settings;
    private FieldCipher columnCipher;
    private boolean keyringOpened;

    public Diagnostics(Settings settings) {
        this.settings = settings;
    }

    /** Opened once for the report and its bundle: with TPM protection each opening is an unseal. */
    private FieldCipher columnCipher() {
        if (!keyringOpened) {
            columnCipher = DataProtection.columnCipher(settings, settings.dataDirectory());
            keyringOpened = true;
        }
        return columnCipher;
    }

    @Override
    public Report run() {
        Path data = settings.dataDirectory();
        List<Check> checks = new ArrayList<>();
        checks.add(settingsCheck());
        checks.add(dataFolder(data));
        checks.add(database(data.resolve(CounterWiring.DATABASE_FILE)));
        checks.add(pipeline(data.resolve(CounterWiring.DATABASE_FILE),
                new PersonalColumns(columnCipher())));
        checks.add(accounts(data.resolve(CounterWiring.DATABASE_FILE)));
        checks.add(keyProtection(data));
        checks.add(freeDisk(data));
        checks.add(tesseract());
        checks.add(scanner());
        return new Report(List.copyOf(checks));
    }

    /**
     * The chosen key protection and whether a TPM answers (decision 1201): failed only when {@code tpm} is chosen and
     * none does. Reads only: the TPM is asked for a few random bytes; a key folder is not created.
     */
    private Check keyProtection(Path data) {
        KeyProtection chosen;
        try {
            chosen = DataProtection.of(settings, data);
        } catch (CounterException e) {
            return new Check("key protection", Outcome.FAILED, e.messageKey());
        }
        TpmProtection tpm = chosen instanceof TpmProtection chosenTpm ? chosenTpm : DataProtection.tpm(settings);
        Optional<String> noTpm = tpm.unavailable();
        String detail = chosen.kind() + "; " + noTpm.map(why -> "TPM: not usable (" + why + ")")
                .orElse("TPM 2.0: present on " + tpm.tcti());
        return new Check("key protection", chosen == tpm && noTpm.isPresent() ? Outcome.FAILED : Outcome.OK, detail);
    }

    /** The files read, and every unknown key or wrong value with its file and line. */
    private Check settingsCheck() {
        StringBuilder detail = new StringBuilder(settings.sources().isEmpty()
                ? "embedded defaults (no motcua.properties found)" : "read " + settings.sources());
        Messages english = Messages.of(Locale.ENGLISH);
        for (Settings.Problem problem : settings.problems()) {
            var notice = StartupNotices.settingsProblem(problem);
            detail.append(System.lineSeparator()).append("  ")
                    .append(english.text(notice.messageKey(), notice.arguments().toArray()));
        }
        return new Check("settings", settings.problems().isEmpty() ? Outcome.OK : Outcome.WARNING, detail.toString());
    }

    @Override
    public List<String> writeBundle(Report report, Path zip) throws IOException {
        return new SupportBundle(settings, columnCipher()).write(report, zip);
    }

    private static Check dataFolder(Path data) {
        if (Files.exists(data) && !Files.isDirectory(data)) {
            return new Check("data folder", Outcome.FAILED, data + " is a file, not a folder: move it away or set "
                    + "data.dir (MOTCUA_DATA_DIR) to a folder");
        }
        if (!Files.isDirectory(data)) {
            return new Check("data folder", Outcome.WARNING, data + " does not exist yet (created on first start)");
        }
        return Files.isWritable(data)
                ? new Check("data folder", Outcome.OK, data.toString())
                : new Check("data folder", Outcome.FAILED, data + " is not writable");
    }

    private static Check database(Path file) {
        if (Files.exists(file.getParent()) && !Files.isDirectory(file.getParent())) {
            return new Check("database", Outcome.FAILED, "no database: the data folder is not a folder");
        }
        if (!Files.exists(file)) {
            return new Check("database", Outcome.WARNING, file + " does not exist yet (created on first start)");
        }
        try {
            String result = Database.checkIntegrity(file);
            return "ok".equals(result)
                    ? new Check("database", Outcome.OK, file + ": integrity_check ok")
                    : new Check("database", Outcome.FAILED, file + ": integrity_check " + result);
        } catch (CounterException e) {
            return new Check("database", Outcome.FAILED, file + ": " + e.messageKey());
        }
    }

    /** Decision 1301: a data folder without accounts asks nobody on the command line; IT staff should know. */
    private static Check accounts(Path file) {
        try {
            return AccessSetup.accountsExist(file) ? new Check("accounts", Outcome.OK, "sign-in required")
                    : new Check("accounts", Outcome.WARNING, "no account yet: nothing asks for a sign-in until the "
                    + "first administrator is made (motcua account add --role it-admin, or access.admin.* provisioned)");
        } catch (CounterException e) {
            return new Check("accounts", Outcome.FAILED, file + ": " + e.messageKey());
        }
    }

    /**
     * The pipeline's backlog per stage, and every item that failed or waits for something outside, with its reason:
     * the same items the dossier screen shows with a retry. Their technical details are sealed (decision 1201): opened
     * with the data folder's key when it opens here, else left out.
     */
    private static Check pipeline(Path file, PersonalColumns columns) {
        if (!Files.exists(file)) {
            return new Check("pipeline", Outcome.OK, "no database yet");
        }
        try {
            Map<Stage, Map<WorkState, Integer>> counts = Database.readOnly(file, SqliteStageQueue::counts);
            List<WorkItem> attention = Database.readOnly(file, SqliteStageQueue.attentionQuery(ATTENTION_LISTED,
                    columns));
            StringBuilder detail = new StringBuilder();
            for (Stage stage : Stage.values()) {
                Map<WorkState, Integer> c = counts.getOrDefault(stage, Map.of());
                detail.append(detail.isEmpty() ? "" : "; ").append(stage).append(": ")
                        .append(c.getOrDefault(WorkState.WAITING, 0) + c.getOrDefault(WorkState.RUNNING, 0))
                        .append(" to do, ").append(c.getOrDefault(WorkState.FAILED, 0)).append(" failed, ")
                        .append(c.getOrDefault(WorkState.BLOCKED, 0)).append(" waiting for something outside");
            }
            Messages english = Messages.of(Locale.ENGLISH);
            for (WorkItem item : attention) {
                detail.append(System.lineSeparator()).append("  ").append(item.state()).append(' ')
                        .append(item.stage()).append(" #").append(item.id()).append(" of ").append(item.dossierCode())
                        .append(": ").append(item.error() == null ? "" : english.text(item.error().messageKey(),
                                item.error().arguments().toArray()))
                        .append(item.error() == null || item.error().detail() == null ? ""
                                : FieldCipher.isSealed(item.error().detail()) ? " (detail sealed: the data key did not open)"
                                : " (" + item.error().detail() + ")");
            }
            if (!attention.isEmpty()) {
                detail.append(System.lineSeparator())
                        .append("  retry: ./motcua run --retry-failed --until-idle, or on the dossier screen");
            }
            return new Check("pipeline", attention.isEmpty() ? Outcome.OK : Outcome.WARNING, detail.toString());
        } catch (CounterException e) {
            // e.g. a database from before V10: the application migrates it on its next start
            return new Check("pipeline", Outcome.WARNING, "cannot count: " + e.messageKey());
        }
    }

    private static Check freeDisk(Path data) {
        Path existing = data;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            long free = Files.getFileStore(existing == null ? Path.of(".") : existing).getUsableSpace();
            String detail = (free / (1024 * 1024)) + " MB free";
            if (free < MIN_FREE_BYTES) {
                return new Check("free disk", Outcome.FAILED, detail + " (scanning needs at least 500 MB)");
            }
            return new Check("free disk", free < LOW_FREE_BYTES ? Outcome.WARNING : Outcome.OK, detail);
        } catch (IOException e) {
            return new Check("free disk", Outcome.FAILED, "cannot read: " + e.getMessage());
        }
    }

    /** OCR needs the Tesseract engine and its Vietnamese model; a missing one is named with its install command. */
    private Check tesseract() {
        CounterConfiguration configuration = new CounterConfiguration(settings);
        var readiness = OcrReadiness.check(configuration.ocrSettings());
        return switch (readiness.state()) {
            case READY -> new Check("tesseract", Outcome.OK, readiness.detail() + ", Vietnamese model "
                    + readiness.model());
            case ENGINE_MISSING -> new Check("tesseract", Outcome.FAILED, "Tesseract library not found (OCR "
                    + "unavailable); install: " + StartupNotices.installCommand("tesseract-ocr tesseract-ocr-vie"));
            case MODEL_MISSING -> new Check("tesseract", Outcome.FAILED, "no " + readiness.model()
                    + "; install: " + StartupNotices.installCommand("tesseract-ocr-vie"));
        };
    }

    /** A real scanner is reachable when a SANE daemon answers locally; the simulated scanner is always there. */
    private static Check scanner() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", SANED_PORT), 500);
            return new Check("scanner", Outcome.OK, "SANE daemon on 127.0.0.1:" + SANED_PORT);
        } catch (IOException e) {
            return new Check("scanner", Outcome.WARNING, "no scanner service found; the simulated scanner is used");
        }
    }
}
