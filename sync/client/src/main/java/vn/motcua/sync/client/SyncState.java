package vn.motcua.sync.client;

import java.security.KeyPair;
import java.util.Optional;

/**
 * What the client must remember across restarts: the credential (or the enrolment pending for it), the tus upload
 * in progress per file, and the changes-feed cursor. Each method is its own small durable write.
 */
public interface SyncState {

    Optional<CounterCredential> credential();

    /** Stores the credential and, in the same durable write, clears the pending enrolment. */
    void saveCredential(CounterCredential credential);

    /**
     * An enrolment asked for whose credential has not arrived yet: the counter name and the key pair sent. Kept
     * before the request leaves, so a retry after a lost answer (a cut, the counter closed) sends the same key and
     * the hub answers it as the first time (PROTOCOL.md, "Enrolment and credentials").
     */
    record PendingEnrolment(String counterName, KeyPair counterKey) {
        @Override
        public String toString() {
            return "PendingEnrolment[" + counterName + "]";
        }
    }

    Optional<PendingEnrolment> pendingEnrolment();

    void savePendingEnrolment(PendingEnrolment pending);

    /** An upload started for this file: its URL at the hub and the last offset the hub acknowledged. */
    record Upload(String sha256, String url, long offset) {
    }

    Optional<Upload> upload(String sha256);

    void saveUpload(Upload upload);

    void forgetUpload(String sha256);

    Optional<String> cursor();

    void saveCursor(String cursor);
}
