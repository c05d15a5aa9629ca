package vn.motcua.counter.application.signing;

import java.util.List;
import vn.motcua.counter.application.port.CaptureStore;
import vn.motcua.counter.application.port.ContentStore;
import vn.motcua.counter.domain.DossierCode;

/**
 * A dossier's electronic copies as the window shows them: each component's PDF with the verdict on its signatures,
 * checked offline (the revocation data a B-LT copy carries), so a counter without a network is not kept waiting.
 */
public final class CopyDocuments {

    /** One electronic copy, its PDF and what its signatures are worth. */
    public record CopyDocument(int componentPosition, String componentName, byte[] pdf, Verdict verdict) {
    }

    private final CaptureStore captures;
    private final ContentStore contents;
    private final CopyVerification verification;

    public CopyDocuments(CaptureStore captures, ContentStore contents, CopyVerification verification) {
        this.captures = captures;
        this.contents = contents;
        this.verification = verification;
    }

    public List<CopyDocument> of(DossierCode code) {
        return captures.copies(code).stream().map(copy -> {
            byte[] pdf = contents.read(copy.contentId());
            return new CopyDocument(copy.componentPosition(), copy.componentName(), pdf,
                    verification.verify(pdf, List.of(), false));
        }).toList();
    }
}
