package vn.motcua.scanner.sane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSource;

class SaneNamesTest {

    @Test
    void hostsParseWithAndWithoutPort() {
        assertThat(SaneHost.parse("10.0.0.5")).isEqualTo(new SaneHost("10.0.0.5", 6566));
        assertThat(SaneHost.parse("scan.local:6570")).isEqualTo(new SaneHost("scan.local", 6570));
        assertThat(SaneHost.parse("[::1]:7000")).isEqualTo(new SaneHost("::1", 7000));
        assertThat(SaneHost.parse("[::1]")).isEqualTo(new SaneHost("::1", 6566));
    }

    @Test
    void deviceNamesRoundTripLikeTheNetBackendWritesThem() {
        SaneDeviceName plain = SaneDeviceName.parse("net:127.0.0.1:test:0");
        assertThat(plain).isEqualTo(new SaneDeviceName(SaneHost.localhost(), "test:0"));
        assertThat(plain.localId()).isEqualTo("net:127.0.0.1:test:0");

        SaneDeviceName withPort = SaneDeviceName.parse("net:127.0.0.1:6570:epson2:libusb:001:004");
        assertThat(withPort).isEqualTo(new SaneDeviceName(new SaneHost("127.0.0.1", 6570), "epson2:libusb:001:004"));
        assertThat(withPort.localId()).isEqualTo("net:127.0.0.1:6570:epson2:libusb:001:004");

        assertThat(SaneDeviceName.parse("net:[::1]:7000:test:1"))
                .isEqualTo(new SaneDeviceName(new SaneHost("::1", 7000), "test:1"));
    }

    @Test
    void backendSourceAndModeNamesMapToBridgeTerms() {
        assertThat(SaneOptionMapping.sourceOf("ADF Duplex")).contains(PaperSource.DUPLEX);
        assertThat(SaneOptionMapping.sourceOf("Automatic Document Feeder")).contains(PaperSource.FEEDER);
        assertThat(SaneOptionMapping.sourceOf("ADF Front")).contains(PaperSource.FEEDER);
        assertThat(SaneOptionMapping.sourceOf("Flatbed")).contains(PaperSource.FLATBED);
        assertThat(SaneOptionMapping.sourceOf("Transparency Unit")).isEmpty();
        assertThat(SaneOptionMapping.modeOf("Lineart")).contains(ColorMode.LINEART);
        assertThat(SaneOptionMapping.modeOf("Binary")).contains(ColorMode.LINEART);
        assertThat(SaneOptionMapping.modeOf("Gray")).contains(ColorMode.GRAY);
        assertThat(SaneOptionMapping.modeOf("Color")).contains(ColorMode.COLOR);
    }
}
