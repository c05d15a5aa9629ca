package vn.motcua.counter.application.port;

import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Status;

/** Read-side questions about dossiers: lists, search, and the OCR text the capture work adds for search. */
public interface DossierQueries {

    /** How many rows a list or a search returns at most; a counter never needs to scroll past that. */
    int LIMIT = 500;

    /** The catalogue version the dossier was received under; empty for an unknown dossier. */
    OptionalInt procedureVersion(DossierCode code);

    /** Dossiers received in {@code [from, to)}, newest first. */
    List<DossierSummary> receivedBetween(LocalDateTime from, LocalDateTime to);

    /** Dossiers in one of {@code statuses} whose appointment lies in {@code [from, to)}, soonest first. */
    List<DossierSummary> dueBetween(Set<Status> statuses, LocalDateTime from, LocalDateTime to);

    /** Dossiers in {@code status}, oldest appointment first. */
    List<DossierSummary> withStatus(Status status);

    /**
     * Dossiers matching {@code query} by code (whole, a prefix, or {@code YYMMDD-NNNN}), applicant ID number,
     * applicant name (word prefixes, diacritics ignored) or the OCR'd text of their pages; newest first.
     */
    List<DossierSummary> search(String query);

    /**
     * Makes the OCR'd text of a stored page searchable (replacing what was indexed for it before). The capture work
     * calls this after OCR; {@code contentId} is the page's id in the content store.
     */
    void indexPageText(String contentId, String text);

    /** {@link #indexPageText} for many pages (a whole OCR batch) in one transaction. */
    void indexPageTexts(java.util.Map<String, String> textByContentId);
}
