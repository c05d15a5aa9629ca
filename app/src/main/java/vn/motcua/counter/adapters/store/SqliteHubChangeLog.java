package vn.motcua.counter.adapters.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.application.port.HubChangeLog;
import vn.motcua.counter.domain.lifecycle.HubOutcome;

/** V16's {@code hub_changes}. */
public final class SqliteHubChangeLog implements HubChangeLog {

    private final Database db;

    public SqliteHubChangeLog(Database db) {
        this.db = db;
    }

    @Override
    public boolean taken(long seq) {
        return db.read(c -> Rows.first(c, "SELECT 1 FROM hub_changes WHERE seq = ?", rs -> true, seq).isPresent());
    }

    @Override
    public void record(Entry e) {
        db.inTransaction(c -> Rows.update(c, """
                INSERT INTO hub_changes (seq, dossier_code, kind, status, at, by_name, reason, files, outcome,
                    local_status, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.seq(), e.dossierCode(), e.kind(), e.status(), e.at().toString(), e.by(),
                db.columns().seal(PersonalColumns.HUB_CHANGE_REASON, e.reason()), e.files(),
                e.outcome().name(), e.localStatus(), e.recordedAt().toString()));
    }

    @Override
    public Optional<Long> lastApplied(String dossierCode) {
        return db.read(c -> Rows.first(c, """
                SELECT max(seq) FROM hub_changes WHERE dossier_code = ? AND outcome IN ('APPLIED', 'ALREADY_THERE')""",
                rs -> {
                    long seq = rs.getLong(1);
                    return rs.wasNull() ? null : seq;
                }, dossierCode));
    }

    @Override
    public List<Entry> notApplied(int limit) {
        return entries("WHERE outcome IN ('REFUSED', 'UNKNOWN_DOSSIER')", limit);
    }

    @Override
    public List<Entry> recent(int limit) {
        return entries("", limit);
    }

    private List<Entry> entries(String where, int limit) {
        return db.read(c -> Rows.list(c, """
                SELECT seq, dossier_code, kind, status, at, by_name, reason, files, outcome, local_status, recorded_at
                FROM hub_changes""" + " " + where + " ORDER BY seq DESC LIMIT ?",
                rs -> {
                    int local = rs.getInt(10);
                    Integer localStatus = rs.wasNull() ? null : local;
                    return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            LocalDateTime.parse(rs.getString(5)), rs.getString(6),
                            db.columns().open(PersonalColumns.HUB_CHANGE_REASON, rs.getString(7)), rs.getInt(8),
                            HubOutcome.valueOf(rs.getString(9)), localStatus, Instant.parse(rs.getString(11)));
                }, limit));
    }
}
