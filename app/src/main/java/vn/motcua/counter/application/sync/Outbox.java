package vn.motcua.counter.application.sync;

import java.time.Clock;
import vn.motcua.counter.application.port.StageQueue;
import vn.motcua.counter.application.port.Transactions;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.domain.DossierCode;

/**
 * The outbox: a change that must reach the hub is saved in the same transaction as the dossier's
 * {@link Stage#SEND_DOSSIER} item being enqueued or reopened ("needs update" once it was sent). With no hub
 * configured it only saves the change.
 */
public final class Outbox {

    /** No hub: changes are saved, nothing is queued for sending. */
    public static final Outbox NONE = new Outbox(null, null, null);

    private final Transactions transactions;
    private final StageQueue stages;
    private final Clock clock;

    /** No hub: each change is saved in one transaction (with what joins it, such as its audit entry), not queued. */
    public static Outbox savingOnly(Transactions transactions) {
        return new Outbox(transactions, null, null);
    }

    public Outbox(Transactions transactions, StageQueue stages, Clock clock) {
        this.transactions = transactions;
        this.stages = stages;
        this.clock = clock;
    }

    /** Runs {@code save} (the change) and queues the dossier for sending, all or nothing. */
    public void change(DossierCode code, Runnable save) {
        if (stages == null) {
            if (transactions == null) {
                save.run();
            } else {
                transactions.inOneTransaction(save);   // the change and its audit entry (decision 1302) together
            }
            return;
        }
        transactions.inOneTransaction(() -> {
            save.run();
            stages.reopenDossier(Stage.SEND_DOSSIER, code, clock.instant());
        });
    }
}
