package vn.motcua.counter.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.motcua.counter.application.audit.AuditChain;
import vn.motcua.counter.application.audit.AuditAction;
import vn.motcua.counter.application.audit.AuditEntry;

/**
 * The audit log's storage (V15 {@code audit_log}): entries are only ever appended, each chained to the one before
 * (see {@code AuditChain}), and the latest hash with the count is kept outside the table as well (the anchor).
 */
public interface AuditStore {

    /**
     * Appends {@code draft} after the last entry, in the caller's transaction when there is one (so a change and its
     * entry are saved together), else in one of its own.
     */
    AuditEntry append(AuditEntry.Draft draft);

    /** Which entries a supervisor looks for; null fields: any. {@code to} is exclusive. */
    record Filter(Instant from, Instant to, String actor, String dossierCode, AuditAction action) {
        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    /** The newest {@code limit} entries that match, newest first. */
    List<AuditEntry> find(Filter filter, int limit);

    /** Up to {@code limit} entries in stored order (by {@code seq}) after {@code seq}, for walking the chain. */
    List<AuditEntry> after(long seq, int limit);

    /** The last entry's place and hash as last written outside the table; empty when none was written yet. */
    record Anchor(long count, String hash) {
    }

    Optional<Anchor> anchor();

    /** The chain this store hashes new entries with (keyed in the counter, decision 1302). */
    AuditChain chain();

    /**
     * Chains a log written before the key (plain SHA-256, {@link AuditChain#UNKEYED}) again with {@link #chain()}: in
     * one write transaction, unless the last entry already hashes right under the key, {@code record} first looks at
     * the old chain (through this store's reads) and gives the entry that says what it found; every entry is then
     * linked and hashed again in place order (places, gaps and content unchanged) and that entry appended after them.
     * Returns false, changing nothing, when the log is empty or keyed already. The caller asks only once per data
     * folder (its keyring says whether the log was keyed), so a forged log is never re-chained.
     */
    boolean rechain(Supplier<AuditEntry.Draft> record);
}
