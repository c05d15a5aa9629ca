package vn.motcua.counter.domain;

/**
 * A procedure's statutory time limit (thời hạn giải quyết), counted in working days or, for the few procedures whose
 * limit is given in hours ("trong 4 giờ làm việc"), in working hours.
 *
 * @param workingDays  working days after reception; 0 (with no hours) means the same day ("trong ngày"), where a
 *                     dossier received after 15:00 is returned the next working day
 * @param workingHours office hours after reception; 0 unless the limit is given in hours
 */
public record ProcessingTime(int workingDays, int workingHours) {

    public static final ProcessingTime SAME_DAY = new ProcessingTime(0);

    public ProcessingTime {
        if (workingDays < 0 || workingHours < 0) {
            throw new IllegalArgumentException("time limits must not be negative: " + workingDays + " d, " + workingHours + " h");
        }
        if (workingDays > 0 && workingHours > 0) {
            throw new IllegalArgumentException("a limit is in working days or in working hours, not both");
        }
    }

    public ProcessingTime(int workingDays) {
        this(workingDays, 0);
    }

    public static ProcessingTime ofWorkingDays(int days) {
        return new ProcessingTime(days, 0);
    }

    public static ProcessingTime ofWorkingHours(int hours) {
        if (hours <= 0) {
            throw new IllegalArgumentException("an hours limit must be positive: " + hours);
        }
        return new ProcessingTime(0, hours);
    }

    public boolean sameDay() {
        return workingDays == 0 && workingHours == 0;
    }

    public boolean inHours() {
        return workingHours > 0;
    }
}
