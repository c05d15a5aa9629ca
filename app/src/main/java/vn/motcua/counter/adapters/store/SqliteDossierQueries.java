package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import vn.motcua.counter.application.port.DossierQueries;
import vn.motcua.counter.application.port.DossierSummary;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Status;

/**
 * Lists and search over the SQLite file (V3's FTS5 indexes and list indexes; since V13 they hold keyed tokens of the
 * folded names, ID numbers and page words, decision 1201).
 */
public final class SqliteDossierQueries implements DossierQueries {

    static final String SUMMARY =
            "SELECT code, applicant_name, procedure_name, status, received_at, appointment_at FROM dossiers ";

    /**
     * Page-text hits taken, newest first. FTS5 reads the index until it has this many, so a query of common words
     * costs in proportion (docs/benchmarks.md: 500 pages missed the 50 ms target over 2 million pages); a clerk
     * narrows a search that finds more by typing another word, and rare words (a certificate number) are found
     * whatever the limit.
     */
    static final int TEXT_PAGES = 100;

    private final Database db;
    private final Clock clock;

    public SqliteDossierQueries(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        db.inTransaction(c -> {
            DossierIndex.backfill(c, db.columns());
            return null;
        });
    }

    @Override
    public OptionalInt procedureVersion(DossierCode code) {
        return db.read(c -> Rows.first(c, "SELECT procedure_version FROM dossiers WHERE code = ?", rs -> {
            int version = rs.getInt(1);
            return rs.wasNull() ? null : version;
        }, code.value())).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public List<DossierSummary> receivedBetween(LocalDateTime from, LocalDateTime to) {
        return db.read(c -> summaries(c, db.columns(), SUMMARY + "WHERE received_at >= ? AND received_at < ? "
                + "ORDER BY received_at DESC, id DESC LIMIT " + LIMIT, from.toString(), to.toString()));
    }

    @Override
    public List<DossierSummary> dueBetween(Set<Status> statuses, LocalDateTime from, LocalDateTime to) {
        String in = statuses.stream().map(s -> String.valueOf(s.portalCode())).collect(Collectors.joining(","));
        return db.read(c -> summaries(c, db.columns(), SUMMARY + "WHERE status IN (" + in + ") AND appointment_at >= ? "
                + "AND appointment_at < ? ORDER BY appointment_at, id LIMIT " + LIMIT, from.toString(), to.toString()));
    }

    @Override
    public List<DossierSummary> withStatus(Status status) {
        return db.read(c -> summaries(c, db.columns(), SUMMARY + "WHERE status = ? ORDER BY appointment_at, id LIMIT " + LIMIT,
                status.portalCode()));
    }

    @Override
    public List<DossierSummary> search(String query) {
        SearchQuery q = SearchQuery.of(query, db.columns());
        if (q.isEmpty()) {
            return List.of();
        }
        // Each branch is an indexed lookup (code index, ID index, two FTS5 indexes) that stops at LIMIT rows, newest
        // first, so a common name ("nguyen") or word costs no more than a rare one; a LIKE '%…%' would scan them all.
        List<String> branches = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (q.codePrefix() != null) {
            branches.add("SELECT id FROM dossiers WHERE code >= ? AND code < ? ORDER BY code DESC");
            parameters.add(q.codePrefix());
            parameters.add(q.codePrefix() + "\uffff");
        }
        if (q.codeTail() != null) {
            branches.add("SELECT id FROM dossiers WHERE substr(code, -11) = ?");
            parameters.add(q.codeTail());
        }
        if (q.idNumber() != null) {
            branches.add("SELECT id FROM dossiers WHERE applicant_id_token = ? ORDER BY id DESC");
            parameters.add(q.idNumber());
        }
        if (q.names() != null) {
            branches.add("SELECT rowid FROM dossier_names WHERE dossier_names MATCH ? ORDER BY rowid DESC");
            parameters.add(q.names());
        }
        if (q.text() != null) {
            branches.add("""
                    SELECT c.dossier_id FROM (SELECT rowid FROM page_text WHERE page_text MATCH ?
                                              ORDER BY rowid DESC LIMIT %d) f
                    JOIN page_texts t ON t.id = f.rowid
                    JOIN pages p ON p.content_id = t.content_id
                    JOIN components c ON c.id = p.component_id""".formatted(TEXT_PAGES));
            parameters.add(q.text());
        }
        String union = branches.stream().map(b -> "SELECT * FROM (" + b + " LIMIT " + LIMIT + ")")
                .collect(Collectors.joining(" UNION "));
        String sql = SUMMARY + "WHERE id IN (" + union + ") "
                + "ORDER BY received_at DESC, id DESC LIMIT " + LIMIT;
        return db.read(c -> summaries(c, db.columns(), sql, parameters.toArray()));
    }

    @Override
    public void indexPageText(String contentId, String text) {
        indexPageTexts(Map.of(contentId, text));
    }

    @Override
    public void indexPageTexts(Map<String, String> textByContentId) {
        String now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        db.inTransaction(c -> {
            indexPageTexts(c, db.columns(), textByContentId, now);
            return null;
        });
    }

    /** The index update on its own, for callers that store the OCR result in the same transaction. */
    static void indexPageTexts(Connection c, PersonalColumns columns, Map<String, String> textByContentId, String now)
            throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO page_texts (content_id, indexed_at) VALUES (?, ?)
                ON CONFLICT (content_id) DO UPDATE SET indexed_at = excluded.indexed_at RETURNING id""");
             PreparedStatement delete = c.prepareStatement("DELETE FROM page_text WHERE rowid = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO page_text (rowid, text) VALUES (?, ?)")) {
            for (Map.Entry<String, String> page : textByContentId.entrySet()) {
                upsert.setString(1, page.getKey());
                upsert.setString(2, now);
                long rowid;
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    rowid = rs.getLong(1);
                }
                delete.setLong(1, rowid);   // a page OCR'd again replaces its old text
                delete.executeUpdate();
                insert.setLong(1, rowid);
                insert.setString(2, columns.textTokens(page.getValue()));   // keyed tokens, not the words
                insert.executeUpdate();
            }
        }
    }

    static List<DossierSummary> summaries(Connection c, PersonalColumns columns, String sql, Object... parameters)
            throws SQLException {
        return Rows.list(c, sql, rs -> new DossierSummary(rs.getString(1),
                columns.open("applicant_name", rs.getString(2)), rs.getString(3),
                Status.ofPortalCode(rs.getInt(4)), LocalDateTime.parse(rs.getString(5)),
                LocalDateTime.parse(rs.getString(6))), parameters);
    }
}
