package vn.motcua.counter.adapters.store;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.application.port.HubResultFiles;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.sync.wire.FileRef;

/** V18's {@code hub_result_files}; the department's file name sealed (decision 1201). */
public final class SqliteHubResultFiles implements HubResultFiles {

    private final Database db;

    public SqliteHubResultFiles(Database db) {
        this.db = db;
    }

    @Override
    public int expect(DossierCode code, long seq, List<FileRef> files, LocalDateTime at, String by) {
        return db.inTransaction(c -> {
            int added = 0;
            for (FileRef f : files) {
                added += Rows.update(c, """
                        INSERT INTO hub_result_files (dossier_id, seq, sha256, byte_size, name, at, by_name)
                        SELECT id, ?, ?, ?, ?, ?, ? FROM dossiers WHERE code = ?
                        ON CONFLICT (dossier_id, sha256) DO NOTHING""",
                        seq, f.sha256(), f.size(), db.columns().seal(PersonalColumns.HUB_RESULT_NAME, f.name()),
                        at.toString(), by, code.value());
            }
            return added;
        });
    }

    @Override
    public Optional<ResultFile> file(long id) {
        return db.read(c -> Rows.first(c, """
                SELECT f.id, d.code, f.seq, f.sha256, f.byte_size, f.name, f.at, f.by_name
                FROM hub_result_files f JOIN dossiers d ON d.id = f.dossier_id WHERE f.id = ?""",
                rs -> new ResultFile(rs.getLong(1), DossierCode.parse(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), rs.getLong(5),
                        db.columns().open(PersonalColumns.HUB_RESULT_NAME, rs.getString(6)),
                        LocalDateTime.parse(rs.getString(7)), rs.getString(8)), id));
    }
}
