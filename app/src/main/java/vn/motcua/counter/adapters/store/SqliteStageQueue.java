package vn.motcua.counter.adapters.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.counter.application.port.StageQueue;
import vn.motcua.counter.application.stage.Stage;
import vn.motcua.counter.application.stage.StageError;
import vn.motcua.counter.application.stage.WorkItem;
import vn.motcua.counter.application.stage.WorkState;
import vn.motcua.counter.domain.DossierCode;

/**
 * V10's {@code stage_work} table. An error's arguments and technical detail are sealed (V19, decision 1201): an
 * exception's message can quote a file name or a citizen's data.
 */
public final class SqliteStageQueue implements StageQueue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPEN = "('WAITING', 'RUNNING', 'BLOCKED')";
    private static final String ITEM_COLUMNS = """
            w.id, w.stage, w.subject_id, d.code, w.state, w.attempts, w.error_key, w.error_args, w.error_detail,
            w.not_before, w.waiting_for, w.updated_at""";

    private final Database db;

    public SqliteStageQueue(Database db) {
        this.db = db;
    }

    @Override
    public int enqueueDossier(Stage stage, DossierCode code, Instant now) {
        String subjects = switch (stage.subject()) {
            case PAGE -> """
                    SELECT p.id, c.id, d.id FROM dossiers d JOIN components c ON c.dossier_id = d.id
                    JOIN pages p ON p.component_id = c.id WHERE d.code = ?""";
            case COMPONENT -> """
                    SELECT c.id, c.id, d.id FROM dossiers d JOIN components c ON c.dossier_id = d.id
                    WHERE d.code = ? AND EXISTS (SELECT 1 FROM pages p WHERE p.component_id = c.id)""";
            case DOSSIER -> "SELECT d.id, NULL, d.id FROM dossiers d WHERE d.code = ?";
            case RESULT_FILE -> """
                    SELECT f.id, NULL, d.id FROM dossiers d JOIN hub_result_files f ON f.dossier_id = d.id
                    WHERE d.code = ?""";
        };
        return db.inTransaction(c -> Rows.update(c, """
                INSERT INTO stage_work (stage, subject_id, component_id, dossier_id, state, created_at, updated_at)
                SELECT ?, s.*, 'WAITING', ?, ? FROM (%s) s WHERE true
                ON CONFLICT (stage, subject_id) DO NOTHING""".formatted(subjects),
                stage.name(), now.toString(), now.toString(), code.value()));
    }

    @Override
    public Optional<WorkItem> claim(Stage stage, Instant now, Stage waitFor) {
        String order = Optional.ofNullable(waitFor).map(earlier -> {
            String scope = scope(stage);
            return "AND NOT EXISTS (SELECT 1 FROM stage_work e WHERE e.%s = w.%s AND e.stage = '%s' AND e.state IN %s)"
                    .formatted(scope, scope, earlier.name(), OPEN);
        }).orElse("");
        return db.inTransaction(c -> {
            Optional<Long> id = Rows.first(c, """
                    SELECT w.id FROM stage_work w WHERE w.stage = ? AND w.state = 'WAITING'
                    AND (w.not_before IS NULL OR w.not_before <= ?) %s ORDER BY w.id LIMIT 1""".formatted(order),
                    rs -> rs.getLong(1), stage.name(), now.toEpochMilli());
            if (id.isEmpty()) {
                return Optional.empty();
            }
            Rows.update(c, """
                    UPDATE stage_work SET state = 'RUNNING', attempts = attempts + 1, not_before = NULL, updated_at = ?
                    WHERE id = ?""", now.toString(), id.get());
            return item(c, db.columns(), id.get());
        });
    }

    /** The column an item's order is checked in: its component for a page or a component, else its dossier. */
    private static String scope(Stage stage) {
        return switch (stage.subject()) {
            case PAGE, COMPONENT -> "component_id";
            case DOSSIER, RESULT_FILE -> "dossier_id";
        };
    }

    @Override
    public boolean reopenDossier(Stage stage, DossierCode code, Instant now) {
        return db.inTransaction(c -> {
            enqueueDossier(stage, code, now);
            Rows.update(c, """
                    UPDATE stage_work SET state = 'WAITING', attempts = 0, not_before = NULL, updated_at = ?
                    WHERE stage = ? AND state IN ('DONE', 'FAILED', 'RUNNING')
                      AND dossier_id = (SELECT id FROM dossiers WHERE code = ?)""",
                    now.toString(), stage.name(), code.value());
            return true;
        });
    }

    @Override
    public Optional<StageError> lastError(Stage stage) {
        return db.read(c -> Rows.first(c, """
                SELECT error_key, error_args, error_detail FROM stage_work
                WHERE stage = ? AND state = 'WAITING' AND not_before IS NOT NULL AND error_key IS NOT NULL
                ORDER BY updated_at DESC LIMIT 1""",
                rs -> error(db.columns(), rs, 1), stage.name()));
    }

    @Override
    public int dueNow(Stage stage, Instant now) {
        return db.inTransaction(c -> Rows.update(c, """
                UPDATE stage_work SET not_before = NULL, updated_at = ?
                WHERE stage = ? AND state = 'WAITING' AND not_before IS NOT NULL""", now.toString(), stage.name()));
    }

    @Override
    public boolean markDone(long itemId, Instant now) {
        return setIfRunning(itemId, now,
                "state = 'DONE', error_key = NULL, error_args = NULL, error_detail = NULL, waiting_for = NULL") == 1;
    }

    @Override
    public void putBack(long itemId, Instant now) {
        setIfRunning(itemId, now, "state = 'WAITING', attempts = max(attempts - 1, 0)");
    }

    @Override
    public void retryLater(long itemId, StageError error, Instant notBefore, Instant now) {
        db.inTransaction(c -> Rows.update(c, """
                UPDATE stage_work SET state = 'WAITING', not_before = ?, error_key = ?, error_args = ?, error_detail = ?,
                    updated_at = ? WHERE id = ? AND state = 'RUNNING'""", notBefore.toEpochMilli(), error.messageKey(),
                sealedArguments(error), sealedDetail(error), now.toString(), itemId));
    }

    @Override
    public void markFailed(long itemId, StageError error, Instant now) {
        db.inTransaction(c -> Rows.update(c, """
                UPDATE stage_work SET state = 'FAILED', not_before = NULL, error_key = ?, error_args = ?, error_detail = ?,
                    updated_at = ? WHERE id = ? AND state = 'RUNNING'""", error.messageKey(), sealedArguments(error),
                sealedDetail(error), now.toString(), itemId));
    }

    @Override
    public void markBlocked(long itemId, String waitingFor, StageError error, Instant now) {
        db.inTransaction(c -> Rows.update(c, """
                UPDATE stage_work SET state = 'BLOCKED', attempts = max(attempts - 1, 0), waiting_for = ?, error_key = ?,
                    error_args = ?, error_detail = ?, updated_at = ? WHERE id = ? AND state = 'RUNNING'""", waitingFor,
                error.messageKey(), sealedArguments(error), sealedDetail(error), now.toString(), itemId));
    }

    @Override
    public int unblock(String waitingFor, Instant now) {
        return db.inTransaction(c -> Rows.update(c, """
                UPDATE stage_work SET state = 'WAITING', waiting_for = NULL, updated_at = ?
                WHERE state = 'BLOCKED' AND waiting_for = ?""", now.toString(), waitingFor));
    }

    @Override
    public int recoverInterrupted(int maxAttempts, StageError crashed, Instant now) {
        return db.inTransaction(c -> {
            int failed = Rows.update(c, """
                    UPDATE stage_work SET state = 'FAILED', error_key = ?, error_args = ?, error_detail = ?, updated_at = ?
                    WHERE state = 'RUNNING' AND attempts >= ?""", crashed.messageKey(), sealedArguments(crashed),
                    sealedDetail(crashed), now.toString(), maxAttempts);
            return failed + Rows.update(c, "UPDATE stage_work SET state = 'WAITING', updated_at = ? WHERE state = 'RUNNING'",
                    now.toString());
        });
    }

    @Override
    public int retry(List<Long> itemIds, Instant now) {
        return db.inTransaction(c -> {
            int retried = 0;
            for (long itemId : itemIds) {
                Optional<WorkItem> item = item(c, db.columns(), itemId)
                        .filter(i -> i.state() == WorkState.FAILED || i.state() == WorkState.BLOCKED);
                if (item.isEmpty()) {
                    continue;
                }
                Rows.update(c, """
                        UPDATE stage_work SET state = 'WAITING', attempts = 0, not_before = NULL, waiting_for = NULL,
                            updated_at = ? WHERE id = ?""", now.toString(), itemId);
                reopenLaterStages(c, itemId, item.get().stage(), now);
                retried++;
            }
            return retried;
        });
    }

    @Override
    public int retryFailed(Stage stage, Instant now) {
        return db.inTransaction(c -> retry(Rows.list(c, "SELECT id FROM stage_work WHERE stage = ? AND state = 'FAILED'",
                rs -> rs.getLong(1), stage.name()), now));
    }

    /** The finished items of the stages after {@code stage}, in the retried item's scope, are to be done again. */
    private static void reopenLaterStages(Connection c, long itemId, Stage stage, Instant now) throws SQLException {
        for (Stage later : Stage.values()) {
            if (later.after().orElse(null) != stage) {
                continue;
            }
            String scope = scope(later);
            List<Long> reopened = Rows.list(c, """
                    UPDATE stage_work SET state = 'WAITING', attempts = 0, not_before = NULL, updated_at = ?
                    WHERE stage = ? AND state IN ('DONE', 'FAILED', 'RUNNING')
                      AND %s = (SELECT %s FROM stage_work WHERE id = ?) RETURNING id""".formatted(scope, scope),
                    rs -> rs.getLong(1), now.toString(), later.name(), itemId);
            for (long id : reopened) {
                reopenLaterStages(c, id, later, now);
            }
        }
    }

    @Override
    public Optional<Instant> nextDue(Stage stage) {
        return db.read(c -> Rows.first(c, """
                SELECT min(not_before) FROM stage_work WHERE stage = ? AND state = 'WAITING' AND not_before IS NOT NULL""",
                rs -> {
                    long at = rs.getLong(1);
                    return rs.wasNull() ? null : Instant.ofEpochMilli(at);
                }, stage.name()));
    }

    @Override
    public Map<Stage, Map<WorkState, Integer>> counts() {
        return db.read(SqliteStageQueue::counts);
    }

    /**
     * Open and failed items per stage and state, from the partial indexes; DONE items are not counted (there are
     * millions after some years). Also read by {@code motcua doctor} on a read-only connection.
     */
    public static Map<Stage, Map<WorkState, Integer>> counts(Connection c) throws SQLException {
        Map<Stage, Map<WorkState, Integer>> counts = new EnumMap<>(Stage.class);
        Rows.list(c, """
                SELECT stage, state, count(*) FROM stage_work INDEXED BY stage_work_open
                WHERE state IN %s GROUP BY stage, state
                UNION ALL
                SELECT stage, 'FAILED', count(*) FROM stage_work INDEXED BY stage_work_failed
                WHERE state = 'FAILED' GROUP BY stage""".formatted(OPEN), rs -> {
            counts.computeIfAbsent(Stage.valueOf(rs.getString(1)), s -> new EnumMap<>(WorkState.class))
                    .put(WorkState.valueOf(rs.getString(2)), rs.getInt(3));
            return null;
        });
        return counts;
    }

    @Override
    public List<WorkItem> itemsOf(DossierCode code) {
        return db.read(c -> Rows.list(c, "SELECT " + ITEM_COLUMNS + """
                 FROM stage_work w JOIN dossiers d ON d.id = w.dossier_id WHERE d.code = ?
                ORDER BY w.stage, w.subject_id""", rs -> item(db.columns(), rs), code.value()));
    }

    @Override
    public List<WorkItem> needingAttention(int limit) {
        return db.read(attentionQuery(limit, db.columns()));
    }

    /**
     * FAILED and BLOCKED items, oldest first, their errors opened with {@code columns}; also read by {@code motcua
     * doctor} on a read-only connection.
     */
    public static Database.SqlWork<List<WorkItem>> attentionQuery(int limit, PersonalColumns columns) {
        return c -> Rows.list(c, "SELECT " + ITEM_COLUMNS + """
                 FROM stage_work w JOIN dossiers d ON d.id = w.dossier_id
                WHERE w.state IN ('FAILED', 'BLOCKED') ORDER BY w.id LIMIT ?""", rs -> item(columns, rs), limit);
    }

    @Override
    public List<WorkItem> unfinished(Stage stage, int limit) {
        return db.read(c -> Rows.list(c, "SELECT " + ITEM_COLUMNS + """
                 FROM stage_work w JOIN dossiers d ON d.id = w.dossier_id
                WHERE w.stage = ? AND w.state <> 'DONE' ORDER BY w.id LIMIT ?""", rs -> item(db.columns(), rs),
                stage.name(), limit));
    }

    @Override
    public boolean markDoneElsewhere(long itemId, Instant now) {
        return db.inTransaction(c -> Rows.update(c, """
                UPDATE stage_work SET state = 'DONE', not_before = NULL, error_key = NULL, error_args = NULL,
                    error_detail = NULL, waiting_for = NULL, updated_at = ?
                WHERE id = ? AND state IN ('WAITING', 'BLOCKED', 'FAILED')""", now.toString(), itemId)) == 1;
    }

    private int setIfRunning(long itemId, Instant now, String assignments) {
        return db.inTransaction(c -> Rows.update(c, "UPDATE stage_work SET " + assignments
                + ", updated_at = ? WHERE id = ? AND state = 'RUNNING'", now.toString(), itemId));
    }

    private static Optional<WorkItem> item(Connection c, PersonalColumns columns, long id) throws SQLException {
        return Rows.first(c, "SELECT " + ITEM_COLUMNS + " FROM stage_work w JOIN dossiers d ON d.id = w.dossier_id"
                + " WHERE w.id = ?", rs -> item(columns, rs), id);
    }

    private static WorkItem item(PersonalColumns columns, ResultSet rs) throws SQLException {
        StageError error = rs.getString(7) == null ? null : error(columns, rs, 7);
        long notBefore = rs.getLong(10);
        Instant due = rs.wasNull() ? null : Instant.ofEpochMilli(notBefore);
        return new WorkItem(rs.getLong(1), Stage.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
                WorkState.valueOf(rs.getString(5)), rs.getInt(6), error, due, rs.getString(11),
                updatedAt(rs.getString(12)));
    }

    /** Rows migrated from V9 carry the reception's local time; they read as that time in Vietnam. */
    private static Instant updatedAt(String text) {
        return text.endsWith("Z") ? Instant.parse(text)
                : java.time.LocalDateTime.parse(text).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
    }

    /** The error in the columns from {@code first} on: its key, sealed arguments and sealed detail. */
    private static StageError error(PersonalColumns columns, ResultSet rs, int first) throws SQLException {
        return new StageError(rs.getString(first),
                arguments(columns.open(PersonalColumns.STAGE_ERROR_ARGS, rs.getString(first + 1))),
                columns.open(PersonalColumns.STAGE_ERROR_DETAIL, rs.getString(first + 2)));
    }

    private String sealedArguments(StageError error) {
        try {
            return db.columns().seal(PersonalColumns.STAGE_ERROR_ARGS, JSON.writeValueAsString(error.arguments()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sealedDetail(StageError error) {
        return db.columns().seal(PersonalColumns.STAGE_ERROR_DETAIL, error.detail());
    }

    private static List<String> arguments(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
