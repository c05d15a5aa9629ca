package vn.motcua.counter.adapters.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import vn.motcua.counter.application.port.CopySigner.ValidationDataUnavailableException;

/** An RFC 3161 timestamp authority over HTTP: a SHA-256 imprint in, a signed token (CMS ContentInfo) out. */
final class TimestampAuthority {

    private static final SecureRandom NONCES = new SecureRandom();

    private final URI url;
    private final ValidationHttp http;

    TimestampAuthority(URI url, ValidationHttp http) {
        this.url = url;
        this.http = http;
    }

    /** The token for {@code sha256}, checked against the request (imprint, nonce, status). */
    byte[] timestamp(byte[] sha256) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256,
                new BigInteger(64, NONCES));
        try {
            byte[] body = http.send(HttpRequest.newBuilder(url)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())), "timestamp");
            TimeStampResponse response = new TimeStampResponse(body);
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new ValidationDataUnavailableException(url.toString(),
                        new IOException("the TSA refused: " + response.getStatusString()));
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException e) {
            throw new ValidationDataUnavailableException(url.toString(), e);
        }
    }
}
