package vn.motcua.sync.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many platform threads carry the hub's requests (decision 0705): at least eight, one per core above that. */
class RequestCarriersTest {

    @Test
    void atLeastEightAndOnePerCoreAboveThat() {
        assertThat(HubServer.requestCarriers(1)).isEqualTo(8);
        assertThat(HubServer.requestCarriers(2)).isEqualTo(8);
        assertThat(HubServer.requestCarriers(32)).isEqualTo(32);
    }

    @Test
    void aValueSetByTheAdministratorIsKept() {
        String before = System.getProperty(HubServer.CARRIERS);
        try {
            System.setProperty(HubServer.CARRIERS, "3");
            HubServer.setRequestCarriers();
            assertThat(System.getProperty(HubServer.CARRIERS)).isEqualTo("3");
            System.clearProperty(HubServer.CARRIERS);
            HubServer.setRequestCarriers();
            assertThat(System.getProperty(HubServer.CARRIERS))
                    .isEqualTo(Integer.toString(Math.max(8, Runtime.getRuntime().availableProcessors())));
        } finally {
            if (before == null) {
                System.clearProperty(HubServer.CARRIERS);
            } else {
                System.setProperty(HubServer.CARRIERS, before);
            }
        }
    }
}
