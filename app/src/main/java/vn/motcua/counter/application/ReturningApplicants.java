package vn.motcua.counter.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.counter.application.port.DossierProgress;
import vn.motcua.counter.application.port.DossierQueries;
import vn.motcua.counter.application.port.DossierStore;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.application.port.ResultPage;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.identity.PersonalIdNumber;

/** Finds what an applicant brought and received before, so the counter reuses it instead of scanning it again. */
public final class ReturningApplicants {

    /** The counter shows the latest few; older papers are rarely still valid. */
    public static final int MAX_DOSSIERS = 5;

    private final DossierQueries queries;
    private final DossierStore dossiers;

    public ReturningApplicants(DossierQueries queries, DossierStore dossiers) {
        this.queries = queries;
        this.dossiers = dossiers;
    }

    /** The applicant's earlier dossiers that have pages, newest first. */
    public List<EarlierDossier> earlierDossiers(PersonalIdNumber id) {
        List<EarlierDossier> found = new ArrayList<>();
        // search() also matches the number inside OCR'd page text, so the applicant is checked on each hit
        for (DossierSummary summary : queries.search(id.value())) {
            if (found.size() == MAX_DOSSIERS) {
                break;
            }
            DossierCode code = DossierCode.parse(summary.code());
            dossiers.dossier(code).filter(d -> d.applicant().idNumber().equals(id))
                    .map(d -> reusable(d, dossiers.progress(code)))
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
        // result pages are stored one row each; a document is the run of pages sharing a name
        Map<String, List<Page>> results = new LinkedHashMap<>();
        for (ResultPage page : progress.map(DossierProgress::results).orElse(List.of())) {
            results.computeIfAbsent(page.documentName(), n -> new ArrayList<>()).add(page.page());
        }
        results.forEach((name, pages) -> documents.add(new EarlierDossier.Reusable(name, true, pages)));
        return new EarlierDossier(dossier.code(), dossier.procedureName(), dossier.receivedAt(), dossier.applicant(),
                documents);
    }
}
