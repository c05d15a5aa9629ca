package vn.motcua.counter.application.signing;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.CaptureStore;
import vn.motcua.counter.application.port.CaptureStore.ComponentCopy;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.application.port.CopySigner.ValidationDataUnavailableException;
import vn.motcua.counter.application.port.SigningKey;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageFailure;
import vn.motcua.counter.application.stage.StageHandler;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.signing.CopyKind;
import vn.motcua.counter.domain.signing.SignatureLevel;

/**
 * {@link Stage#SIGN_COPY}: signs a component's electronic copy with the key the clerk unlocked
 * ({@link SigningDesk}); with none, the copy waits BLOCKED ("chờ ký"). Offline, the copy is signed at B-B and kept
 * (the signed copy replaces the unsigned one at once), then the item is retried with back-off until the copy is
 * raised to the counter's level; a later run finds the signature and only extends it, so nothing is signed twice.
 */
public final class SignCopyStage implements StageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SignCopyStage.class);

    private final CaptureStore store;
    private final ContentStore contents;
    private final CopySigning signing;
    private final SigningDesk desk;
    private final CopySigning.Policy policy;

    public SignCopyStage(CaptureStore store, ContentStore contents, CopySigning signing, SigningDesk desk,
                         CopySigning.Policy policy) {
        this.store = store;
        this.contents = contents;
        this.signing = signing;
        this.desk = desk;
        this.policy = policy;
    }

    @Override
    public Stage stage() {
        return Stage.SIGN_COPY;
    }

    @Override
    public int concurrency() {
        return 1;   // one token, one signature at a time
    }

    @Override
    public Result run(WorkItem item, BooleanSupplier cancelled) {
        Optional<ComponentCopy> component = store.componentsOf(DossierCode.parse(item.dossierCode())).stream()
                .filter(c -> c.componentId() == item.subjectId()).findFirst();
        Optional<CaptureStore.CopyRecord> copy = component.flatMap(ComponentCopy::copy)
                .filter(c -> c.contentId() != null);
        if (copy.isEmpty()) {
            return Result.done(() -> { });   // no copy was made (no pages): nothing to sign
        }
        byte[] pdf = contents.read(copy.get().contentId());
        Optional<SignatureLevel> level = signing.levelOf(pdf);
        if (level.isEmpty()) {
            if (cancelled.getAsBoolean()) {
                return Result.cancelled();
            }
            SigningKey key = desk.key().orElseThrow(() -> StageFailure.blocked(SigningDesk.WAITING_FOR,
                    "signing.waiting_for_key", desk.keyName()));
            CopySigning.Signed signed;
            try {
                signed = signing.sign(pdf, item.dossierCode() + "/" + component.get().position(),
                        CopyKind.CERTIFIED_FROM_ORIGINAL, key, policy);
            } catch (CounterException e) {
                if (!CopySigning.stopsTheBatch(e)) {
                    throw StageFailure.permanent(e.messageKey(), e, e.arguments());
                }
                desk.close(e.messageKey());   // the token is gone: the rest of the queue waits for it again
                throw StageFailure.blocked(SigningDesk.WAITING_FOR, e.messageKey(), e.arguments());
            }
            String id = contents.put(signed.pdf());   // complete or absent, then recorded
            if (signed.level().atLeast(policy.target())) {
                return Result.done(() -> record(component.get(), copy.get(), id, signed.pdf().length));
            }
            record(component.get(), copy.get(), id, signed.pdf().length);   // kept now; raised when online
            throw StageFailure.transientFailure("signing.to_extend", null, signed.level().label(),
                    policy.target().label());
        }
        if (level.get().atLeast(policy.target())) {
            return Result.done(() -> { });
        }
        try {
            byte[] extended = signing.extend(pdf, policy.target());
            String id = contents.put(extended);
            return Result.done(() -> record(component.get(), copy.get(), id, extended.length));
        } catch (ValidationDataUnavailableException offline) {
            throw StageFailure.transientFailure("signing.to_extend", offline, level.get().label(),
                    policy.target().label());
        }
    }

    /** The signed copy becomes the component's copy; the unsigned file is left to the clean-up. */
    private void record(ComponentCopy component, CaptureStore.CopyRecord unsigned, String signedId, long size) {
        store.saveCopy(component.componentId(), signedId, size, component.pageIds().size(),
                unsigned.pagesWithoutText(), unsigned.madeAt());
        LOG.info("electronic copy of component {} signed ({} bytes)", component.componentId(), size);
    }
}
