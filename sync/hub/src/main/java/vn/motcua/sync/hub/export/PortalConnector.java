package vn.motcua.sync.hub.export;

import java.io.IOException;

/**
 * Where portal records go: the province's own integration. Endpoints, sessions and signatures differ by province,
 * so the hub only hands over the JSON body ({@code DongBoHoSoMC} or {@code CapNhatTienDoHoSoMC}) and a connector
 * delivers it. A send that throws is retried later; one that returns was delivered.
 */
public interface PortalConnector {

    void send(String service, String code, long exportId, byte[] json) throws IOException;

    /** For the IT page and logs, no secrets. */
    String describe();
}
