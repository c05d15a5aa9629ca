package vn.motcua.counter.domain;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A dossier (hồ sơ) received at the counter: who brought it, for which procedure, the papers captured, and when
 * the result is due. The procedure's name and time limit are copied in, so the dossier keeps what applied on the
 * day it was received.
 */
public record Dossier(DossierCode code, Applicant applicant, String procedureCode, String procedureName,
                      ProcessingTime processingTime, List<Document> documents, Status status,
                      LocalDateTime receivedAt, LocalDateTime appointmentAt, String receivedBy) {

    public Dossier {
        documents = List.copyOf(documents);
    }

    /** The papers actually handed in (with pages), in the procedure's order: what the receipt lists. */
    public List<Document> handedIn() {
        return documents.stream().filter(Document::isCaptured).toList();
    }

    public int pageCount() {
        return documents.stream().mapToInt(d -> d.pages().size()).sum();
    }
}
