package vn.motcua.scanner.sane;

import java.util.Map;

/**
 * Backend-specific SANE options set before a page is started, by option name and value text ({@code "swdeskew"
 * -> "yes"}). Sites use it for a model's quirks; the tests use it to make the SANE test backend jam mid-batch.
 */
@FunctionalInterface
public interface SaneOptionOverrides {

    SaneOptionOverrides NONE = pageNumber -> Map.of();

    /**
     * Options to set before the given page (1-based) is requested; empty for none. They are set in the map's
     * iteration order: return a LinkedHashMap when one option activates another ("read-delay" before
     * "read-delay-duration").
     */
    Map<String, String> before(int pageNumber);
}
