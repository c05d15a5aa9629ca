package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.DossierProgress;
import vn.motcua.counter.application.port.Handover;
import vn.motcua.counter.application.port.IssuedForm;
import vn.motcua.counter.application.port.LifecycleStep;
import vn.motcua.counter.application.port.ResultPage;
import vn.motcua.counter.application.port.TrackingBookEntry;
import vn.motcua.counter.domain.AgencyCode;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.domain.Page;
import vn.motcua.counter.domain.Status;
import vn.motcua.counter.domain.lifecycle.FormKind;
import vn.motcua.counter.domain.lifecycle.Rating;

/** The SQL behind the lifecycle part of {@link SqliteDossierStore} (tables of migration V2). */
final class LifecycleRows {

    private final Database db;

    LifecycleRows(Database db) {
        this.db = db;
    }

    void record(DossierCode code, LifecycleStep step) {
        db.inTransaction(c -> {
            long id = dossierId(c, code);
            // Compare-and-set on the status: a step decided on a stale screen is refused, never applied twice.
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE dossiers SET status = ?,
                        resolved_at = CASE WHEN ? = 9 AND status <> 9 THEN ? ELSE resolved_at END,
                        returned_at = CASE WHEN ? = 10 AND status <> 10 THEN ? ELSE returned_at END,
                        extended_appointment_at = COALESCE(?, extended_appointment_at),
                        rating_level = COALESCE(?, rating_level), rating_label = COALESCE(?, rating_label),
                        rating_scale = COALESCE(?, rating_scale)
                    WHERE id = ? AND status = ?""")) {
                int to = step.to().portalCode();
                st.setInt(1, to);
                st.setInt(2, to);
                st.setString(3, step.at().toString());
                st.setInt(4, to);
                st.setString(5, step.at().toString());
                st.setString(6, step.newAppointment() == null ? null : step.newAppointment().toString());
                Rating r = step.rating();
                SqliteDossierStore.setNullableInt(st, 7, r == null ? null : r.level());
                st.setString(8, r == null ? null : r.label());
                SqliteDossierStore.setNullableInt(st, 9, r == null ? null : r.scaleSize());
                st.setLong(10, id);
                st.setInt(11, step.from().portalCode());
                if (st.executeUpdate() != 1) {
                    throw new CounterException("lifecycle.changed", code.value());
                }
            }
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO dossier_events (dossier_id, at, actor, kind, detail, from_status, to_status, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                st.setLong(1, id);
                st.setString(2, step.at().toString());
                st.setString(3, step.actor());
                st.setString(4, step.kind());
                st.setString(5, db.columns().seal(PersonalColumns.EVENT_DETAIL, detail(step)));
                st.setInt(6, step.from().portalCode());
                st.setInt(7, step.to().portalCode());
                st.setString(8, db.columns().seal(PersonalColumns.EVENT_REASON, step.reason()));
                st.executeUpdate();
            }
            if (step.handover() != null) {
                insertHandover(c, db.columns(), id, step.handover());
            }
            if (step.form() != null) {
                insertForm(c, id, step.form(), null, null);
            }
            return null;
        });
    }

    /** The detail keeps the history readable on its own, as the reception event's does. */
    private static String detail(LifecycleStep step) {
        StringBuilder d = new StringBuilder("status=" + step.from().portalCode() + "->" + step.to().portalCode());
        if (step.form() != null) {
            d.append(" form=").append(step.form().kind().number())
                    .append(step.form().number() == null ? "" : " " + step.form().number());
        }
        if (step.newAppointment() != null) {
            d.append(" newAppointment=").append(step.newAppointment());
        }
        if (step.rating() != null) {
            d.append(" rating=").append(step.rating().level()).append('/').append(step.rating().scaleSize());
        }
        if (step.reason() != null) {
            d.append(" | ").append(step.reason());
        }
        return d.toString();
    }

    int reserveFormNumber(AgencyCode agency, FormKind form, int year) {
        return db.inTransaction(c -> Rows.first(c, """
                INSERT INTO form_sequences (agency_code, form, year, last_number) VALUES (?, ?, ?, 1)
                ON CONFLICT (agency_code, form, year) DO UPDATE SET last_number = last_number + 1
                RETURNING last_number""", rs -> rs.getInt(1), agency.value(), form.name(), year).orElseThrow());
    }

    void saveIssuedForm(DossierCode code, IssuedForm form, LocalDate periodFrom, LocalDate periodTo) {
        db.inTransaction(c -> {
            insertForm(c, code == null ? null : dossierId(c, code), form, periodFrom, periodTo);
            return null;
        });
    }

    void attachResult(DossierCode code, List<ResultPage> pages) {
        db.inTransaction(c -> {
            long id = dossierId(c, code);
            int position = Rows.first(c, "SELECT COALESCE(MAX(position), 0) FROM result_documents WHERE dossier_id = ?",
                    rs -> rs.getInt(1), id).orElseThrow();
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO result_documents (dossier_id, position, name, content_id, media_type, byte_size,
                        source, attached_at, attached_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (ResultPage r : pages) {
                    st.setLong(1, id);
                    st.setInt(2, ++position);
                    st.setString(3, db.columns().seal(PersonalColumns.RESULT_NAME, r.documentName()));
                    st.setString(4, r.page().contentId());
                    st.setString(5, r.page().mediaType());
                    st.setLong(6, r.page().byteSize());
                    st.setString(7, r.page().source().name());
                    st.setString(8, r.attachedAt().toString());
                    st.setString(9, r.attachedBy());
                    st.addBatch();
                }
                st.executeBatch();
            }
            ResultPage first = pages.getFirst();
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO dossier_events (dossier_id, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)")) {
                st.setLong(1, id);
                st.setString(2, first.attachedAt().toString());
                st.setString(3, first.attachedBy());
                st.setString(4, "RESULT_ATTACHED");
                st.setString(5, db.columns().seal(PersonalColumns.EVENT_DETAIL,
                        first.documentName() + " pages=" + pages.size()));
                st.executeUpdate();
            }
            return null;
        });
    }

    Optional<DossierProgress> progress(DossierCode code) {
        return db.read(c -> Rows.first(c, """
                SELECT id, extended_appointment_at, resolved_at, returned_at, rating_level, rating_label,
                    rating_scale FROM dossiers WHERE code = ?""", rs -> {
            long id = rs.getLong(1);
            int level = rs.getInt(5);
            Rating rating = rs.wasNull() ? null : new Rating(level, rs.getString(6), rs.getInt(7));
            return new DossierProgress(time(rs.getString(2)), time(rs.getString(3)), time(rs.getString(4)), rating,
                    handovers(c, db.columns(), id), forms(c, id), results(c, db.columns(), id));
        }, code.value()));
    }

    List<TrackingBookEntry> trackingBook(LocalDate from, LocalDate to) {
        return db.read(c -> Rows.list(c, """
                SELECT code, applicant_name, applicant_address, procedure_name, status, received_at,
                    appointment_at, extended_appointment_at, resolved_at, returned_at, received_by
                FROM dossiers WHERE received_at >= ? AND received_at < ? ORDER BY received_at, id""",
                rs -> new TrackingBookEntry(rs.getString(1), db.columns().open("applicant_name", rs.getString(2)),
                        db.columns().open("applicant_address", rs.getString(3)), rs.getString(4),
                        Status.ofPortalCode(rs.getInt(5)), time(rs.getString(6)), time(rs.getString(7)),
                        time(rs.getString(8)), time(rs.getString(9)), time(rs.getString(10)), rs.getString(11)),
                from.atStartOfDay().toString(), to.plusDays(1).atStartOfDay().toString()));
    }

    private static List<Handover> handovers(Connection c, PersonalColumns p, long id) throws SQLException {
        return Rows.list(c, "SELECT at, giver, receiver, note FROM handovers WHERE dossier_id = ? ORDER BY id",
                rs -> new Handover(time(rs.getString(1)), p.open(PersonalColumns.HANDOVER_GIVER, rs.getString(2)),
                        p.open(PersonalColumns.HANDOVER_RECEIVER, rs.getString(3)),
                        p.open(PersonalColumns.HANDOVER_NOTE, rs.getString(4))), id);
    }

    private static List<IssuedForm> forms(Connection c, long id) throws SQLException {
        return Rows.list(c, "SELECT form, number, issued_at, issued_by, content_id FROM issued_forms "
                        + "WHERE dossier_id = ? ORDER BY id",
                rs -> new IssuedForm(FormKind.valueOf(rs.getString(1)), rs.getString(2), time(rs.getString(3)),
                        rs.getString(4), rs.getString(5)), id);
    }

    private static List<ResultPage> results(Connection c, PersonalColumns p, long id) throws SQLException {
        return Rows.list(c, """
                SELECT name, content_id, media_type, byte_size, source, attached_at, attached_by
                FROM result_documents WHERE dossier_id = ? ORDER BY position""",
                rs -> new ResultPage(p.open(PersonalColumns.RESULT_NAME, rs.getString(1)), new Page(rs.getString(2),
                        rs.getString(3), rs.getLong(4), Page.PageSource.valueOf(rs.getString(5))),
                        time(rs.getString(6)), rs.getString(7)), id);
    }

    private static void insertHandover(Connection c, PersonalColumns p, long id, Handover h) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO handovers (dossier_id, at, giver, receiver, note) VALUES (?, ?, ?, ?, ?)")) {
            st.setLong(1, id);
            st.setString(2, h.at().toString());
            st.setString(3, p.seal(PersonalColumns.HANDOVER_GIVER, h.giver()));
            st.setString(4, p.seal(PersonalColumns.HANDOVER_RECEIVER, h.receiver()));
            st.setString(5, p.seal(PersonalColumns.HANDOVER_NOTE, h.note()));
            st.executeUpdate();
        }
    }

    private static void insertForm(Connection c, Long dossierId, IssuedForm f, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO issued_forms (dossier_id, form, number, issued_at, issued_by, content_id, period_from,
                    period_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            if (dossierId == null) {
                st.setNull(1, Types.INTEGER);
            } else {
                st.setLong(1, dossierId);
            }
            st.setString(2, f.kind().name());
            st.setString(3, f.number());
            st.setString(4, f.issuedAt().toString());
            st.setString(5, f.issuedBy());
            st.setString(6, f.contentId());
            st.setString(7, from == null ? null : from.toString());
            st.setString(8, to == null ? null : to.toString());
            st.executeUpdate();
        }
    }

    private static long dossierId(Connection c, DossierCode code) throws SQLException {
        return Rows.first(c, "SELECT id FROM dossiers WHERE code = ?", rs -> rs.getLong(1), code.value())
                .orElseThrow(() -> new CounterException("lifecycle.unknown_dossier", code.value()));
    }

    private static LocalDateTime time(String text) {
        return text == null ? null : LocalDateTime.parse(text);
    }
}
