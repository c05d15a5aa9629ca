package vn.motcua.counter.application.port;

import java.time.LocalDateTime;
import java.util.List;
import vn.motcua.counter.domain.lifecycle.Rating;

/**
 * What happened to a dossier after reception. Null times have not happened yet.
 *
 * @param extendedAppointmentAt the later date promised in an apology (form 04), if any
 */
public record DossierProgress(LocalDateTime extendedAppointmentAt, LocalDateTime resolvedAt,
                             LocalDateTime returnedAt, Rating rating, List<Handover> handovers,
                             List<IssuedForm> forms, List<ResultPage> results) {

    public DossierProgress {
        handovers = List.copyOf(handovers);
        forms = List.copyOf(forms);
        results = List.copyOf(results);
    }
}
