package vn.motcua.scanner.escl;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;

/**
 * The eSCL HTTP exchanges against one scanner's base URI ({@code http://host:port/eSCL}). Status codes become
 * typed outcomes here; the session decides what they mean for the batch.
 */
final class EsclClient {

    /** What {@code GET NextDocument} answered. */
    sealed interface NextDocument {
        record Page(byte[] body, String contentType) implements NextDocument {
        }

        /** 404: no more documents in this job (end of batch, or the job stopped: ask the status why). */
        record NoMore() implements NextDocument {
        }

        /** 503: the page is not ready yet. */
        record RetryLater(Duration after) implements NextDocument {
        }
    }

    private final HttpClient http;
    private final URI base;
    private final Duration pageTimeout;

    EsclClient(HttpClient http, URI base, Duration pageTimeout) {
        this.http = http;
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.pageTimeout = pageTimeout;
    }

    EsclCapabilities capabilities() throws ScanException, InterruptedException {
        byte[] body = expectOk(send(get(base.resolve("ScannerCapabilities"), Duration.ofSeconds(10))),
                "ScannerCapabilities");
        try {
            return EsclCapabilities.parse(body);
        } catch (Exception e) {
            throw new ScanException(ScanError.DEVICE_ERROR, "unreadable ScannerCapabilities: " + e.getMessage(), e);
        }
    }

    EsclStatus status() throws ScanException, InterruptedException {
        byte[] body = expectOk(send(get(base.resolve("ScannerStatus"), Duration.ofSeconds(10))), "ScannerStatus");
        try {
            return EsclStatus.parse(body);
        } catch (Exception e) {
            throw new ScanException(ScanError.DEVICE_ERROR, "unreadable ScannerStatus: " + e.getMessage(), e);
        }
    }

    /** Posts the settings; returns the job URI from the Location header. */
    URI createJob(String settingsXml) throws ScanException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("ScanJobs"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(settingsXml, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response = send(request);
        switch (response.statusCode()) {
            case 201 -> {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty() || location.get().isBlank()) {
                    throw new ScanException(ScanError.DEVICE_ERROR, "ScanJobs: 201 without Location");
                }
                return base.resolve(location.get().strip());
            }
            case 503 -> throw new ScanException(ScanError.BUSY, "ScanJobs: 503, scanner busy");
            // 409: the device refuses the job as set up; mostly an empty feeder, the caller checks the status.
            case 409 -> throw new ScanException(ScanError.NO_PAPER, "ScanJobs: 409 Conflict");
            case 400 -> throw new ScanException(ScanError.UNSUPPORTED_SETTINGS, "ScanJobs: 400 Bad Request");
            default -> throw new ScanException(ScanError.DEVICE_ERROR, "ScanJobs: HTTP " + response.statusCode());
        }
    }

    NextDocument nextDocument(URI job) throws ScanException, InterruptedException {
        URI next = URI.create(job.toString().endsWith("/") ? job + "NextDocument" : job + "/NextDocument");
        HttpResponse<byte[]> response = send(get(next, pageTimeout));
        return switch (response.statusCode()) {
            case 200 -> new NextDocument.Page(response.body(),
                    response.headers().firstValue("Content-Type").orElse("application/octet-stream"));
            case 404 -> new NextDocument.NoMore();
            case 503 -> new NextDocument.RetryLater(retryAfter(response));
            default -> throw new ScanException(ScanError.DEVICE_ERROR, "NextDocument: HTTP " + response.statusCode());
        };
    }

    void cancel(URI job) throws ScanException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(job).timeout(Duration.ofSeconds(5)).DELETE().build();
        send(request);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        try {
            return response.headers().firstValue("Retry-After").map(Long::parseLong).map(Duration::ofSeconds)
                    .map(after -> after.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : after)
                    .orElse(Duration.ofMillis(500));
        } catch (NumberFormatException e) {
            return Duration.ofMillis(500);
        }
    }

    private static HttpRequest get(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    }

    private static byte[] expectOk(HttpResponse<byte[]> response, String what) throws ScanException {
        if (response.statusCode() == 503) {
            throw new ScanException(ScanError.BUSY, what + ": 503");
        }
        if (response.statusCode() != 200) {
            throw new ScanException(ScanError.DEVICE_ERROR, what + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws ScanException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ScanException(ScanError.OFFLINE, request.method() + " " + request.uri().getPath()
                    + ": scanner unreachable", e);
        } catch (HttpTimeoutException e) {
            throw new ScanException(ScanError.DRIVER_HUNG, request.method() + " " + request.uri().getPath()
                    + ": no answer within " + request.timeout().orElse(null), e);
        } catch (javax.net.ssl.SSLException e) {
            // Usually the MFP's self-signed certificate, not yet imported into the trust store.
            throw new ScanException(ScanError.DEVICE_ERROR, request.method() + " " + request.uri().getPath()
                    + ": TLS failed (certificate not trusted?): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ScanException(ScanError.OFFLINE, request.method() + " " + request.uri().getPath() + ": " + e, e);
        }
    }
}
