package vn.motcua.scanner.escl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How announcements become base URIs; browsing itself needs multicast, which tests on loopback cannot use. */
class EsclMdnsDiscoveryTest {

    private static final InetAddress[] NONE = new InetAddress[0];

    @Test
    void httpAnnouncementWithResourcePath() throws Exception {
        var announced = EsclMdnsDiscovery.announced(EsclMdnsDiscovery.USCAN,
                new InetAddress[] {InetAddress.getByName("192.168.1.20")}, NONE, 80,
                Map.of("rs", "/eSCL/", "ty", "Brother MFC-L2710DW"));

        assertThat(announced).hasValueSatisfying(scanner -> {
            assertThat(scanner.baseUri()).hasToString("http://192.168.1.20:80/eSCL");
            assertThat(scanner.model()).isEqualTo("Brother MFC-L2710DW");
        });
    }

    @Test
    void httpsAnnouncementOverIpv6WithoutTxt() throws Exception {
        var announced = EsclMdnsDiscovery.announced(EsclMdnsDiscovery.USCANS, NONE,
                new InetAddress[] {InetAddress.getByName("fd00::7")}, 443, Map.of());

        assertThat(announced).hasValueSatisfying(scanner ->
                assertThat(scanner.baseUri()).hasToString("https://[fd00:0:0:0:0:0:0:7]:443/eSCL"));
    }

    @Test
    void announcementWithoutAddressIsSkipped() {
        assertThat(EsclMdnsDiscovery.announced(EsclMdnsDiscovery.USCAN, NONE, NONE, 80, Map.of())).isEmpty();
    }
}
