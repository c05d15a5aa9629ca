package vn.motcua.counter.application.port;

import java.util.Set;

/** Which content-store items the records refer to: anything else may be removed by the content clean-up. */
public interface ContentReferences {

    Set<String> referencedContentIds();
}
