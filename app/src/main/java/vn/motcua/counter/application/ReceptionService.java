package vn.motcua.counter.application;

import vn.motcua.counter.application.access.CurrentClerk;
import vn.motcua.counter.domain.access.Permission;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.port.DossierEvent;
import vn.motcua.counter.application.port.DossierStore;
import vn.motcua.counter.application.port.PageFiles;
import vn.motcua.counter.application.port.PageImages;
import vn.motcua.counter.application.port.ReceiptRenderer;
import vn.motcua.counter.application.port.StageQueue;
import vn.motcua.counter.application.port.Transactions;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.ProcessingTime;
import vn.motcua.counter.domain.Status;
import vn.motcua.counter.domain.identity.IdNumberProblem;
import vn.motcua.counter.domain.calendar.AppointmentCalendar;

/**
 * Receiving a dossier at the counter (tiếp nhận hồ sơ): pages are stored as they are captured; on reception the
 * dossier gets its code and appointment, the receipt is rendered, and all of it is saved at once.
 */
public final class ReceptionService {

    /** The history event of pages taken from an earlier dossier instead of being scanned again. */
    public static final String REUSE_EVENT = "PAGES_REUSED";
    /** The clerk received although the ID number disagrees with the stated birth year or sex, and said why. */
    public static final String IDENTITY_OVERRIDE_EVENT = "IDENTITY_MISMATCH_ACCEPTED";

    private static final Logger LOG = LoggerFactory.getLogger(ReceptionService.class);

    private final DossierStore dossiers;
    private final ContentStore contents;
    private final PageImages images;
    private final PageFiles files;
    private final ReceiptRenderer receipts;
    private final AppointmentCalendar calendar;
    private final Transactions transactions;
    private final StageQueue stages;
    private final Clock clock;
    private final CurrentClerk clerk;
    private volatile Runnable afterReceive = () -> { };
    private volatile boolean sending;
    private volatile Audit audit = Audit.OFF;

    /**
     * The stores, the pages' image checks and files, the receipt's renderer, the calendar, the clock, and who is
     * signed in (receiving needs {@link Permission#RECEIVE}).
     */
    public record Parts(DossierStore dossiers, ContentStore contents, PageImages images, PageFiles files,
                        ReceiptRenderer receipts, AppointmentCalendar calendar, Transactions transactions,
                        StageQueue stages, Clock clock, CurrentClerk clerk) {
    }

    public ReceptionService(Parts parts) {
        this.dossiers = parts.dossiers();
        this.contents = parts.contents();
        this.images = parts.images();
        this.files = parts.files();
        this.receipts = parts.receipts();
        this.calendar = parts.calendar();
        this.transactions = parts.transactions();
        this.stages = parts.stages();
        this.clock = parts.clock();
        this.clerk = java.util.Objects.requireNonNull(parts.clerk(), "who is signed in");
    }

    /** With a hub configured, each dossier is enqueued for {@link Stage#SEND_DOSSIER} with its reception. */
    public void sendToHub(boolean on) {
        this.sending = on;
    }

    /** Each reception is recorded in {@code value} with the dossier (decision 1302). */
    public void audit(Audit value) {
        this.audit = value;
    }

    /** Runs after each dossier is saved (the stage runner looks for the new work); never delays the receipt. */
    public void afterReceive(Runnable action) {
        this.afterReceive = action;
    }

    /**
     * Checks and stores one captured page at once, so that nothing scanned is lost if the reception never completes.
     */
    public Page storePage(byte[] content, Page.PageSource source) {
        clerk.require(Permission.RECEIVE);
        PageImages.ImageInfo info = images.inspect(content);
        String id = contents.put(content);
        return new Page(id, info.mediaType(), content.length, source);
    }

    /** A small picture of a stored page for the component checklist. */
    public byte[] thumbnail(Page page, int width) {
        return images.thumbnail(contents.read(page.contentId()), width);
    }

    /**
     * The page turned a quarter clockwise, stored as a new page: the content store stays content-addressed (a file
     * never changes under its name) and the rotation needs nothing new in the dossier's records.
     */
    public Page rotatedPage(Page page) {
        return storePage(images.rotateClockwise(contents.read(page.contentId())), page.source());
    }

    /** Reads a file the clerk chose or dropped (an image, a multi-page TIFF, a PDF) and stores its pages. */
    public List<Page> importPages(Path file) {
        return files.pages(file).stream().map(page -> storePage(page, Page.PageSource.IMPORTED)).toList();
    }

    /** Today at the counter (its clock is in Vietnam time), for checks against a date such as an MRZ's birth date. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The appointment a dossier received now would get, for the form to show before reception. */
    public LocalDateTime appointmentIfReceivedNow(ProcessingTime limit) {
        return calendar.appointment(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES), limit);
    }

    public Receipt receive(ReceptionRequest request, CounterProfile counter) {
        clerk.require(Permission.RECEIVE);
        if (request.documents().stream().noneMatch(Document::isCaptured)) {
            throw new CounterException("reception.no_pages");
        }
        List<IdNumberProblem> mismatches = request.applicant().idInconsistencies();
        boolean overridden = request.identityOverride() != null && !request.identityOverride().isBlank();
        if (!mismatches.isEmpty() && !overridden) {
            throw new CounterException("reception.identity_mismatch");
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        DossierCode code = dossiers.reserveCode(counter.agencyCode(), now.toLocalDate());
        Dossier dossier = new Dossier(code, request.applicant(), request.procedure().code(),
                request.procedure().name(), request.processingTime(), request.documents(), Status.RECEIVED, now,
                calendar.appointment(now, request.processingTime()), clerkName(counter));
        String receipt = contents.put(receipts.render(dossier, counter));
        List<DossierEvent> events = new ArrayList<>(reuseEvents(request, now, clerkName(counter)));
        if (!mismatches.isEmpty()) {
            events.add(new DossierEvent(now, clerkName(counter), IDENTITY_OVERRIDE_EVENT, "problems="
                    + mismatches.stream().map(Enum::name).collect(Collectors.joining(","))
                    + " reason=\"" + request.identityOverride().strip() + "\""));
        }
        // the dossier and its pipeline's first work are saved whole, or not at all
        transactions.inOneTransaction(() -> {
            dossiers.saveReceived(dossier, receipt, events);
            audit.record(AuditAction.RECEIVE, code.value(),
                    "procedure=" + dossier.procedureCode() + " pages=" + dossier.pageCount());
            for (Stage stage : Stage.values()) {
                if (stage == Stage.SEND_DOSSIER && !sending) {
                    continue;
                }
                stages.enqueueDossier(stage, code, clock.instant());
            }
        });
        LOG.info("dossier {} received: procedure {}, {} pages", code, dossier.procedureCode(), dossier.pageCount());
        try {
            afterReceive.run();
        } catch (RuntimeException e) {
            LOG.warn("after-receive action failed; pages stay pending for the next start", e);
        }
        return new Receipt(dossier, receipt);
    }

    /**
     * One PAGES_REUSED event per reuse whose pages are still in the dossier (the clerk may have removed them since),
     * naming the dossier they came from and their content ids.
     */
    private static List<DossierEvent> reuseEvents(ReceptionRequest request, LocalDateTime at, String clerk) {
        Set<String> kept = request.documents().stream().flatMap(d -> d.pages().stream())
                .map(Page::contentId).collect(Collectors.toSet());
        List<DossierEvent> events = new ArrayList<>();
        for (ReusedPages reuse : request.reused()) {
            List<String> ids = reuse.pages().stream().map(Page::contentId).filter(kept::contains).toList();
            if (!ids.isEmpty()) {
                events.add(new DossierEvent(at, clerk, REUSE_EVENT, "from=" + reuse.fromDossier()
                        + " document=\"" + reuse.documentName() + "\" into=\"" + reuse.intoComponent()
                        + "\" pages=" + String.join(",", ids)));
            }
        }
        return events;
    }

    /** Who is written as acting: the clerk signed in (decision 1301); {@code clerk.name} only before accounts exist. */
    private String clerkName(CounterProfile counter) {
        return clerk.nameOr(counter.clerkName());
    }
}
