package vn.motcua.counter.adapters.signing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The test PKI's services on loopback: an RFC 3161 timestamp authority ({@code /tsa}), an OCSP responder
 * ({@code /ocsp}), the CAs' CRLs ({@code /crl/root.crl}, {@code /crl/intermediate.crl}) and certificates
 * ({@code /ca/…}). {@link #offline(boolean)} makes every answer HTTP 503, as a counter without a network sees.
 */
public final class TestPkiServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger serials = new AtomicInteger(1);
    private volatile TestPki pki;
    private volatile boolean offline;

    private TestPkiServer(HttpServer server) {
        this.server = server;
    }

    public static TestPkiServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        TestPkiServer peers = new TestPkiServer(server);
        server.createContext("/", peers::handle);
        server.start();
        return peers;
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String tsaUrl() {
        return base() + "/tsa";
    }

    public TestPkiServer serve(TestPki pki) {
        this.pki = pki;
        return this;
    }

    public void offline(boolean offline) {
        this.offline = offline;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (offline || pki == null) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body;
            String type;
            try {
                switch (path) {
                    case "/tsa" -> { body = timestamp(request); type = "application/timestamp-reply"; }
                    case "/ocsp" -> { body = ocsp(request); type = "application/ocsp-response"; }
                    case "/crl/root.crl" -> { body = pki.crl("root"); type = "application/pkix-crl"; }
                    case "/crl/intermediate.crl" -> { body = pki.crl("intermediate"); type = "application/pkix-crl"; }
                    case "/ca/root.cer" -> { body = pki.root.certificate().getEncoded(); type = "application/pkix-cert"; }
                    case "/ca/intermediate.cer" -> {
                        body = pki.intermediate.certificate().getEncoded();
                        type = "application/pkix-cert";
                    }
                    default -> {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                }
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private byte[] timestamp(byte[] request) throws Exception {
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", pki.tsa.privateKey(),
                        pki.tsa.certificate()),
                new JcaDigestCalculatorProviderBuilder().build().get(
                        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1"));
        tokens.addCertificates(new JcaCertStore(java.util.List.of(pki.tsa.certificate(),
                pki.intermediate.certificate())));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        return responses.generate(new TimeStampRequest(request), BigInteger.valueOf(serials.getAndIncrement()),
                new Date()).getEncoded();
    }

    private byte[] ocsp(byte[] request) throws Exception {
        OCSPReq parsed = new OCSPReq(request);
        X509CertificateHolder responder = new X509CertificateHolder(pki.ocsp.certificate().getEncoded());
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(responder.getSubject()));
        Date now = new Date();
        Date next = new Date(now.getTime() + 24 * 3600 * 1000L);
        for (Req one : parsed.getRequestList()) {
            BigInteger serial = one.getCertID().getSerialNumber();
            CertificateStatus status = pki.isRevoked(serial)
                    ? new RevokedStatus(new Date(now.getTime() - 30_000), 1)
                    : pki.issued(serial) ? CertificateStatus.GOOD : new UnknownStatus();
            builder.addResponse(one.getCertID(), status, new Date(now.getTime() - 1000), next, null);
        }
        var basic = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pki.ocsp.privateKey()),
                new X509CertificateHolder[] {responder}, now);
        return new OCSPRespBuilder().build(OCSPResp.SUCCESSFUL, basic).getEncoded();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
