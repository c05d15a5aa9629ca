package vn.motcua.counter.application.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.domain.AgencyCode;
import vn.motcua.counter.domain.Dossier;
import vn.motcua.counter.domain.DossierCode;

/** Dossiers, their components and pages, and their append-only event history. */
public interface DossierStore {

    /** Reserves the next code of the agency's day. A reserved number is never handed out again, even if unused. */
    DossierCode reserveCode(AgencyCode agency, LocalDate receptionDate);

    /**
     * Saves a newly received dossier, its documents and pages, its receipt and the reception event in one
     * transaction: afterwards the dossier is there whole, or not at all.
     */
    void saveReceived(Dossier dossier, String receiptContentId);

    Optional<Dossier> dossier(DossierCode code);

    Optional<String> receiptContentId(DossierCode code);

    List<DossierSummary> receivedOn(LocalDate day);

    List<DossierEvent> history(DossierCode code);
}
