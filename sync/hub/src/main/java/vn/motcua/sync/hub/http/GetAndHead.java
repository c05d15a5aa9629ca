package vn.motcua.sync.hub.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/**
 * Registers a GET route together with its HEAD. Javalin answers a HEAD of a GET route that has no HEAD route of its
 * own {@code 200} without running the handler at all: a HEAD of {@code /api/v1/changes} without a token, or of a
 * staff page without a session, said 200 where the GET says 401 or redirects. Running the GET handler for HEAD gives
 * the same status and headers; Jetty leaves out the body (RFC 9110 §9.3.2).
 */
final class GetAndHead {
    private GetAndHead() {
    }

    static void get(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }
}
