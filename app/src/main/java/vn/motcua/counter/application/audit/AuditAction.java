package vn.motcua.counter.application.audit;

/** What was done with a dossier's personal data. */
public enum AuditAction {
    /** Opened on the dossier screen or with {@code motcua dossier show}; a copy opened in the viewer. */
    VIEW,
    /** A receipt or form handed to the printer or the print preview (a copy of one issued earlier). */
    PRINT,
    /** Written out of the counter: a report or tracking book file. */
    EXPORT,
    /** Sent to the provincial hub (accepted there). */
    SEND,
    /** Received at the counter (the dossier is created). */
    RECEIVE,
    /** A lifecycle step, a result attached, a form issued, a correction. */
    CHANGE,
    /** Removed from this counter by retention, files and rows together. */
    REMOVE,
    /** The log itself: a log from before the keyed chain checked the old way and chained again with the key. */
    KEYED
}
