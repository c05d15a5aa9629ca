package vn.motcua.counter.application.port;

import java.time.LocalDateTime;

/** One row of the control slip (form 06): the dossier or its result passed from {@code giver} to {@code receiver}. */
public record Handover(LocalDateTime at, String giver, String receiver, String note) {
}
