package vn.motcua.counter.adapters.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.audit.AuditChain;
import vn.motcua.counter.application.audit.AuditEntry;
import vn.motcua.counter.application.port.AuditStore;

/**
 * The audit log in V15's {@code audit_log} (append-only by its triggers), and its anchor: the last entry's place and
 * hash in a small file beside the database ({@code audit.anchor}), written after each commit, so cutting entries off
 * the end of the table is seen even though the rest of the chain is intact. A new entry is numbered after the larger
 * of the last stored place and the anchor's, so a cut tail stays a visible gap after further entries.
 */
public final class SqliteAuditLog implements AuditStore {

    public static final String ANCHOR_FILE = "audit.anchor";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteAuditLog.class);
    private static final String COLUMNS =
            "seq, recorded_at, actor, counter, action, dossier_code, detail, previous_hash, entry_hash";

    private final Database db;
    private final Path anchorFile;
    private final AuditChain chain;

    /** @param chain the counter's keyed chain (decision 1302) */
    public SqliteAuditLog(Database db, Path anchorFile, AuditChain chain) {
        this.db = db;
        this.anchorFile = anchorFile;
        this.chain = chain;
    }

    @Override
    public AuditChain chain() {
        return chain;
    }

    @Override
    public boolean rechain(Supplier<AuditEntry.Draft> record) {
        return db.inTransaction(c -> {
            boolean table = Rows.first(c, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'",
                    rs -> true).isPresent();
            Optional<AuditEntry> last = table ? lastEntry(c) : Optional.empty();
            if (last.isEmpty() || chain.intact(last.get())) {   // nothing yet, or keyed already
                return false;
            }
            AuditEntry.Draft marker = record.get();   // the old chain as it is, read inside this transaction
            // the append-only triggers stand aside for this one transaction and come back exactly as they were
            List<String[]> triggers = Rows.list(c,
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'",
                    rs -> new String[] {rs.getString(1), rs.getString(2)});
            for (String[] trigger : triggers) {
                Rows.update(c, "DROP TRIGGER \"" + trigger[0].replace("\"", "\"\"") + "\"");
            }
            String previous = AuditChain.GENESIS;
            long count = 0;
            for (List<AuditEntry> page = after(0, 1_000); !page.isEmpty(); page = after(page.getLast().seq(), 1_000)) {
                for (AuditEntry old : page) {
                    AuditEntry keyed = old.rechained(previous, chain);
                    Rows.update(c, "UPDATE audit_log SET previous_hash = ?, entry_hash = ? WHERE seq = ?",
                            keyed.previousHash(), keyed.hash(), keyed.seq());
                    previous = keyed.hash();
                    count++;
                }
            }
            for (String[] trigger : triggers) {
                Rows.update(c, trigger[1]);
            }
            append(marker);
            LOG.info("audit log of {} entries chained again with the key", count);
            return true;
        });
    }

    private static Optional<AuditEntry> lastEntry(java.sql.Connection c) throws SQLException {
        return Rows.first(c, "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT 1", SqliteAuditLog::entry);
    }

    @Override
    public AuditEntry append(AuditEntry.Draft draft) {
        return db.inTransaction(c -> {
            Optional<AuditEntry> last = lastEntry(c);
            long place = Math.max(last.map(AuditEntry::seq).orElse(0L), anchor().map(Anchor::count).filter(n -> n != Long.MAX_VALUE).orElse(0L)) + 1;
            AuditEntry entry = draft.chainedAfter(place, last.map(AuditEntry::hash).orElse(AuditChain.GENESIS), chain);
            Rows.update(c, "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    entry.seq(), entry.time(), entry.actor(), entry.counter(), entry.action(), entry.dossierCode(),
                    entry.detail(), entry.previousHash(), entry.hash());
            db.afterCommit(() -> writeAnchor(entry));
            return entry;
        });
    }

    @Override
    public List<AuditEntry> find(Filter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (filter.from() != null) {
            sql.append(" AND recorded_at >= ?");
            parameters.add(filter.from().toString());
        }
        if (filter.to() != null) {
            sql.append(" AND recorded_at < ?");
            parameters.add(filter.to().toString());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            sql.append(" AND actor = ?");
            parameters.add(filter.actor().strip());
        }
        if (filter.dossierCode() != null && !filter.dossierCode().isBlank()) {
            sql.append(" AND dossier_code = ?");
            parameters.add(filter.dossierCode().strip());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            parameters.add(filter.action().name());
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        parameters.add(limit);
        return db.read(c -> Rows.list(c, sql.toString(), SqliteAuditLog::entry, parameters.toArray()));
    }

    @Override
    public List<AuditEntry> after(long seq, int limit) {
        return db.read(c -> Rows.list(c, "SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
                SqliteAuditLog::entry, seq, limit));
    }

    @Override
    public Optional<Anchor> anchor() {
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(anchorFile, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Optional.of(new Anchor(Long.parseLong(values.getProperty("count", "").strip()),
                    values.getProperty("hash", "").strip()));
        } catch (NumberFormatException e) {
            return Optional.of(new Anchor(Long.MAX_VALUE, ""));   // a damaged anchor: nothing can match it
        }
    }

    /** Temp file then rename; a lost write leaves the anchor one entry behind, which verification accepts. */
    private void writeAnchor(AuditEntry entry) {
        try {
            Optional<Anchor> current = anchor();
            if (current.isPresent() && current.get().count() > entry.seq() && current.get().count() != Long.MAX_VALUE) {
                return;   // another process wrote a later entry meanwhile
            }
            Path temporary = Files.createTempFile(anchorFile.toAbsolutePath().getParent(), ".audit-anchor-", ".tmp");
            try {
                Files.writeString(temporary, "count=" + entry.seq() + "\nhash=" + entry.hash() + "\n");
                Files.move(temporary, anchorFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("audit anchor {} not written", anchorFile, e);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
