package vn.motcua.scanner;

/** Colour mode of the scanned image. LINEART is one bit per pixel (black and white). */
public enum ColorMode {
    COLOR("color"),
    GRAY("gray"),
    LINEART("lineart");

    private final String cliName;

    ColorMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static ColorMode fromCliName(String name) {
        for (ColorMode mode : values()) {
            if (mode.cliName.equalsIgnoreCase(name) || mode.name().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown colour mode: " + name + " (color, gray, lineart)");
    }
}
