package vn.motcua.counter.domain;

/**
 * This counter's share of its agency's daily dossier numbers (docs/decisions/0501-dossier-codes.md): with
 * {@code count} counters receiving for one agency, counter {@code number} hands out number, number + count,
 * number + 2·count, … so no two counters can give the same code even while all of them are offline.
 *
 * @param number this counter, 1..count, provisioned by IT staff ({@code counter.number})
 * @param count  how many counters receive for the agency ({@code counter.count}); 1 gives 0001, 0002, …
 */
public record CounterSlot(int number, int count) {

    public static final CounterSlot ONLY = new CounterSlot(1, 1);

    public CounterSlot {
        if (count < 1 || count > DossierCode.MAX_SEQUENCE || number < 1 || number > count) {
            throw new IllegalArgumentException("counter number must be 1.." + count + " of 1.."
                    + DossierCode.MAX_SEQUENCE + " counters: " + number + "/" + count);
        }
    }

    /** The first number of a day. */
    public int first() {
        return number;
    }

    /** The number after {@code last}, which this slot handed out. */
    public int after(int last) {
        return last + count;
    }

    /** How many dossiers this counter can receive in one day: 9999 for a single counter, 999 for one of ten. */
    public int dailyCapacity() {
        return (DossierCode.MAX_SEQUENCE - number) / count + 1;
    }
}
