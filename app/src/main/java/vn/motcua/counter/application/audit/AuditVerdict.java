package vn.motcua.counter.application.audit;

import java.util.List;

/**
 * What walking the audit chain found: how many entries are stored and, when it was tampered with, each entry that was
 * removed, moved or altered, by its place ({@code seq}) and time.
 */
public record AuditVerdict(long entries, List<Problem> problems) {

    public enum Kind {
        /** Entries missing from the chain (a gap in the places, the chain link skipping them). */
        REMOVED,
        /** The last entries are gone: the anchor kept outside the table names more entries than are left. */
        TRUNCATED,
        /** An intact entry standing at another place than the one it was written at. */
        REORDERED,
        /** An entry whose content no longer matches its hash, or whose hash no longer matches the next entry's link. */
        ALTERED
    }

    /**
     * @param seq      the entry's place (the first missing one for REMOVED and TRUNCATED)
     * @param lastSeq  the last missing place (REMOVED, TRUNCATED), the original place (REORDERED), else {@code seq}
     * @param time     the entry's time as stored; for REMOVED and TRUNCATED the time of the last entry before the gap
     */
    public record Problem(Kind kind, long seq, long lastSeq, String time) {

        /** The message key of {@code i18n/messages*.properties}: {@code audit.problem.KIND}. */
        public String messageKey() {
            return "audit.problem." + kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Its arguments, numbers as plain text (no grouping): seq, lastSeq, and the time in {@code zone}. */
        public Object[] arguments(java.time.ZoneId zone) {
            return new Object[] {Long.toString(seq), Long.toString(lastSeq), Audit.localTime(time, zone)};
        }
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
