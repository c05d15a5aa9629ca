package vn.motcua.sync.hub.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/** A real S3 API server (S3Proxy over a folder) on a loopback port, with signed requests like a production store. */
public final class TestS3 implements AutoCloseable {
    public static final String ACCESS = "hub-test-access";
    public static final String SECRET = "hub-test-secret-key";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    public final URI endpoint;
    public final Path folder;

    public TestS3(Path folder) throws Exception {
        this.folder = folder;
        Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", folder.toString());
        context = ContextBuilder.newBuilder("filesystem").overrides(p).build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
        proxy.start();
        for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(50);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** The hub's settings to use this store. */
    public Map<String, String> env(Map<String, String> env, String bucket) {
        env.put("MOTCUA_HUB_S3_ENDPOINT", endpoint.toString());
        env.put("MOTCUA_HUB_S3_BUCKET", bucket);
        env.put("MOTCUA_HUB_S3_ACCESS_KEY", ACCESS);
        env.put("MOTCUA_HUB_S3_SECRET_KEY", SECRET);
        return env;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
