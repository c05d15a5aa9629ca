package vn.motcua.counter.domain;

import java.util.List;

/**
 * An administrative procedure (thủ tục hành chính) of the catalogue, with the components it requires.
 *
 * @param code           the national procedure code, e.g. {@code 1.001193}
 * @param processingTime null where the catalogue does not state the limit; the clerk then sets it
 */
public record Procedure(String code, String name, String field, ProcessingTime processingTime,
                        List<ComponentRequirement> components) {

    public Procedure {
        components = List.copyOf(components);
    }
}
