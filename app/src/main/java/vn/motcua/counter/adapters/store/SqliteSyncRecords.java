package vn.motcua.counter.adapters.store;

import java.time.Instant;
import java.util.Optional;
import vn.motcua.counter.application.port.SyncRecords;
import vn.motcua.counter.domain.DossierCode;

/** V11's {@code sync_revisions}. */
public final class SqliteSyncRecords implements SyncRecords {

    private final Database db;

    public SqliteSyncRecords(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Revisions> revisions(DossierCode code) {
        return db.read(c -> Rows.first(c, """
                SELECT s.revision, s.content_hash, s.sent_revision, s.sent_at FROM sync_revisions s
                JOIN dossiers d ON d.id = s.dossier_id WHERE d.code = ?""", rs -> {
            int sent = rs.getInt(3);
            Integer sentRevision = rs.wasNull() ? null : sent;
            String at = rs.getString(4);
            return new Revisions(rs.getInt(1), rs.getString(2), sentRevision, at == null ? null : Instant.parse(at));
        }, code.value()));
    }

    @Override
    public void offered(DossierCode code, int revision, String contentHash, Instant at) {
        db.inTransaction(c -> Rows.update(c, """
                INSERT INTO sync_revisions (dossier_id, revision, content_hash, offered_at)
                SELECT id, ?, ?, ? FROM dossiers WHERE code = ?
                ON CONFLICT (dossier_id) DO UPDATE SET revision = excluded.revision,
                    content_hash = excluded.content_hash, offered_at = excluded.offered_at""",
                revision, contentHash, at.toString(), code.value()));
    }

    @Override
    public void accepted(DossierCode code, int revision, Instant at) {
        db.inTransaction(c -> Rows.update(c, """
                UPDATE sync_revisions SET sent_revision = max(coalesce(sent_revision, 0), ?), sent_at = ?
                WHERE dossier_id = (SELECT id FROM dossiers WHERE code = ?)""", revision, at.toString(),
                code.value()));
    }
}
