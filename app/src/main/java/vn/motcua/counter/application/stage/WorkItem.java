package vn.motcua.counter.application.stage;

import java.time.Instant;

/**
 * One unit of stage work: a stage applied to one subject (a page, a component or a dossier, by row id).
 *
 * @param attempts    how often it was taken (a cancelled run does not count)
 * @param error       the last failure, or null
 * @param notBefore   the next attempt after a retryable failure, or null
 * @param waitingFor  what a BLOCKED item waits for (e.g. {@code signing-token}), or null
 */
public record WorkItem(long id, Stage stage, long subjectId, String dossierCode, WorkState state, int attempts,
                       StageError error, Instant notBefore, String waitingFor, Instant updatedAt) {
}
