package vn.motcua.counter.application.port;

import java.time.LocalDateTime;
import vn.motcua.counter.domain.Status;

/** One row of a dossier list. */
public record DossierSummary(String code, String applicantName, String procedureName, Status status,
                             LocalDateTime receivedAt, LocalDateTime appointmentAt) {
}
