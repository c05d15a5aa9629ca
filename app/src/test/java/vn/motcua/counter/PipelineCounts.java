package vn.motcua.counter;

import java.sql.ResultSet;
import java.sql.Statement;
import vn.motcua.counter.bootstrap.CounterWiring;

/**
 * The capture stages' items counted straight from the stage table, DONE ones included (the runner's own progress
 * counts only what is open or failed), for tests to say exactly where every page and copy stands.
 *
 * @param copiesToMake copies waiting (for their pages or to be written) or being written
 */
public record PipelineCounts(int pagesToRead, int pagesDone, int pagesFailed, int copiesToMake, int copiesFailed) {

    public static PipelineCounts of(CounterWiring counter) {
        return counter.database().read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT count(*) FILTER (WHERE stage = 'PAGE_TEXT' AND state IN ('WAITING', 'RUNNING')),
                           count(*) FILTER (WHERE stage = 'PAGE_TEXT' AND state = 'DONE'),
                           count(*) FILTER (WHERE stage = 'PAGE_TEXT' AND state = 'FAILED'),
                           count(*) FILTER (WHERE stage = 'ELECTRONIC_COPY' AND state IN ('WAITING', 'RUNNING')),
                           count(*) FILTER (WHERE stage = 'ELECTRONIC_COPY' AND state = 'FAILED')
                    FROM stage_work""")) {
                rs.next();
                return new PipelineCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5));
            }
        });
    }
}
