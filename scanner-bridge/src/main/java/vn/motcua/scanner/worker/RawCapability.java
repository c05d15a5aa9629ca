package vn.motcua.scanner.worker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TWAIN capability or WIA property as the worker relays it, unmapped: one value, a list, or a range. Mapping
 * happens on the Java side so it can be tested without Windows.
 */
record RawCapability(String name, List<String> values, Double min, Double max, Double step) {

    /** From {@code CAP name=.. value=..}, {@code values=a,b,c} or {@code min=.. max=.. step=..} (also PROP). */
    static RawCapability from(BridgeMessage message) {
        String name = message.require("name");
        if (message.field("values").isPresent()) {
            String values = message.require("values");
            return new RawCapability(name, values.isEmpty() ? List.of() : Arrays.asList(values.split(",")),
                    null, null, null);
        }
        if (message.field("value").isPresent()) {
            return new RawCapability(name, List.of(message.require("value")), null, null, null);
        }
        return new RawCapability(name, List.of(), Double.parseDouble(message.require("min")),
                Double.parseDouble(message.require("max")), message.field("step").map(Double::parseDouble).orElse(1.0));
    }

    boolean isRange() {
        return min != null;
    }

    String single() {
        if (values.isEmpty()) {
            throw new BridgeProtocolException(name + " has no value");
        }
        return values.getFirst();
    }

    double number() {
        return Double.parseDouble(single());
    }

    /** Resolutions from a list, or the usual steps inside a range. */
    List<Integer> resolutions() {
        List<Integer> result = new ArrayList<>();
        if (isRange()) {
            for (int dpi : List.of(75, 100, 150, 200, 240, 300, 400, 600, 1200)) {
                if (dpi >= min && dpi <= max) {
                    result.add(dpi);
                }
            }
        } else {
            values.forEach(value -> result.add((int) Math.round(Double.parseDouble(value))));
        }
        return result;
    }
}
