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

    public static PaperSource fromCliName(String name) {
        for (PaperSource source : values()) {
            if (source.cliName.equalsIgnoreCase(name) || source.name().equalsIgnoreCase(name)) {
                return source;
            }
        }
        throw new IllegalArgumentException("Unknown paper source: " + name + " (flatbed, adf, duplex)");
    }
}
