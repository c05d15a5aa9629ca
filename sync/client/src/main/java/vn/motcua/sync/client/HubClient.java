package vn.motcua.sync.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import vn.motcua.sync.client.SyncException.Kind;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.DossierManifest;
import vn.motcua.sync.wire.ErrorCode;
import vn.motcua.sync.wire.FileRef;
import vn.motcua.sync.wire.Keys;
import vn.motcua.sync.wire.PackageException;
import vn.motcua.sync.wire.Receipt;
import vn.motcua.sync.wire.UsbPackage;
import vn.motcua.sync.wire.WireFormatException;
import vn.motcua.sync.wire.WireJson;

/**
 * The counter's side of the protocol ({@code sync/PROTOCOL.md}) over OkHttp. One instance per hub; thread-safe for
 * separate dossiers, but one delivery of a given file at a time. It never retries on its own beyond resuming a cut
 * upload a bounded number of times within one {@link #deliver}; the caller's runner retries with {@link Backoff}.
 */
public final class HubClient implements Closeable {

    static final String TUS = "1.0.0";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType OFFSET_STREAM = MediaType.get("application/offset+octet-stream");
    /** The largest file {@link #download(FileRef)} holds in one array. */
    private static final long MAX_IN_MEMORY = Integer.MAX_VALUE - 16;

    private final HttpUrl base;
    private final OkHttpClient http;
    private final SyncState state;
    private final Throttle throttle;
    private final ChunkSizer chunks;
    private final int maxCuts;
    private final int parallelFiles;

    private HubClient(Builder b) {
        HttpUrl url = HttpUrl.get(b.hubUrl.toString());
        this.base = url.newBuilder().encodedPath("/").build().resolve(url.encodedPath().endsWith("/")
                ? url.encodedPath() : url.encodedPath() + "/");
        this.state = Objects.requireNonNull(b.state, "state is required");
        this.throttle = new Throttle(b.bandwidth);
        this.chunks = new ChunkSizer(b.chunkSize, Math.max(b.chunkSize, b.maxChunkSize));
        this.maxCuts = b.maxCuts;
        this.parallelFiles = b.parallelFiles;
        OkHttpClient.Builder h = new OkHttpClient.Builder()
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .writeTimeout(b.writeTimeout)
                .callTimeout(Duration.ZERO)
                .retryOnConnectionFailure(false)
                .followRedirects(false);
        ProxySettings p = b.proxy;
        switch (p.mode()) {
            case DIRECT -> h.proxy(Proxy.NO_PROXY);
            case SYSTEM -> h.proxySelector(ProxySelector.getDefault());
            case HTTP -> {
                h.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port())));
                if (p.user() != null && !p.user().isEmpty()) {
                    String credential = Credentials.basic(p.user(), p.password() == null ? "" : p.password(),
                            StandardCharsets.UTF_8);
                    h.proxyAuthenticator((route, response) -> {
                        if (response.request().header("Proxy-Authorization") != null) {
                            return null; // refused once: give up
                        }
                        return response.request().newBuilder().header("Proxy-Authorization", credential).build();
                    });
                }
            }
        }
        if (b.pinnedCa != null) {
            X509TrustManager tm = trustOnly(b.pinnedCa);
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {tm}, null);
                h.sslSocketFactory(ctx.getSocketFactory(), tm);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot set up TLS with the pinned CA", e);
            }
        }
        this.http = h.build();
    }

    public static Builder builder(URI hubUrl) {
        return new Builder(hubUrl);
    }

    public static final class Builder {
        private final URI hubUrl;
        private Path pinnedCa;
        private ProxySettings proxy = ProxySettings.system();
        private long bandwidth;
        private SyncState state;
        private int chunkSize = 256 * 1024;
        private int maxChunkSize = 4 * 1024 * 1024;
        private int maxCuts = 8;
        private int parallelFiles = 1;
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration writeTimeout = Duration.ofSeconds(60);

        private Builder(URI hubUrl) {
            this.hubUrl = Objects.requireNonNull(hubUrl);
        }

        /** Trust only the CA certificate(s) in this PEM file for the hub's TLS; null: the JDK's default trust. */
        public Builder pinnedCa(Path pemFile) {
            this.pinnedCa = pemFile;
            return this;
        }

        public Builder proxy(ProxySettings proxy) {
            this.proxy = Objects.requireNonNull(proxy);
            return this;
        }

        /** A cap on request bodies in bytes per second (token bucket); 0: no cap. */
        public Builder bandwidth(long bytesPerSecond) {
            if (bytesPerSecond < 0) {
                throw new IllegalArgumentException("bandwidth must be >= 0");
            }
            this.bandwidth = bytesPerSecond;
            return this;
        }

        public Builder state(SyncState state) {
            this.state = state;
            return this;
        }

        /**
         * The first and smallest tus PATCH; later ones grow to about {@link ChunkSizer#TARGET_SECONDS} of the
         * measured link, up to {@link #maxChunkSize}. A cut re-sends at most what was in flight, never more than one
         * PATCH. Default 256 KiB.
         */
        public Builder chunkSize(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("chunk size below 1 KiB");
            }
            this.chunkSize = bytes;
            return this;
        }

        /** The largest tus PATCH (default 4 MiB); at or below {@link #chunkSize}, every PATCH is that size. */
        public Builder maxChunkSize(int bytes) {
            this.maxChunkSize = bytes;
            return this;
        }

        /** How many cuts one {@link HubClient#deliver} resumes from before it gives up (TRANSIENT). Default 8. */
        public Builder maxCuts(int cuts) {
            this.maxCuts = cuts;
            return this;
        }

        /**
         * How many files of one delivery go at once, each on its own connection (default 1). Two fill the round-trip
         * gaps of stop-and-wait chunks on a long-delay link; the state must then take writes from two threads.
         */
        public Builder parallelFiles(int n) {
            if (n < 1 || n > 4) {
                throw new IllegalArgumentException("parallel files: 1 to 4");
            }
            this.parallelFiles = n;
            return this;
        }

        public Builder timeouts(Duration connect, Duration read, Duration write) {
            this.connectTimeout = connect;
            this.readTimeout = read;
            this.writeTimeout = write;
            return this;
        }

        public HubClient build() {
            return new HubClient(this);
        }
    }

    // ---------------------------------------------------------------- enrolment

    public boolean enrolled() {
        return state.credential().isPresent();
    }

    public java.util.Optional<CounterCredential> credential() {
        return state.credential();
    }

    /**
     * Exchanges the enrolment code for the counter's credential and stores it. When already enrolled, returns the
     * stored credential without calling the hub (a code is single-use). The key pair is made once and kept in the
     * state (the pending enrolment) before the request leaves; every retry for the same counter name sends it
     * again, so a retry after a lost answer gets the same counter from the hub, not a refusal. The credential's
     * arrival clears the pending enrolment in the same write.
     */
    public CounterCredential enrol(String enrolmentCode, String counterName) throws SyncException {
        var existing = state.credential();
        if (existing.isPresent()) {
            return existing.get();
        }
        return exchange(enrolmentCode, counterName);
    }

    /**
     * Enrols again with a new code although a credential is stored: the hub revoked it, and re-enrolling the same
     * counter name keeps the counter's identity and dossiers there. The stored credential is replaced only when the
     * hub answers with a new one; a refused code leaves it as it was.
     */
    public CounterCredential reenrol(String enrolmentCode, String counterName) throws SyncException {
        return exchange(enrolmentCode, counterName);
    }

    private CounterCredential exchange(String enrolmentCode, String counterName) throws SyncException {
        if (enrolmentCode == null || enrolmentCode.isBlank()) {
            throw new SyncException(Kind.BLOCKED, SyncException.NOT_ENROLLED, "no enrolment code");
        }
        SyncState.PendingEnrolment pending = state.pendingEnrolment()
                .filter(p -> java.util.Objects.equals(p.counterName(), counterName))
                .orElseGet(() -> {
                    var made = new SyncState.PendingEnrolment(counterName, Keys.generate());
                    state.savePendingEnrolment(made);
                    return made;
                });
        KeyPair key = pending.counterKey();
        byte[] body = WireJson.write(new Api.EnrolRequest(enrolmentCode.strip(), counterName, Keys.encode(key.getPublic())));
        Request req = new Request.Builder().url(api("enrol")).post(RequestBody.create(body, JSON)).build();
        try (Response r = call(req)) {
            if (r.code() != 201 && r.code() != 200) {
                throw failure(r);
            }
            Api.EnrolResponse e = readJson(r, Api.EnrolResponse.class);
            CounterCredential c;
            try {
                c = new CounterCredential(e.counterId(), e.token(), key, Keys.decodePublic(e.hubPublicKey()));
            } catch (WireFormatException ex) {
                throw new SyncException(Kind.TRANSIENT, SyncException.SERVER, "hub public key: " + ex.getMessage(), ex);
            }
            if (c.counterId() == null || c.token() == null) {
                throw new SyncException(Kind.TRANSIENT, SyncException.SERVER, "enrolment answer without id or token");
            }
            state.saveCredential(c);
            return c;
        }
    }

    // ---------------------------------------------------------------- delivery

    /**
     * Puts the manifest; when the hub answers which files it lacks, uploads those (tus, resumable, offset kept in
     * the state after each acknowledged chunk) and puts it again. Asking with the manifest costs one round trip for
     * all files, where asking for each file costs one per file. Same manifest again: the hub's same answer.
     */
    public Api.ManifestAccepted deliver(DossierManifest manifest, Map<String, Path> filesBySha256,
                                        DeliveryProgress progress) throws SyncException {
        return deliver(manifest, FileSource.of(filesBySha256), progress);
    }

    /**
     * {@link #deliver(DossierManifest, Map, DeliveryProgress)} reading the files from {@code filesBySha256}, such as
     * a content store that keeps them encrypted: the hub receives the plaintext, whose SHA-256 the manifest names.
     */
    public Api.ManifestAccepted deliver(DossierManifest manifest, FileSource filesBySha256,
                                        DeliveryProgress progress) throws SyncException {
        CounterCredential c = requireCredential();
        DeliveryProgress p = progress == null ? DeliveryProgress.NONE : progress;
        Map<String, FileRef> files = new LinkedHashMap<>();
        for (FileRef f : manifest.files()) {
            files.putIfAbsent(f.sha256(), f);
        }
        long total = files.values().stream().mapToLong(FileRef::size).sum();
        for (FileRef f : files.values()) {
            sizeOf(filesBySha256, f);
        }
        Cuts cuts = new Cuts(maxCuts);
        byte[] body = WireJson.write(manifest);
        for (int attempt = 0; ; attempt++) {
            Request req = authed(c, api("dossiers/" + manifest.code())).put(RequestBody.create(body, JSON)).build();
            List<FileRef> missing = new ArrayList<>();
            try (Response r = callCounting(req, cuts)) {
                if (r == null) {
                    continue; // a cut: put again (idempotent)
                }
                if (r.code() == 200) {
                    p.progress(total, total);
                    return readJson(r, Api.ManifestAccepted.class);
                }
                Api.Error e = errorOf(r);
                if (r.code() != 409 || e == null || !ErrorCode.MISSING_FILES.equals(e.error()) || e.missing() == null
                        || attempt > 2) {
                    throw failure(r, e);
                }
                for (String sha : e.missing()) {
                    FileRef f = files.get(sha);
                    if (f == null) {
                        throw new SyncException(Kind.TRANSIENT, SyncException.SERVER,
                                "hub asks for a file the manifest does not name: " + sha);
                    }
                    if (attempt > 0) {
                        state.forgetUpload(sha); // uploaded, yet the hub lacks it: send it whole again
                    }
                    missing.add(f);
                }
            }
            long held = total - missing.stream().mapToLong(FileRef::size).sum();
            java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong(held);
            p.progress(held, total);
            java.util.function.LongConsumer advance = delta -> p.progress(done.addAndGet(delta), total);
            if (parallelFiles <= 1 || missing.size() < 2) {
                for (FileRef f : missing) {
                    uploadFile(c, f, filesBySha256, advance, cuts);
                }
            } else {
                uploadInParallel(c, missing, filesBySha256, advance, cuts);
            }
        }
    }

    private static long sizeOf(FileSource files, FileRef f) throws SyncException {
        long size;
        try {
            size = files.size(f);
        } catch (IOException e) {
            throw new SyncException(Kind.PERMANENT, SyncException.FILE_MISSING, f.name() + ": " + e.getMessage(), e);
        }
        if (size < 0) {
            throw new SyncException(Kind.PERMANENT, SyncException.FILE_MISSING, "no local file for " + f.sha256()
                    + " (" + f.name() + ")");
        }
        return size;
    }

    /** Counts connection failures within one delivery; past the bound the delivery gives up as TRANSIENT. */
    private static final class Cuts {
        final int max;
        int seen;

        Cuts(int max) {
            this.max = max;
        }

        synchronized void cut(SyncException e) throws SyncException {
            if (e.kind() != Kind.TRANSIENT || ++seen > max) {
                throw e;
            }
        }
    }

    /** Up to {@code parallelFiles} files at once, each on its own connection: one's round trips fill the other's gaps. */
    private void uploadInParallel(CounterCredential c, List<FileRef> list, FileSource paths,
                                  java.util.function.LongConsumer advance, Cuts cuts) throws SyncException {
        java.util.concurrent.ConcurrentLinkedQueue<FileRef> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(list);
        java.util.function.LongConsumer safe = d -> {
            synchronized (advance) {
                advance.accept(d);
            }
        };
        List<java.util.concurrent.Future<Void>> futures = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sync-upload-", 0).factory())) {
            for (int i = 0; i < Math.min(parallelFiles, list.size()); i++) {
                futures.add(pool.submit(() -> {
                    FileRef f;
                    while ((f = queue.poll()) != null) {
                        uploadFile(c, f, paths, safe, cuts);
                    }
                    return null;
                }));
            }
            SyncException first = null;
            for (var fu : futures) {
                try {
                    fu.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof SyncException se ? se
                                : new SyncException(Kind.TRANSIENT, SyncException.LOCAL, String.valueOf(e.getCause()), e.getCause());
                        queue.clear();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.forEach(x -> x.cancel(true));
                    throw new SyncException(Kind.TRANSIENT, SyncException.LOCAL, "interrupted", e);
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private void uploadFile(CounterCredential c, FileRef f, FileSource path, java.util.function.LongConsumer advance,
                            Cuts cuts) throws SyncException {
        long size = sizeOf(path, f);
        if (size != f.size()) {
            throw new SyncException(Kind.PERMANENT, SyncException.FILE_CHANGED,
                    f.name() + ": " + size + " bytes, the manifest says " + f.size());
        }
        long[] reported = {0};
        java.util.function.LongConsumer at = o -> {
            advance.accept(o - reported[0]);
            reported[0] = o;
        };
        boolean restarted = false;
        while (true) {
            var saved = state.upload(f.sha256());
            String url;
            long offset;
            if (saved.isPresent()) {
                url = saved.get().url();
                Long o = headOffset(c, url, cuts);
                if (o == null) {
                    state.forgetUpload(f.sha256());
                    continue;
                }
                offset = o;
            } else {
                url = create(c, f, cuts);
                offset = 0;
                state.saveUpload(new SyncState.Upload(f.sha256(), url, 0));
            }
            at.accept(offset);
            boolean finished = false;
            boolean mismatch = false;
            while (offset < size) {
                int len = chunks.lengthFor(size - offset);
                Request req = authed(c, HttpUrl.get(url))
                        .header("Upload-Offset", Long.toString(offset))
                        .patch(new ChunkBody(path, f, offset, len, throttle)).build();
                long started = System.nanoTime();
                Response r = callCounting(req, cuts);
                if (r == null) {
                    Long o = headOffset(c, url, cuts);
                    if (o == null) {
                        state.forgetUpload(f.sha256());
                        break;
                    }
                    offset = o;
                    state.saveUpload(new SyncState.Upload(f.sha256(), url, offset));
                    continue;
                }
                try (r) {
                    if (r.code() == 204) {
                        chunks.answered(len, System.nanoTime() - started);
                        long next = parseOffset(r, offset + len);
                        offset = next;
                        state.saveUpload(new SyncState.Upload(f.sha256(), url, offset));
                        at.accept(offset);
                        if (offset >= size) {
                            finished = true;
                        }
                        continue;
                    }
                    Api.Error e = errorOf(r);
                    String code = e == null ? null : e.error();
                    if (r.code() == 409 && ErrorCode.UPLOAD_CONFLICT.equals(code)) {
                        Long o = headOffset(c, url, cuts);
                        if (o == null) {
                            state.forgetUpload(f.sha256());
                            break;
                        }
                        offset = o;
                        continue;
                    }
                    if (r.code() == 404) {
                        state.forgetUpload(f.sha256());
                        break;
                    }
                    if (r.code() == 460 || ErrorCode.CHECKSUM_MISMATCH.equals(code)) {
                        state.forgetUpload(f.sha256());
                        mismatch = true;
                        break;
                    }
                    throw failure(r, e);
                }
            }
            if (mismatch) {
                if (restarted || !sha256Of(path, f).equals(f.sha256())) {
                    throw new SyncException(Kind.PERMANENT, SyncException.FILE_CHANGED,
                            f.name() + ": the file's SHA-256 is not the one the manifest names");
                }
                restarted = true;
                continue;
            }
            if (offset >= size && (finished || saved.isPresent() || size == 0)) {
                if (size == 0 && !finished) {
                    // an empty file: the creation alone completes it at the hub
                }
                state.forgetUpload(f.sha256());
                at.accept(size);
                return;
            }
            // the upload vanished at the hub: start it again
        }
    }

    private String create(CounterCredential c, FileRef f, Cuts cuts) throws SyncException {
        String meta = "sha256 " + Base64.getEncoder().encodeToString(f.sha256().getBytes(StandardCharsets.US_ASCII));
        while (true) {
            Request req = authed(c, api("uploads/"))
                    .header("Upload-Length", Long.toString(f.size()))
                    .header("Upload-Metadata", meta)
                    .post(RequestBody.create(new byte[0], null)).build();
            Response r = callCounting(req, cuts);
            if (r == null) {
                continue; // a lost creation leaves an orphan upload at the hub, which it expires
            }
            try (r) {
                if (r.code() == 201) {
                    String loc = r.header("Location");
                    HttpUrl u = loc == null ? null : r.request().url().resolve(loc);
                    if (u == null) {
                        throw new SyncException(Kind.TRANSIENT, SyncException.SERVER, "upload created without a Location");
                    }
                    return u.toString();
                }
                throw failure(r);
            }
        }
    }

    /** The hub's offset for an upload, or null when the hub no longer has it. */
    private Long headOffset(CounterCredential c, String url, Cuts cuts) throws SyncException {
        while (true) {
            Response r = callCounting(authed(c, HttpUrl.get(url)).head().build(), cuts);
            if (r == null) {
                continue;
            }
            try (r) {
                if (r.code() == 200 || r.code() == 204) {
                    return parseOffset(r, -1);
                }
                if (r.code() == 404 || r.code() == 410) {
                    return null;
                }
                throw failure(r);
            }
        }
    }

    private static long parseOffset(Response r, long fallback) throws SyncException {
        String h = r.header("Upload-Offset");
        try {
            if (h != null) {
                long v = Long.parseLong(h.strip());
                if (v >= 0) {
                    return v;
                }
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        if (fallback >= 0) {
            return fallback;
        }
        throw new SyncException(Kind.TRANSIENT, SyncException.SERVER, "no valid Upload-Offset from the hub");
    }

    /** A request body of one chunk of a file, read from disk as it goes, through the bandwidth cap. */
    private static final class ChunkBody extends RequestBody {
        private final FileSource path;
        private final FileRef file;
        private final long offset;
        private final int length;
        private final Throttle throttle;

        ChunkBody(FileSource path, FileRef file, long offset, int length, Throttle throttle) {
            this.path = path;
            this.file = file;
            this.offset = offset;
            this.length = length;
            this.throttle = throttle;
        }

        @Override
        public MediaType contentType() {
            return OFFSET_STREAM;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            byte[] buf = new byte[8192];
            try (InputStream f = path.open(file)) {
                f.skipNBytes(offset);
                int left = length;
                while (left > 0) {
                    int n = f.read(buf, 0, Math.min(buf.length, left));
                    if (n < 0) {
                        throw new IOException(file.name() + " became shorter while sending");
                    }
                    throttle.acquire(n);
                    sink.write(buf, 0, n);
                    left -= n;
                }
            }
        }
    }

    // ---------------------------------------------------------------- changes feed and downloads

    /**
     * Reads the feed from the stored cursor, page by page, and hands each change to the handler; the cursor is
     * stored after the handler returned for a whole page. Returns how many changes were handed over.
     */
    public int pullChanges(ChangeHandler handler) throws SyncException {
        CounterCredential c = requireCredential();
        int applied = 0;
        for (int pages = 0; pages < 10_000; pages++) {
            String cursor = state.cursor().orElse(null);
            HttpUrl.Builder u = api("changes").newBuilder().addQueryParameter("limit", "200");
            if (cursor != null) {
                u.addQueryParameter("after", cursor);
            }
            Api.ChangesPage page;
            try (Response r = call(authed(c, u.build()).get().build())) {
                if (r.code() != 200) {
                    throw failure(r);
                }
                page = readJson(r, Api.ChangesPage.class);
            }
            if (page.changes() == null || page.cursor() == null) {
                throw new SyncException(Kind.TRANSIENT, SyncException.SERVER, "a changes page without changes or cursor");
            }
            for (Api.Change ch : page.changes()) {
                try {
                    handler.apply(ch);
                } catch (Exception e) {
                    throw new SyncException(Kind.TRANSIENT, SyncException.LOCAL,
                            "applying change " + ch.seq() + " failed: " + e.getMessage(), e);
                }
                applied++;
            }
            if (!page.cursor().equals(cursor)) {
                state.saveCursor(page.cursor());
            }
            if (page.changes().isEmpty()) {
                return applied;
            }
        }
        return applied;
    }

    /** Downloads a file the hub names (a result), checks size and SHA-256, and moves it into place atomically. */
    public Path download(FileRef ref, Path target) throws SyncException {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".download-", ".part");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    receive(ref, out);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw linkLost(e);
        }
    }

    /**
     * Downloads a file the hub names (a result) into memory, its size and SHA-256 checked: for a caller that keeps
     * files only encrypted and must not leave a plain copy on disk, not even a temporary one. Files larger than a Java
     * array can hold are refused as too large.
     */
    public byte[] download(FileRef ref) throws SyncException {
        if (ref.size() < 0 || ref.size() > MAX_IN_MEMORY) {
            throw new SyncException(Kind.PERMANENT, SyncException.TOO_LARGE, ref.name() + ": " + ref.size() + " bytes");
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) ref.size());
        receive(ref, out);
        return out.toByteArray();
    }

    /**
     * GETs the blob into {@code out}; throws when more bytes come than announced or the SHA-256 differs (the caller
     * throws away what it was written).
     */
    private void receive(FileRef ref, OutputStream out) throws SyncException {
        CounterCredential c = requireCredential();
        // identity: files are JPEG/PDF already, nothing to gain from compression
        try (Response r = call(authed(c, api("blobs/" + ref.sha256())).header("Accept-Encoding", "identity").get().build())) {
            if (r.code() != 200) {
                throw failure(r);
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            long n = 0;
            try (InputStream in = r.body().byteStream()) {
                byte[] buf = new byte[65536];
                int k;
                while ((k = in.read(buf)) >= 0) {
                    n += k;
                    if (n > ref.size()) {
                        break;
                    }
                    md.update(buf, 0, k);
                    out.write(buf, 0, k);
                }
            }
            if (n != ref.size() || !HexFormat.of().formatHex(md.digest()).equals(ref.sha256())) {
                throw new SyncException(Kind.TRANSIENT, SyncException.SERVER,
                        "downloaded " + ref.name() + " does not match its SHA-256 or size");
            }
        } catch (IOException e) {
            throw linkLost(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- USB

    /** Writes the dossiers with their files as one signed, encrypted package {@code *.mcpkg} into the folder. */
    public Path exportPackage(List<Outgoing> dossiers, Path folder) throws SyncException {
        Map<String, Path> files = new HashMap<>();
        dossiers.forEach(o -> files.putAll(o.filesBySha256()));
        return exportPackage(dossiers.stream().map(Outgoing::manifest).toList(), FileSource.of(files), folder);
    }

    /**
     * Writes the manifests with the files they name, read from {@code files} (each once), as one signed package
     * encrypted for the hub, {@code *.mcpkg}, into the folder.
     */
    public Path exportPackage(List<DossierManifest> manifests, FileSource files, Path folder) throws SyncException {
        CounterCredential c = requireCredential();
        String id = UUID.randomUUID().toString();
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve("motcua-" + c.counterId() + "-" + id + UsbPackage.EXTENSION);
            Path tmp = folder.resolve("." + id + ".part");
            try {
                try (OutputStream out = Files.newOutputStream(tmp);
                     UsbPackage.Writer w = UsbPackage.write(out, c.counterKey(), c.hubPublicKey(),
                             new UsbPackage.Header(id, c.counterId(), OffsetDateTime.now(ZoneOffset.UTC)))) {
                    Set<String> written = new HashSet<>();
                    for (DossierManifest manifest : manifests) {
                        for (FileRef f : manifest.files()) {
                            if (written.add(f.sha256())) {
                                try (InputStream in = files.open(f)) {
                                    w.addFile(f.sha256(), in);
                                }
                            }
                        }
                        w.addManifest(manifest);
                    }
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new SyncException(Kind.TRANSIENT, SyncException.LOCAL, "writing the package: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the hub's receipt file, checks that the hub signed it for this counter, and returns it: each entry says
     * which revision of which dossier the hub accepted (or why not).
     */
    public Receipt importReceipt(Path receiptFile) throws SyncException {
        CounterCredential c = requireCredential();
        Receipt receipt;
        try {
            receipt = Receipt.verify(Files.readAllBytes(receiptFile), c.hubPublicKey());
        } catch (IOException e) {
            throw new SyncException(Kind.PERMANENT, SyncException.RECEIPT, receiptFile + ": " + e.getMessage(), e);
        } catch (PackageException e) {
            throw new SyncException(Kind.PERMANENT, SyncException.RECEIPT, "not a receipt signed by this hub", e);
        }
        if (!c.counterId().equals(receipt.counterId())) {
            throw new SyncException(Kind.PERMANENT, SyncException.RECEIPT, "the receipt is for another counter");
        }
        return receipt;
    }

    // ---------------------------------------------------------------- plumbing

    private CounterCredential requireCredential() throws SyncException {
        return state.credential().orElseThrow(() ->
                new SyncException(Kind.BLOCKED, SyncException.NOT_ENROLLED, "this counter is not enrolled"));
    }

    private HttpUrl api(String path) {
        return base.resolve("api/v1/" + path);
    }

    private static Request.Builder authed(CounterCredential c, HttpUrl url) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + c.token())
                .header("Tus-Resumable", TUS);
    }

    private Response call(Request req) throws SyncException {
        try {
            return http.newCall(req).execute();
        } catch (IOException e) {
            throw linkLost(e);
        }
    }

    /** A call whose connection failure counts as a cut (null) until the bound; other failures throw. */
    private Response callCounting(Request req, Cuts cuts) throws SyncException {
        try {
            Response r = http.newCall(req).execute();
            if (r.code() >= 500 || r.code() == 429) {
                try (r) {
                    cuts.cut(failure(r));
                }
                return null;
            }
            return r;
        } catch (IOException e) {
            cuts.cut(linkLost(e));
            return null;
        }
    }

    /**
     * A failed exchange: the idle pooled connections went through the same link and are likely dead too (a
     * GET on one of them would fail at once, as retries on connection failure are off), so they are dropped.
     */
    private SyncException linkLost(IOException e) {
        http.connectionPool().evictAll();
        return ioFailure(e);
    }

    static SyncException ioFailure(IOException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof SSLPeerUnverifiedException || t instanceof java.security.cert.CertificateException
                    || t instanceof SSLHandshakeException) {
                return new SyncException(Kind.BLOCKED, SyncException.CERTIFICATE,
                        "the hub's TLS certificate is not trusted: " + e.getMessage(), e);
            }
            t = t.getCause();
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new SyncException(Kind.TRANSIENT, SyncException.TIMEOUT, e.toString(), e);
        }
        if (e instanceof SSLException) {
            return new SyncException(Kind.TRANSIENT, SyncException.OFFLINE, e.toString(), e);
        }
        return new SyncException(Kind.TRANSIENT, SyncException.OFFLINE, e.toString(), e);
    }

    private <T> T readJson(Response r, Class<T> type) throws SyncException {
        try {
            ResponseBody b = r.body();
            return WireJson.read(b.bytes(), type);
        } catch (IOException e) {
            throw linkLost(e);
        } catch (WireFormatException | RuntimeException e) {
            throw new SyncException(Kind.TRANSIENT, SyncException.SERVER, "the hub's answer is not understood: "
                    + e.getMessage(), e);
        }
    }

    private static Api.Error errorOf(Response r) {
        try {
            byte[] b = r.body().bytes();
            if (b.length == 0 || b.length > 1 << 20) {
                return null;
            }
            Api.Error e = WireJson.read(b, Api.Error.class);
            return e.error() == null ? null : e;
        } catch (IOException | WireFormatException | RuntimeException e) {
            return null;
        }
    }

    private SyncException failure(Response r) {
        return failure(r, errorOf(r));
    }

    static SyncException failure(Response r, Api.Error e) {
        int s = r.code();
        String code = e == null ? null : e.error();
        String msg = e == null ? "HTTP " + s : e.message();
        Duration retryAfter = null;
        String ra = r.header("Retry-After");
        if (ra != null) {
            try {
                retryAfter = Duration.ofSeconds(Long.parseLong(ra.strip()));
            } catch (NumberFormatException ignored) {
                // an HTTP date: ignore
            }
        }
        if (s == 429 || ErrorCode.BUSY.equals(code) || s == 503) {
            return new SyncException(Kind.TRANSIENT, SyncException.BUSY, msg, null, retryAfter, null);
        }
        if (s >= 500) {
            return new SyncException(Kind.TRANSIENT, SyncException.SERVER, msg);
        }
        if (code == null && "HEAD".equals(r.request().method())) {
            // HEAD answers carry no body: the only refusals a HEAD can meet are these
            if (s == 401) {
                return new SyncException(Kind.BLOCKED, SyncException.UNAUTHENTICATED, "HTTP 401");
            }
            if (s == 403) {
                return new SyncException(Kind.BLOCKED, SyncException.REVOKED, "HTTP 403");
            }
            if (s == 426) {
                return new SyncException(Kind.BLOCKED, SyncException.UPGRADE, "HTTP 426");
            }
        }
        if (code == null) {
            // a 4xx without our error body: a proxy or something else answering; the link, not the dossier
            if (s == 407) {
                return new SyncException(Kind.BLOCKED, SyncException.OFFLINE, "proxy authentication refused");
            }
            return new SyncException(Kind.TRANSIENT, SyncException.SERVER, "HTTP " + s + " without a protocol error");
        }
        return switch (code) {
            case ErrorCode.UNAUTHENTICATED -> new SyncException(Kind.BLOCKED, SyncException.UNAUTHENTICATED, msg);
            case ErrorCode.COUNTER_REVOKED -> new SyncException(Kind.BLOCKED, SyncException.REVOKED, msg);
            case ErrorCode.ENROLMENT_REFUSED -> new SyncException(Kind.BLOCKED, SyncException.ENROLMENT_REFUSED, msg);
            case ErrorCode.UPGRADE_REQUIRED -> new SyncException(Kind.BLOCKED, SyncException.UPGRADE, msg);
            case ErrorCode.MANIFEST_CONFLICT -> new SyncException(Kind.PERMANENT, SyncException.CONFLICT, msg);
            case ErrorCode.BAD_MANIFEST -> new SyncException(Kind.PERMANENT, SyncException.BAD_MANIFEST, msg,
                    e.field(), null, null);
            case ErrorCode.NOT_YOUR_DOSSIER -> new SyncException(Kind.PERMANENT, SyncException.NOT_YOUR_DOSSIER, msg);
            case ErrorCode.TOO_LARGE -> new SyncException(Kind.PERMANENT, SyncException.TOO_LARGE, msg);
            case ErrorCode.MISSING_FILES -> new SyncException(Kind.TRANSIENT, SyncException.SERVER,
                    "the hub still misses files: " + e.missing());
            default -> new SyncException(s >= 400 && s < 500 ? Kind.PERMANENT : Kind.TRANSIENT,
                    "sync.error." + code, msg, e.field(), null, null);
        };
    }

    static String sha256Of(FileSource files, FileRef f) throws SyncException {
        try {
            return digest(files.open(f), f.name());
        } catch (IOException e) {
            throw new SyncException(Kind.PERMANENT, SyncException.FILE_MISSING, f.name() + ": " + e.getMessage(), e);
        }
    }

    private static String digest(InputStream opened, String name) throws SyncException {
        try (InputStream in = opened) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) >= 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new SyncException(Kind.PERMANENT, SyncException.FILE_MISSING, name + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    static Certificate[] readPem(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(new Certificate[0]);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the pinned CA " + pem + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustOnly(Path pem) {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            Certificate[] certs = readPem(pem);
            if (certs.length == 0) {
                throw new IllegalArgumentException("no certificate in " + pem);
            }
            for (int i = 0; i < certs.length; i++) {
                ks.setCertificateEntry("ca" + i, certs[i]);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509TrustManager");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the pinned CA " + pem + ": " + e.getMessage(), e);
        }
    }
}
