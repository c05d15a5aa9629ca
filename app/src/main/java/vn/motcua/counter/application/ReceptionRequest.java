package vn.motcua.counter.application;

import java.util.List;
import vn.motcua.counter.domain.Applicant;
import vn.motcua.counter.domain.Document;
import vn.motcua.counter.domain.ProcessingTime;
import vn.motcua.counter.domain.Procedure;

/**
 * What the clerk has gathered at the counter, ready to be received.
 *
 * @param processingTime the limit that applies, the catalogue's unless the clerk set one where the catalogue has none
 * @param documents      one per component of the procedure, in the procedure's order; pages already stored
 * @param reused         pages taken over from the applicant's earlier dossiers, for the history
 * @param identityOverride why the clerk receives although the ID number disagrees with the stated birth year or
 *                         sex (null when they agree); required then, and kept in the history
 */
public record ReceptionRequest(Applicant applicant, Procedure procedure, ProcessingTime processingTime,
                               List<Document> documents, List<ReusedPages> reused, String identityOverride) {

    public ReceptionRequest {
        documents = List.copyOf(documents);
        reused = List.copyOf(reused);
    }

    public ReceptionRequest(Applicant applicant, Procedure procedure, ProcessingTime processingTime,
                            List<Document> documents) {
        this(applicant, procedure, processingTime, documents, List.of(), null);
    }

    public ReceptionRequest(Applicant applicant, Procedure procedure, ProcessingTime processingTime,
                            List<Document> documents, List<ReusedPages> reused) {
        this(applicant, procedure, processingTime, documents, reused, null);
    }
}
