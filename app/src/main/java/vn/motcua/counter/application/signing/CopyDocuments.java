package vn.motcua.counter.application.signing;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.counter.application.Documents;
import vn.motcua.counter.application.audit.Audit;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.capture.ElectronicCopies;
import vn.motcua.counter.application.port.DossierStore;
import vn.motcua.counter.application.port.ResultPage;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.ElectronicCopy;

/**
 * A dossier's electronic copies as the window shows them: each component's PDF with the verdict on its signatures,
 * checked offline (the revocation data a B-LT copy carries), so a counter without a network is not kept waiting; then
 * its result documents that are PDFs (such as those the department attached on the hub, often signed), checked the
 * same way, so the clerk can open what is handed over.
 */
public final class CopyDocuments {

    /**
     * One electronic copy (by its component), or a result document ({@code result}: position 0, its name), its PDF
     * and what its signatures are worth.
     */
    public record CopyDocument(int componentPosition, String componentName, byte[] pdf, Verdict verdict,
                               boolean result) {
    }

    private static final String PDF = "application/pdf";

    private final ElectronicCopies copies;
    private final DossierStore dossiers;
    private final Documents documents;
    private final CopyVerification verification;
    private final Audit audit;

    /** @param audit where opening the copies is recorded as a view (decision 1302) */
    public CopyDocuments(ElectronicCopies copies, DossierStore dossiers, Documents documents,
                         CopyVerification verification, Audit audit) {
        this.copies = copies;
        this.dossiers = dossiers;
        this.documents = documents;
        this.verification = verification;
        this.audit = audit;
    }

    /**
     * The copies written so far, by component position, then the results that are PDFs: recorded as a view of the
     * dossier's copies.
     */
    public List<CopyDocument> of(DossierCode code) {
        List<CopyDocument> shown = new ArrayList<>(copies.of(code).stream().map(ElectronicCopies.CopyWork::copy)
                .filter(copy -> copy.pdfContentId() != null).map(this::document).toList());
        int copiesShown = shown.size();
        dossiers.progress(code).ifPresent(p -> p.results().stream()
                .filter(r -> PDF.equals(r.page().mediaType())).map(this::result).forEach(shown::add));
        if (!shown.isEmpty()) {
            audit.record(AuditAction.VIEW, code.value(),
                    "copies=" + copiesShown + " results=" + (shown.size() - copiesShown));
        }
        return shown;
    }

    private CopyDocument document(ElectronicCopy copy) {
        byte[] pdf = documents.read(copy.pdfContentId());
        return new CopyDocument(copy.component().position(), copy.component().name(), pdf,
                verification.verify(pdf, List.of(), false), false);
    }

    private CopyDocument result(ResultPage result) {
        byte[] pdf = documents.read(result.page().contentId());
        return new CopyDocument(0, result.documentName(), pdf, verification.verify(pdf, List.of(), false), true);
    }
}
