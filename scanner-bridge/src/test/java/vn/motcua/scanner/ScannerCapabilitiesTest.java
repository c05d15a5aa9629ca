package vn.motcua.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which setting a device cannot do, as the app names it to the clerk before a scan starts. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ScannerCapabilitiesTest {

    /** A flatbed-only A4 scanner, grey and colour, 150 and 300 dpi. */
    private static final ScannerCapabilities FLATBED_ONLY = new ScannerCapabilities(Set.of(PaperSource.FLATBED),
            List.of(300, 150), Set.of(ColorMode.GRAY, ColorMode.COLOR), 216, 297);
    private static final ScanSettings FITS = new ScanSettings(PaperSource.FLATBED, 300, ColorMode.GRAY,
            PaperSize.A4);

    @Test
    void settingsTheDeviceCanDoHaveNoShortfall() {
        assertThat(FLATBED_ONLY.shortfall(FITS)).isEmpty();
        assertThat(FLATBED_ONLY.unsupportedReason(FITS)).isNull();
    }

    @Test
    void eachMissingSettingIsNamed() {
        assertThat(FLATBED_ONLY.shortfall(FITS.withSource(PaperSource.DUPLEX)))
                .contains(ScannerCapabilities.Shortfall.SOURCE);
        assertThat(FLATBED_ONLY.shortfall(FITS.withColorMode(ColorMode.LINEART)))
                .contains(ScannerCapabilities.Shortfall.COLOR_MODE);
        assertThat(FLATBED_ONLY.shortfall(FITS.withDpi(200))).contains(ScannerCapabilities.Shortfall.RESOLUTION);
        assertThat(FLATBED_ONLY.shortfall(new ScanSettings(PaperSource.FLATBED, 300, ColorMode.GRAY,
                PaperSize.LEGAL))).contains(ScannerCapabilities.Shortfall.PAPER_SIZE);
        assertThat(FLATBED_ONLY.unsupportedReason(FITS.withDpi(200))).isEqualTo("200 dpi not available ([150, 300])");
    }
}
