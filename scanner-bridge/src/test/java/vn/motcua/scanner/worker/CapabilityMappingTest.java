package vn.motcua.scanner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScannerCapabilities;

class CapabilityMappingTest {

    private static RawCapability cap(String header) {
        return RawCapability.from(parse("CAP " + header));
    }

    private static BridgeMessage parse(String line) {
        try {
            return BridgeCodec.read(new java.io.ByteArrayInputStream((line + "\n").getBytes()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTwainSourceWithoutFeederCapabilityIsAFlatbed() {
        ScannerCapabilities caps = TwainMapping.capabilities(List.of(
                cap("name=ICAP_PIXELTYPE values=TWPT_GRAY,TWPT_RGB"),
                cap("name=ICAP_XRESOLUTION values=150,300,600")));

        assertThat(caps.sources()).containsExactly(PaperSource.FLATBED);
        assertThat(caps.colorModes()).containsExactlyInAnyOrder(ColorMode.GRAY, ColorMode.COLOR);
        assertThat(caps.resolutions()).containsExactly(150, 300, 600);
        assertThat(caps.maxWidthMm()).isCloseTo(215.9, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aFeederThatCanBeSwitchedOffLeavesAFlatbedAndDuplexNeedsTheFeeder() {
        ScannerCapabilities caps = TwainMapping.capabilities(List.of(
                cap("name=CAP_FEEDERENABLED values=TRUE,FALSE"),
                cap("name=CAP_DUPLEX value=TWDX_NONE"),
                cap("name=ICAP_XRESOLUTION min=75 max=300 step=25")));

        assertThat(caps.sources()).containsExactlyInAnyOrder(PaperSource.FLATBED, PaperSource.FEEDER);
        assertThat(caps.resolutions()).containsExactly(75, 100, 150, 200, 240, 300);
    }

    @Test
    void wiaHandlingBitsGiveTheSources() {
        RawCapability handling = RawCapability.from(parse(
                "PROP name=WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES value=5"));

        ScannerCapabilities caps = WiaMapping.capabilities(List.of(handling));

        assertThat(caps.sources()).containsExactlyInAnyOrder(PaperSource.FEEDER, PaperSource.DUPLEX);
    }

    @Test
    void conditionCodesAndHresultsBecomeTypedErrors() {
        assertThat(TwainMapping.errorFor("TWCC_PAPERJAM")).isEqualTo(ScanError.JAM);
        assertThat(TwainMapping.errorFor("TWCC_PAPERDOUBLEFEED")).isEqualTo(ScanError.JAM);
        assertThat(TwainMapping.errorFor("TWCC_NOMEDIA")).isEqualTo(ScanError.NO_PAPER);
        assertThat(TwainMapping.errorFor("TWCC_INTERLOCK")).isEqualTo(ScanError.COVER_OPEN);
        assertThat(TwainMapping.errorFor("TWCC_CHECKDEVICEONLINE")).isEqualTo(ScanError.OFFLINE);
        assertThat(TwainMapping.errorFor("TWCC_BUMMER")).isEqualTo(ScanError.DEVICE_ERROR);
        assertThat(WiaMapping.errorFor("0x80210002")).isEqualTo(ScanError.JAM);
        assertThat(WiaMapping.errorFor("0x80210003")).isEqualTo(ScanError.NO_PAPER);
        assertThat(WiaMapping.errorFor("0x80210006")).isEqualTo(ScanError.BUSY);
        assertThat(WiaMapping.errorFor("0x80210010")).isEqualTo(ScanError.COVER_OPEN);
        assertThat(WiaMapping.errorFor("0x80004005")).isEqualTo(ScanError.DEVICE_ERROR);
    }
}
