package vn.motcua.counter.application.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.port.HubLink;
import vn.motcua.counter.application.port.StageQueue;
import vn.motcua.counter.application.port.SyncRecords;
import vn.motcua.counter.application.port.Transactions;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.sync.wire.DossierManifest;

/**
 * Sync with no link for weeks (a remote commune on a dead 3G line): the dossiers waiting for the hub go onto a drive
 * as one package, signed by the counter and encrypted for the hub. The hub imports it under the same exactly-once
 * rules as the link and gives back a receipt file; carried back, it marks sent exactly the revisions the hub
 * accepted. Exporting marks nothing sent, so a package lost on the way costs nothing but a new export, and a dossier
 * changed after its export keeps waiting with only its new revision to send.
 */
public final class UsbTransfer {

    /** At most this many dossiers in one package (a drive's worth; the rest go in the next one). */
    static final int MAX_DOSSIERS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(UsbTransfer.class);

    /** The package written, and the dossiers in it (none: nothing was waiting, no file). */
    public record Exported(Path file, List<String> codes) {
    }

    /**
     * @param sent         dossiers now sent (the receipt's revision is the dossier as it stands)
     * @param changedSince accepted, but changed at the counter since: the new revision still waits
     * @param unknown      codes in the receipt that this counter has not offered (another counter's, or removed)
     */
    public record Confirmed(List<String> sent, List<String> changedSince, List<String> unknown) {
    }

    private final Offers offers;
    private final HubLink hub;
    private final StageQueue stages;
    private final SyncRecords records;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    /** {@code audit}: each dossier written to a drive is an export, each the hub confirmed a send (decision 1302). */
    public UsbTransfer(Offers offers, HubLink hub, StageQueue stages, SyncRecords records, Transactions transactions,
                       Audit audit, Clock clock) {
        this.offers = offers;
        this.hub = hub;
        this.stages = stages;
        this.records = records;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes every dossier waiting to be sent (or failed, or blocked) into one package in {@code folder}. */
    public Exported export(Path folder) {
        List<DossierManifest> manifests = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (WorkItem item : stages.unfinished(Stage.SEND_DOSSIER, MAX_DOSSIERS)) {
            Offers.Offer offer = offers.offer(DossierCode.parse(item.dossierCode()));
            if (!offer.alreadySent()) {
                manifests.add(offer.manifest());
                codes.add(item.dossierCode());
            }
        }
        if (manifests.isEmpty()) {
            return new Exported(null, List.of());
        }
        try {
            Path file = hub.exportPackage(manifests, offers.contents(), folder);
            for (DossierManifest m : manifests) {
                audit.record(AuditAction.EXPORT, m.code(), "usb-package revision=" + m.revision());
            }
            LOG.info("{} dossiers exported for the hub to {}", codes.size(), file);
            return new Exported(file, List.copyOf(codes));
        } catch (HubLink.HubFailure failure) {
            throw new CounterException(failure.code(), failure);
        }
    }

    /** Reads the hub's receipt file and marks sent what it accepted; importing the same receipt again changes nothing. */
    public Confirmed importReceipt(Path receiptFile) {
        List<HubLink.Accepted> accepted;
        try {
            accepted = hub.importReceipt(receiptFile);
        } catch (HubLink.HubFailure failure) {
            throw new CounterException(failure.code(), failure);
        }
        List<String> sent = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (HubLink.Accepted a : accepted) {
            DossierCode code;
            try {
                code = DossierCode.parse(a.code());
            } catch (IllegalArgumentException e) {
                unknown.add(a.code());
                continue;
            }
            var revisions = records.revisions(code);
            if (revisions.isEmpty() || revisions.get().revision() < a.revision()) {
                unknown.add(a.code());   // never offered by this counter as that revision
                continue;
            }
            boolean current = offers.isCurrent(code, a.revision());
            transactions.inOneTransaction(() -> {
                Integer before = records.revisions(code).map(SyncRecords.Revisions::sentRevision).orElse(null);
                if (before == null || before < a.revision()) {
                    records.accepted(code, a.revision(), a.acceptedAt().toInstant());
                    audit.record(AuditAction.SEND, a.code(), "revision=" + a.revision() + " via=usb-receipt");
                }
                if (current) {
                    stages.itemsOf(code).stream().filter(i -> i.stage() == Stage.SEND_DOSSIER)
                            .forEach(i -> stages.markDoneElsewhere(i.id(), clock.instant()));
                }
            });
            (current ? sent : changed).add(a.code());
        }
        LOG.info("hub receipt {}: {} sent, {} changed since, {} unknown", receiptFile.getFileName(), sent.size(),
                changed.size(), unknown.size());
        return new Confirmed(List.copyOf(sent), List.copyOf(changed), List.copyOf(unknown));
    }
}
