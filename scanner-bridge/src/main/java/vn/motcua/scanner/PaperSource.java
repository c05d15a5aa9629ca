package vn.motcua.scanner;

/** Where the paper comes from. DUPLEX is the feeder scanning both sides of each sheet. */
public enum PaperSource {
    FLATBED("flatbed"),
    FEEDER("adf"),
    DUPLEX("duplex");

    private final String cliName;

    PaperSource(String cliName) {
        this.cliName = cliName;
    }

    /** The word used on the command line and in saved profiles ({@code flatbed|adf|duplex}). */
    public String cliName() {
        return cliName;
    }

    public boolean usesFeeder() {
        return this != FLATBED;
    }

    /** The physical sheet of a page in a batch: in duplex, pages 1 and 2 are sheet 1. */
    public int sheetOf(int pageNumber) {
        return this == DUPLEX ? (pageNumber + 1) / 2 : pageNumber;
    }

    /** Duplex feeders deliver front, back, front, back, ... */
    public Side sideOf(int pageNumber) {
        return this == DUPLEX && pageNumber % 2 == 0 ? Side.BACK : Side.FRONT;
    }

    public static PaperSource fromCliName(String name) {
        for (PaperSource source : values()) {
            if (source.cliName.equalsIgnoreCase(name) || source.name().equalsIgnoreCase(name)) {
                return source;
            }
        }
        throw new IllegalArgumentException("Unknown paper source: " + name + " (flatbed, adf, duplex)");
    }
}
