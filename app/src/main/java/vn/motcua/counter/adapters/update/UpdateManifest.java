package vn.motcua.counter.adapters.update;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The hub's update manifest (format 1, docs/decisions/0902-updates.md). Read only after its signature was checked.
 *
 * @param packages one per kind of installation ({@code deb}, {@code msi}); a relative {@code url} is resolved
 *     against the manifest's address
 */
public record UpdateManifest(int format, String product, String version, String released, String notes,
                             List<Package> packages) {

    public static final String PRODUCT = "motcua-counter";

    public record Package(String kind, String url, long size, String sha256) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // later formats may add fields
            .build();

    static UpdateManifest parse(byte[] json) throws IOException {
        UpdateManifest manifest = JSON.readValue(json, UpdateManifest.class);
        if (manifest.format() != 1 || !PRODUCT.equals(manifest.product()) || manifest.version() == null
                || !manifest.version().matches("\\d+(\\.\\d+){0,3}") || manifest.packages() == null) {
            throw new IOException("not a format 1 manifest of " + PRODUCT + " with a version and packages");
        }
        for (Package p : manifest.packages()) {
            if (p.kind() == null || p.url() == null || p.size() <= 0 || p.sha256() == null
                    || !p.sha256().matches("[0-9a-f]{64}")) {
                throw new IOException("a package needs kind, url, size and a lower-case hex sha256");
            }
        }
        return manifest;
    }

    Optional<Package> packageFor(String kind) {
        return packages.stream().filter(p -> p.kind().equals(kind)).findFirst();
    }

    /** Compares dotted versions by number ({@code 0.10.0} is newer than {@code 0.9.1}); a suffix is ignored. */
    static int compare(String a, String b) {
        int[] x = numbers(a);
        int[] y = numbers(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.split("-", 2)[0].split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
