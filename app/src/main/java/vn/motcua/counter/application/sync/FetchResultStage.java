package vn.motcua.counter.application.sync;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.port.DossierStore;
import vn.motcua.counter.application.port.HubLink;
import vn.motcua.counter.application.port.HubResultFiles;
import vn.motcua.counter.application.port.ResultPage;
import vn.motcua.counter.application.port.StageQueue;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageFailure;
import vn.motcua.counter.application.stage.StageHandler;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.sync.wire.FileRef;

/**
 * {@link Stage#FETCH_RESULT}: the result documents the department attached on the hub come into the counter's content
 * store and onto the dossier (decision 0803). Applying a RESULT change records the files it names and enqueues one
 * item per file in the change's own transaction ({@link #expect}); the download runs here, outside any transaction,
 * into memory, and the content store writes it encrypted, so no plain copy is ever on disk (decision 1201). The file
 * is attached as one result document of the dossier (source {@link Page.PageSource#HUB}, by the officer, at the time
 * the department attached it) in the transaction that marks the item done; a file the dossier already holds as a
 * result (the same SHA-256) is not attached again. Failures as for sending: the link down or the hub busy TRANSIENT,
 * the hub not holding the file for this counter PERMANENT (failed, with its reason and a retry), not enrolled or
 * revoked BLOCKED until the link is set right ({@link SendDossierStage#WAITING_FOR}).
 */
public final class FetchResultStage implements StageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FetchResultStage.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** The hub's 404 for a file it does not hold for this counter (PROTOCOL.md, "Files"). */
    private static final String NOT_ON_HUB = "sync.error.not_found";

    private final HubResultFiles files;
    private final StageQueue stages;
    private final HubLink hub;
    private final ContentStore contents;
    private final DossierStore dossiers;
    private final Clock clock;
    private volatile Audit audit = Audit.OFF;

    public FetchResultStage(HubResultFiles files, StageQueue stages, HubLink hub, ContentStore contents,
                            DossierStore dossiers, Clock clock) {
        this.files = files;
        this.stages = stages;
        this.hub = hub;
        this.contents = contents;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    /** Each result attached from the hub is recorded in {@code value} (decision 1302). */
    public void audit(Audit value) {
        this.audit = value;
    }

    @Override
    public Stage stage() {
        return Stage.FETCH_RESULT;
    }

    @Override
    public int concurrency() {
        return 1;   // one link, shared with sending
    }

    /**
     * Records the files a RESULT change names for the dossier and enqueues their downloads; joins the transaction that
     * applies the change. A file without a proper SHA-256 or size could never be checked, so it is logged and left
     * out. Returns how many files are new to the dossier.
     */
    public int expect(DossierCode code, long seq, List<FileRef> named, LocalDateTime at, String by) {
        List<FileRef> usable = named.stream()
                .filter(f -> f.sha256() != null && SHA256.matcher(f.sha256()).matches() && f.size() >= 0).toList();
        if (usable.size() < named.size()) {
            LOG.warn("hub change {} names {} result file(s) without a SHA-256 or size; left out",
                    seq, named.size() - usable.size());
        }
        int added = files.expect(code, seq, usable.stream().map(f -> new FileRef(f.sha256(), f.size(),
                f.name() == null || f.name().isBlank() ? "ket-qua" : f.name().strip(), f.kind())).toList(), at, by);
        if (added > 0) {
            stages.enqueueDossier(Stage.FETCH_RESULT, code, clock.instant());
        }
        return added;
    }

    @Override
    public Result run(WorkItem item, BooleanSupplier cancelled) {
        HubResultFiles.ResultFile file = files.file(item.subjectId())
                .orElseThrow(() -> StageFailure.permanent("sync.result.unknown", null));
        DossierCode code = file.dossier();
        if (attached(code, file.sha256())) {
            return Result.done(() -> { });
        }
        byte[] content;
        try {
            if (!hub.ensureEnrolled()) {
                throw StageFailure.blocked(SendDossierStage.WAITING_FOR, "sync.error.not_enrolled");
            }
            content = hub.download(file.ref());
        } catch (HubLink.HubFailure failure) {
            if (NOT_ON_HUB.equals(failure.code())) {
                throw StageFailure.permanent("sync.result.not_on_hub", failure, file.name());
            }
            throw SendDossierStage.stageFailure(failure);
        }
        if (cancelled.getAsBoolean()) {
            return Result.cancelled();
        }
        // stored before the item is done: a crash now leaves an unreferenced (encrypted) file the clean-up removes
        String id = contents.put(content);
        Page page = new Page(id, mediaType(content), content.length, Page.PageSource.HUB);
        return Result.done(() -> {
            if (!attached(code, id)) {
                dossiers.attachResult(code, List.of(new ResultPage(file.name(), page, file.at(), file.by())));
                audit.record(AuditAction.CHANGE, code.value(), "RESULT_FROM_HUB seq=" + file.seq()
                        + " bytes=" + content.length);
            }
        });
    }

    private boolean attached(DossierCode code, String contentId) {
        return dossiers.progress(code).map(p -> p.results().stream()
                .anyMatch(r -> r.page().contentId().equals(contentId))).orElse(false);
    }

    /** What the bytes are, by their first bytes (the department's file name may say anything). */
    static String mediaType(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "image/png";
        }
        if (startsWith(content, new byte[] {'I', 'I', 42, 0}) || startsWith(content, new byte[] {'M', 'M', 0, 42})) {
            return "image/tiff";
        }
        return "application/octet-stream";   // a document the clerk can still hand over as it came
    }

    private static boolean startsWith(byte[] content, byte[] head) {
        return content.length >= head.length && Arrays.equals(content, 0, head.length, head, 0, head.length);
    }
}
