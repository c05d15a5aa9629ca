package vn.motcua.counter.application.signing;

import java.util.List;
import vn.motcua.counter.application.Documents;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.capture.ElectronicCopies;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.ElectronicCopy;

/**
 * A dossier's electronic copies as the window shows them: each component's PDF with the verdict on its signatures,
 * checked offline (the revocation data a B-LT copy carries), so a counter without a network is not kept waiting.
 */
public final class CopyDocuments {

    /** One electronic copy, its PDF and what its signatures are worth. */
    public record CopyDocument(int componentPosition, String componentName, byte[] pdf, Verdict verdict) {
    }

    private final ElectronicCopies copies;
    private final Documents documents;
    private final CopyVerification verification;

    private final Audit audit;

    public CopyDocuments(ElectronicCopies copies, Documents documents, CopyVerification verification) {
        this(copies, documents, verification, Audit.OFF);
    }

    /** @param audit where opening the copies is recorded as a view (decision 1302) */
    public CopyDocuments(ElectronicCopies copies, Documents documents, CopyVerification verification,
                         Audit audit) {
        this.copies = copies;
        this.documents = documents;
        this.verification = verification;
        this.audit = audit;
    }

    /** The copies written so far, by component position: recorded as a view of the dossier's copies. */
    public List<CopyDocument> of(DossierCode code) {
        List<CopyDocument> shown = copies.of(code).stream().map(ElectronicCopies.CopyWork::copy)
                .filter(copy -> copy.pdfContentId() != null).map(this::document).toList();
        if (!shown.isEmpty()) {
            audit.record(AuditAction.VIEW, code.value(),
                    "copies=" + shown.size());
        }
        return shown;
    }

    private CopyDocument document(ElectronicCopy copy) {
        byte[] pdf = documents.read(copy.pdfContentId());
        return new CopyDocument(copy.component().position(), copy.component().name(), pdf,
                verification.verify(pdf, List.of(), false));
    }
}
