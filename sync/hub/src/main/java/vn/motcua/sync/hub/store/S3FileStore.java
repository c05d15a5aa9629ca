package vn.motcua.sync.hub.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files in an S3-compatible object store (MinIO, Ceph RGW, a cloud's S3…) through the AWS SDK v2, path-style so
 * that any endpoint works: {@code blobs/ab/<sha256>} and {@code uploads/<id>/<offset>}. An object PUT is atomic,
 * so a reader sees a whole file or none.
 */
public final class S3FileStore implements FileStore, AutoCloseable {
    private final S3Client s3;
    private final String bucket;
    private final URI endpoint;

    public S3FileStore(URI endpoint, String region, String bucket, String accessKey, String secretKey) {
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .forcePathStyle(true)
                // the SDK's default CRC32 checksum headers (since 2.30) are refused by many S3-compatible stores
                // (S3Proxy, older MinIO and Ceph); SigV4 already signs the payload's SHA-256
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(accessKey == null ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    /** Creates the bucket when it is missing (a pilot's fresh MinIO); production buckets are made by IT. */
    public S3FileStore ensureBucket() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchKeyException | software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            create();
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IOException("object store: " + e.statusCode(), e);
            }
            create();
        } catch (SdkException e) {
            throw new IOException("object store unreachable: " + e.getMessage(), e);
        }
        return this;
    }

    private void create() throws IOException {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw new IOException("cannot create bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    private static String blob(String sha256) {
        return "blobs/" + sha256.substring(0, 2) + "/" + sha256;
    }

    private static String part(String uploadId, long offset) {
        return "uploads/" + uploadId + "/" + offset;
    }

    @Override
    public void put(String sha256, Path file) throws IOException {
        putObject(blob(sha256), file);
    }

    private void putObject(String key, Path file) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("object store put failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String sha256) throws IOException {
        try {
            s3.headObject(b -> b.bucket(bucket).key(blob(sha256)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("object store: " + e.statusCode(), e);
        } catch (SdkException e) {
            throw new IOException("object store unreachable: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return get(blob(sha256));
    }

    private InputStream get(String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            throw new IOException("object store get failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void putPart(String uploadId, long offset, Path part) throws IOException {
        putObject(part(uploadId, offset), part);
    }

    @Override
    public InputStream openPart(String uploadId, long offset) throws IOException {
        return get(part(uploadId, offset));
    }

    @Override
    public void deletePart(String uploadId, long offset) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(part(uploadId, offset)));
        } catch (SdkException e) {
            throw new IOException("object store delete failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void check() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw new IOException("object store: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3 " + endpoint + " bucket " + bucket;
    }

    @Override
    public void close() {
        s3.close();
    }
}
