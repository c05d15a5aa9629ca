package vn.motcua.counter.application.port;

import java.time.LocalDateTime;

/** One entry of a dossier's history: who did what, when. The history is only ever appended to. */
public record DossierEvent(LocalDateTime at, String actor, String kind, String detail) {
}
