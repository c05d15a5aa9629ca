package vn.motcua.counter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The {@code --json} switch every command carries. Commands build one result value and hand it here: JSON goes to
 * standard output for scripts, otherwise the command prints its own human text.
 */
public final class JsonOption {

    /** Made on the first {@code --json}: building Jackson's mapper took ~0.2 s of every command's start. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Option(names = "--json", description = "Machine-readable JSON output.")
    boolean json;

    public boolean enabled() {
        return json;
    }

    /** Prints {@code result} as JSON when {@code --json} was given, or runs {@code human} otherwise. */
    public void print(PrintWriter out, Object result, Runnable human) {
        if (json) {
            try {
                out.println(Mapper.MAPPER.writeValueAsString(result));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON for " + result.getClass().getSimpleName(), e);
            }
        } else {
            human.run();
        }
        out.flush();
    }
}
