package vn.motcua.sync.client;

import vn.motcua.sync.wire.Api;

/**
 * Applies one change of the hub's feed (in the application's own transaction). The cursor moves past a page only
 * after the handler returned for every change of it, so after a crash a change may come again: use {@code seq}
 * to recognise one already applied.
 */
@FunctionalInterface
public interface ChangeHandler {
    void apply(Api.Change change) throws Exception;
}
