package vn.motcua.sync.client;

import java.util.Optional;

/**
 * What the client must remember across restarts: the credential, the tus upload in progress per file, and the
 * changes-feed cursor. Each method is its own small durable write.
 */
public interface SyncState {

    Optional<CounterCredential> credential();

    void saveCredential(CounterCredential credential);

    /** An upload started for this file: its URL at the hub and the last offset the hub acknowledged. */
    record Upload(String sha256, String url, long offset) {
    }

    Optional<Upload> upload(String sha256);

    void saveUpload(Upload upload);

    void forgetUpload(String sha256);

    Optional<String> cursor();

    void saveCursor(String cursor);
}
