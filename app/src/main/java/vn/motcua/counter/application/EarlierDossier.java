package vn.motcua.counter.application;

import java.time.LocalDateTime;
import java.util.List;
import vn.motcua.counter.domain.Applicant;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;

/**
 * A dossier the same applicant brought before, with what can be reused from it: the papers handed in and the
 * results issued (Decree 107/2021: a digitized paper serves later procedures without being scanned again).
 */
public record EarlierDossier(DossierCode code, String procedureName, LocalDateTime receivedAt, Applicant applicant,
                             List<Reusable> documents) {

    public EarlierDossier {
        documents = List.copyOf(documents);
    }

    /** One document of the earlier dossier; {@code result} when it was issued as the procedure's result. */
    public record Reusable(String name, boolean result, List<Page> pages) {

        public Reusable {
            pages = List.copyOf(pages);
        }
    }
}
