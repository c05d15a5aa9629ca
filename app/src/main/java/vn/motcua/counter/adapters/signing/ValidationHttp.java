package vn.motcua.counter.adapters.signing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import vn.motcua.counter.application.port.CopySigner.ValidationDataUnavailableException;

/**
 * The few HTTP calls signing makes (timestamp, OCSP, CRL), with short timeouts: on a commune's 3G link a copy is
 * signed offline at B-B and extended later rather than holding the clerk up.
 */
final class ValidationHttp {

    private final HttpClient client;
    private final Duration timeout;

    ValidationHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    byte[] get(URI url, String what) {
        return send(HttpRequest.newBuilder(url).GET(), what);
    }

    byte[] send(HttpRequest.Builder request, String what) {
        URI url = request.build().uri();
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ValidationDataUnavailableException(url.toString(),
                        new IOException(what + " answered HTTP " + response.statusCode()));
            }
            return response.body();
        } catch (IOException | IllegalArgumentException e) {
            throw new ValidationDataUnavailableException(url.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ValidationDataUnavailableException(url.toString(), e);
        }
    }
}
