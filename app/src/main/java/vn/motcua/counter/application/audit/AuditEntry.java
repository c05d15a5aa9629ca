package vn.motcua.counter.application.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One audit log entry as stored: its place in the chain ({@code seq}), who did what to which dossier, when and from
 * which counter, and the chain's hashes (see {@link AuditChain}). Time and action are kept as written, so an entry an
 * attacker filled with nonsense can still be read, hashed and reported.
 *
 * @param time        ISO 8601 instant, as stored
 * @param action      an {@link AuditAction} name, as stored
 * @param dossierCode null for what spans dossiers (a report, the tracking book)
 * @param detail      what identifies the act without personal data: a form kind and number, a revision, a count
 */
public record AuditEntry(long seq, String time, String actor, String counter, String action, String dossierCode,
                         String detail, String previousHash, String hash) {

    /** What a service asks to record; the store gives it its place and hashes. */
    public record Draft(Instant at, String actor, String counter, AuditAction action, String dossierCode,
                        String detail) {

        public AuditEntry chainedAfter(long seq, String previousHash, AuditChain chain) {
            AuditEntry unhashed = new AuditEntry(seq, at.toString(), actor, counter, action.name(), dossierCode,
                    detail, previousHash, null);
            return unhashed.withHash(chain.hash(unhashed, seq));
        }
    }

    /** This entry linked to {@code previous} and hashed again with {@code chain} (re-chaining with the key). */
    public AuditEntry rechained(String previous, AuditChain chain) {
        AuditEntry unhashed = new AuditEntry(seq, time, actor, counter, action, dossierCode, detail, previous, null);
        return unhashed.withHash(chain.hash(unhashed, seq));
    }

    AuditEntry withHash(String value) {
        return new AuditEntry(seq, time, actor, counter, action, dossierCode, detail, previousHash, value);
    }

    /** The time, or empty when what is stored is not a time. */
    public Optional<Instant> at() {
        try {
            return Optional.of(Instant.parse(time));
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The action, or empty when what is stored is none. */
    public Optional<AuditAction> knownAction() {
        try {
            return Optional.of(AuditAction.valueOf(action));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
