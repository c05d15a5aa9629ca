package vn.motcua.counter.application;

import vn.motcua.counter.application.access.CurrentClerk;
import vn.motcua.counter.domain.access.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.counter.application.port.DossierProgress;
import vn.motcua.counter.application.port.DossierStore;
import vn.motcua.counter.application.port.ResultPage;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.identity.ApplicantId;

/** Finds what an applicant brought and received before, so the counter reuses it instead of scanning it again. */
public final class ReturningApplicants {

    /** The counter shows the latest few; older papers are rarely still valid. */
    public static final int MAX_DOSSIERS = 5;

    private final DossierStore dossiers;
    private final CurrentClerk clerk;

    /** @param clerk who is signed in: looking an applicant up needs {@link Permission#RECEIVE} */
    public ReturningApplicants(DossierStore dossiers, CurrentClerk clerk) {
        this.dossiers = dossiers;
        this.clerk = java.util.Objects.requireNonNull(clerk, "who is signed in");
    }

    /** The applicant's earlier dossiers that have pages, newest first; any kind of number (ID, passport, tax code). */
    public List<EarlierDossier> earlierDossiers(ApplicantId id) {
        clerk.require(Permission.RECEIVE);
        List<EarlierDossier> found = new ArrayList<>();
        for (DossierCode code : dossiers.dossiersOf(id)) {
            if (found.size() == MAX_DOSSIERS) {
                break;
            }
            dossiers.dossier(code).map(d -> reusable(d, dossiers.progress(code)))
                    .filter(e -> !e.documents().isEmpty())
                    .ifPresent(found::add);
        }
        return found;
    }

    private static EarlierDossier reusable(Dossier dossier, Optional<DossierProgress> progress) {
        List<EarlierDossier.Reusable> documents = new ArrayList<>();
        for (Document document : dossier.documents()) {
            if (document.isCaptured()) {
                documents.add(new EarlierDossier.Reusable(document.component().name(), false, document.pages()));
            }
        }
        // result pages are stored one row each; a document is the run of pages sharing a name. A result file from the
        // hub that is not an image (a PDF) cannot become pages of a component: the capture stages read page images
        Map<String, List<Page>> results = new LinkedHashMap<>();
        for (ResultPage page : progress.map(DossierProgress::results).orElse(List.of())) {
            if (!page.page().mediaType().startsWith("image/")) {
                continue;
            }
            results.computeIfAbsent(page.documentName(), n -> new ArrayList<>()).add(page.page());
        }
        results.forEach((name, pages) -> documents.add(new EarlierDossier.Reusable(name, true, pages)));
        return new EarlierDossier(dossier.code(), dossier.procedureName(), dossier.receivedAt(), dossier.applicant(),
                documents);
    }
}
