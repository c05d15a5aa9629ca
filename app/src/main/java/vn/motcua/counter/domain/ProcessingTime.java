package vn.motcua.counter.domain;

/**
 * A procedure's statutory time limit (thời hạn giải quyết).
 *
 * @param workingDays working days after reception; 0 means the same day ("trong ngày"), where a dossier received
 *                    after 15:00 is returned the next working day
 */
public record ProcessingTime(int workingDays) {

    public static final ProcessingTime SAME_DAY = new ProcessingTime(0);

    public ProcessingTime {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + workingDays);
        }
    }

    public static ProcessingTime ofWorkingDays(int days) {
        return new ProcessingTime(days);
    }

    public boolean sameDay() {
        return workingDays == 0;
    }
}
