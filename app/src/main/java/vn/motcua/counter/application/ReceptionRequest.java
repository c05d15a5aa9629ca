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
 */
public record ReceptionRequest(Applicant applicant, Procedure procedure, ProcessingTime processingTime,
                               List<Document> documents) {

    public ReceptionRequest {
        documents = List.copyOf(documents);
    }
}
