package vn.motcua.sync.wire;

import static java.nio.charset.StandardCharsets.UTF_8;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever bytes arrive, the manifest reader either returns a manifest that holds every rule or throws
 * {@link WireFormatException}; never another exception (which the hub would answer with a 500). Bounded: a few
 * thousand inputs, mostly mutations of a valid manifest so that the parser gets deep.
 */
class ManifestParserFuzzTest {
    private static final byte[] VALID = Samples.json().getBytes(UTF_8);

    @Property(tries = 2000)
    void mutatedManifestsAreReadOrRefusedCleanly(@ForAll("mutations") byte[] input) throws Exception {
        readOrRefuse(input);
    }

    @Property(tries = 500)
    void arbitraryTextIsReadOrRefusedCleanly(@ForAll String text) throws Exception {
        readOrRefuse(text.getBytes(UTF_8));
    }

    private static void readOrRefuse(byte[] input) throws Exception {
        try {
            DossierManifest m = WireJson.readManifest(input);
            ManifestRules.check(m);
            ContentHash.of(m);
        } catch (WireFormatException expected) {
            // refused with a reason: what the hub answers 400 with
        }
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length - 1);
        java.util.List<Byte> syntax = new java.util.ArrayList<>();
        for (byte b : "{}[]\":,0123456789eE.-\\ntrufalsn".getBytes(UTF_8)) {
            syntax.add(b);
        }
        Arbitrary<Byte> value = Arbitraries.oneOf(Arbitraries.of(syntax), Arbitraries.bytes());
        return Arbitraries.oneOf(
                // flip a handful of bytes
                position.list().ofMinSize(1).ofMaxSize(6)
                        .flatMap(places -> value.list().ofSize(places.size()).map(values -> {
                            byte[] copy = VALID.clone();
                            for (int i = 0; i < places.size(); i++) {
                                copy[places.get(i)] = values.get(i);
                            }
                            return copy;
                        })),
                // cut it anywhere
                position.map(n -> java.util.Arrays.copyOf(VALID, n)),
                // splice a region out or in twice
                position.tuple2().map(p -> {
                    int from = Math.min(p.get1(), p.get2());
                    int to = Math.max(p.get1(), p.get2());
                    byte[] out = new byte[VALID.length + (to - from)];
                    System.arraycopy(VALID, 0, out, 0, to);
                    System.arraycopy(VALID, from, out, to, VALID.length - from);
                    return out;
                }));
    }
}
