package vn.motcua.sync.hub.http;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.sync.hub.Hub;
import vn.motcua.sync.hub.service.Refusal;
import vn.motcua.sync.hub.store.Database;
import vn.motcua.sync.wire.Api;
import vn.motcua.sync.wire.ErrorCode;
import vn.motcua.sync.wire.WireJson;

/**
 * The hub's HTTP face on Javalin (Jetty 12): the counters' API, the staff page, {@code /health} and
 * {@code /metrics}. Every refusal becomes the protocol's error body; anything unexpected becomes a 500 with no
 * detail (the log has the cause, never personal data).
 */
public final class HubServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);
    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry(ErrorCode.ENROLMENT_REFUSED, 403), Map.entry(ErrorCode.UNAUTHENTICATED, 401),
            Map.entry(ErrorCode.COUNTER_REVOKED, 403), Map.entry(ErrorCode.CHECKSUM_MISMATCH, 460),
            Map.entry(ErrorCode.MANIFEST_CONFLICT, 409), Map.entry(ErrorCode.MISSING_FILES, 409),
            Map.entry(ErrorCode.NOT_YOUR_DOSSIER, 403), Map.entry(ErrorCode.BAD_MANIFEST, 400),
            Map.entry(ErrorCode.BAD_REQUEST, 400), Map.entry(ErrorCode.TOO_LARGE, 413),
            Map.entry(ErrorCode.NOT_FOUND, 404), Map.entry(ErrorCode.UPLOAD_CONFLICT, 409),
            Map.entry(ErrorCode.UPGRADE_REQUIRED, 426), Map.entry(ErrorCode.BUSY, 503));

    private final Javalin app;
    private final BulkLane bulk = new BulkLane();

    /** The JDK's property for how many platform threads carry the virtual ones; read once, at the first. */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    /**
     * Sets how many platform threads carry the requests' virtual threads, unless set with {@code -D}: to be called
     * before any virtual thread is started. The JDK's default is one per core. A virtual thread keeps its carrier until
     * it blocks, so with two carriers on two cores a manifest's handler waited behind every request started before it;
     * with at least eight the operating system shares the cores among them, and the files (on the lowered bulk lane)
     * give way. Under LoadBenchmark's burst this cut the manifests' median to about a third (decision 0705).
     */
    public static void setRequestCarriers() {
        if (System.getProperty(CARRIERS) == null) {
            System.setProperty(CARRIERS, Integer.toString(requestCarriers(Runtime.getRuntime().availableProcessors())));
        }
    }

    static int requestCarriers(int cores) {
        return Math.max(8, cores);
    }

    public HubServer(Hub hub, int port) {
        ApiRoutes api = new ApiRoutes(hub.counters(), hub.uploads(), hub.manifests(), hub.changes(), hub.metrics(),
                bulk);
        WebRoutes web = new WebRoutes(hub);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // a virtual thread per request: 200 counters streaming slow uploads never exhaust a pool that /health,
            // manifests and staff pages also need
            config.concurrency.useVirtualThreads = true;
            // our own connector for its accept queue: Jetty's default backlog (the JVM's 50) drops the connections of
            // a province's counters arriving at once (seen as connect time-outs in LoadBenchmark)
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(hub.config().bindAddress());
                connector.setPort(port);
                connector.setAcceptQueueSize(1024);
                return connector;
            });
            config.http.maxRequestSize = 64 * 1024; // forms; API bodies are read by their handlers with their own limits
            config.jetty.multipartConfig.cacheDirectory(hub.tmp().toString());
            config.jetty.multipartConfig.maxFileSize(200, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(2048, SizeUnit.MB);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.requestLogger.http((ctx, ms) -> {
                String route = route(ctx);
                hub.metrics().request(ctx.method().name(), route, ctx.statusCode(), ms / 1000.0);
                LOG.atDebug().addKeyValue("method", ctx.method().name()).addKeyValue("route", route)
                        .addKeyValue("status", ctx.statusCode()).addKeyValue("ms", ms).log("request");
            });
            config.routes.exception(Refusal.class, (r, ctx) -> refuse(ctx, r, web));
            config.routes.exception(WebRoutes.NotLoggedIn.class, (e, ctx) -> ctx.redirect("/dang-nhap"));
            config.routes.exception(ApiRoutes.TusVersionMismatch.class, (e, ctx) -> ctx.status(412)
                    .header("Tus-Version", ApiRoutes.TUS_VERSION).result(""));
            config.routes.exception(Database.StoreException.class, (e, ctx) -> {
                if (e.busy() && isApi(ctx)) {
                    LOG.atWarn().addKeyValue("route", route(ctx)).log("busy: no database connection came free");
                    ctx.header("Retry-After", "5");
                    error(ctx, 503, Api.Error.of(ErrorCode.BUSY, "the hub is busy; try again in a few seconds"));
                } else {
                    failed(ctx, e);
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> failed(ctx, e));
            config.routes.error(404, ctx -> {
                if (isApi(ctx) && !ctx.res().isCommitted()
                        && !"application/json; charset=utf-8".equals(ctx.res().getContentType())) {
                    error(ctx, 404, Api.Error.of(ErrorCode.NOT_FOUND, "no such resource"));
                }
            });
            GetAndHead.get(config.routes, "/health", ctx -> {
                Map<String, String> health = hub.health();
                boolean ok = health.values().stream().allMatch("ok"::equals);
                ctx.status(ok ? 200 : 503).contentType("application/json").result(WireJson.write(health));
            });
            GetAndHead.get(config.routes, "/metrics", ctx -> ctx.contentType(hub.metrics().contentType()).result(hub.metrics().scrape()));
            api.register(config.routes);
            web.register(config.routes);
            // last: any other /api/vN/… path; a version this hub does not speak is told so
            for (io.javalin.http.HandlerType method : new io.javalin.http.HandlerType[] {io.javalin.http.HandlerType.GET,
                    io.javalin.http.HandlerType.HEAD, io.javalin.http.HandlerType.POST, io.javalin.http.HandlerType.PUT,
                    io.javalin.http.HandlerType.PATCH, io.javalin.http.HandlerType.DELETE}) {
                config.routes.addHttpHandler(method, "/api/<rest>", HubServer::otherApi);
            }
        });
        app.start();
    }

    /** The matched route pattern (never the raw path, which may hold codes), for metrics and logs. */
    static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException noEndpoint) {
            return "unmatched";
        }
    }

    private static void failed(Context ctx, Exception e) {
        if (clientGone(e)) {
            // a counter on 3G losing its link mid-PATCH: normal, and tus resumes it; one line, no stack trace
            LOG.atInfo().addKeyValue("event", "client_gone").addKeyValue("route", route(ctx))
                    .addKeyValue("method", ctx.method().name()).addKeyValue("cause", rootCause(e))
                    .log("request body cut short by the client");
            if (!ctx.res().isCommitted()) {
                error(ctx, 400, Api.Error.of(ErrorCode.BAD_REQUEST, "the request body ended before its announced length"));
            }
            return;
        }
        LOG.atError().setCause(e).addKeyValue("route", route(ctx)).log("request failed");
        if (isApi(ctx)) {
            error(ctx, 500, Api.Error.of(ErrorCode.INTERNAL, "the hub could not finish this request; try again"));
        } else {
            ctx.status(500).html(Pages.problem("Có lỗi khi xử lý yêu cầu. Vui lòng thử lại; nếu lỗi còn, báo bộ phận CNTT."));
        }
    }

    /**
     * True when reading the request's body failed (Jetty's "Early EOF" when a client closes the connection before
     * its body is whole, a reset, an idle time-out on a stalled link): nothing of the request was applied, so it is
     * no failure of the hub's.
     */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiRoutes.ClientGone) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static void otherApi(Context ctx) {
        if (ctx.path().matches("/api/v[0-9]+/.*") && !ctx.path().startsWith(Api.PREFIX + "/")) {
            error(ctx, 426, Api.Error.of(ErrorCode.UPGRADE_REQUIRED, "this hub speaks protocol version 1"));
        } else {
            error(ctx, 404, Api.Error.of(ErrorCode.NOT_FOUND, "no such resource"));
        }
    }

    private static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    private static void refuse(Context ctx, Refusal r, WebRoutes web) {
        dropBody(ctx);
        if (!isApi(ctx)) {
            ctx.status(STATUS.getOrDefault(r.code(), 400)).html(web.problem(ctx, WebText.refusal(r)));
            return;
        }
        LOG.atInfo().addKeyValue("event", "refused").addKeyValue("error", r.code())
                .addKeyValue("route", route(ctx)).log("request refused");
        error(ctx, STATUS.getOrDefault(r.code(), 400), new Api.Error(r.code(), r.getMessage(), r.field(), r.missing()));
    }

    /** At most this much of a refused request's body is read and dropped before the answer (see {@link #dropBody}). */
    private static final long DROPPED = 8L * 1024 * 1024;

    /**
     * Reads what is left of a refused request's body (at most {@link #DROPPED} bytes) and drops it, before the answer
     * is written: a connection closed with a body still coming is reset, and the client, still sending, may never read
     * the refusal (an enrolment of 2 MB once ended so in {@code BadInputTest}) or meets the closed connection on its
     * next request. A refusal raised before or in the middle of reading a body is heard as well as one after it.
     */
    private static void dropBody(Context ctx) {
        byte[] sink = new byte[16 * 1024];
        try {
            InputStream in = ctx.req().getInputStream();
            for (long left = DROPPED; left > 0; ) {
                int n = in.read(sink, 0, (int) Math.min(sink.length, left));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        } catch (IOException gone) { // the client has gone: nobody hears the answer either way
        }
    }

    private static void error(Context ctx, int status, Api.Error body) {
        if (ctx.path().contains("/uploads")) {
            ctx.header("Tus-Resumable", ApiRoutes.TUS_VERSION);
        }
        ctx.status(status).contentType("application/json; charset=utf-8").result(WireJson.write(body));
    }

    public int port() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() {
        app.stop();
        bulk.close();
    }
}
