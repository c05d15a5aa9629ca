package vn.motcua.counter.adapters.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Optional;
import java.util.List;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.AgencyRegister;
import vn.motcua.counter.domain.Agency;
import vn.motcua.counter.domain.AgencyCode;

/** The {@code agencies} table. An agency code not listed there is accepted: the list is optional data. */
public final class Agencies implements AgencyRegister {

    private final Database db;

    public Agencies(Database db) {
        this.db = db;
    }

    @Override
    public void importAgencies(List<Agency> agencies) {
        db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT OR REPLACE INTO agencies (code, name, level, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)""")) {
                for (Agency a : agencies) {
                    st.setString(1, a.code());
                    st.setString(2, a.name());
                    if (a.level() == null) {
                        st.setNull(3, Types.INTEGER);
                    } else {
                        st.setInt(3, a.level());
                    }
                    st.setString(4, a.validFrom() == null ? null : a.validFrom().toString());
                    st.setString(5, a.validTo() == null ? null : a.validTo().toString());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<Agency> agency(String code) {
        return db.read(c -> find(c, code));
    }

    /** Refuses a code that is listed and not in force on {@code day} (closed, or not yet open). */
    static void refuseClosed(Connection c, AgencyCode code, LocalDate day) throws SQLException {
        Optional<Agency> agency = find(c, code.value());
        if (agency.isPresent() && !agency.get().inForceOn(day)) {
            Agency a = agency.get();
            throw a.validTo() != null && day.isAfter(a.validTo())
                    ? new CounterException("reception.agency_closed", code.value(), a.validTo())
                    : new CounterException("reception.agency_not_open", code.value(), a.validFrom());
        }
    }

    private static Optional<Agency> find(Connection c, String code) throws SQLException {
        return Rows.first(c, "SELECT code, name, level, valid_from, valid_to FROM agencies WHERE code = ?", rs -> {
            int level = rs.getInt(3);
            Integer nullableLevel = rs.wasNull() ? null : level;
            return new Agency(rs.getString(1), rs.getString(2), nullableLevel, date(rs.getString(4)),
                    date(rs.getString(5)));
        }, code);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
