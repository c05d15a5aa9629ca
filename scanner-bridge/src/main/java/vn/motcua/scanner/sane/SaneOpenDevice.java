package vn.motcua.scanner.sane;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A device opened on a saned connection, with its option descriptors. The descriptors are fetched once and
 * again only when setting an option says others changed (SANE_INFO_RELOAD_OPTIONS), so setting up a scan costs
 * one round trip per option.
 */
final class SaneOpenDevice {

    private final SaneConnection connection;
    private final int handle;
    private List<SaneOptionDescriptor> options;

    private SaneOpenDevice(SaneConnection connection, int handle) throws IOException {
        this.connection = connection;
        this.handle = handle;
        this.options = connection.optionDescriptors(handle);
    }

    static SaneOpenDevice open(SaneConnection connection, String name) throws IOException, SaneStatusException {
        return new SaneOpenDevice(connection, connection.open(name));
    }

    SaneConnection connection() {
        return connection;
    }

    int handle() {
        return handle;
    }

    /** The option with this name if the backend has it and it is active now. */
    Optional<SaneOptionDescriptor> option(String name) {
        return options.stream()
                .filter(option -> option != null && option.name().equals(name) && option.active())
                .findFirst();
    }

    void setNumber(SaneOptionDescriptor option, double value) throws IOException, SaneStatusException {
        set(option, new int[] {option.word(value)}, null);
    }

    void setString(SaneOptionDescriptor option, String value) throws IOException, SaneStatusException {
        set(option, null, value);
    }

    void setBoolean(SaneOptionDescriptor option, boolean value) throws IOException, SaneStatusException {
        set(option, new int[] {value ? 1 : 0}, null);
    }

    void press(SaneOptionDescriptor option) throws IOException, SaneStatusException {
        set(option, null, null);
    }

    private void set(SaneOptionDescriptor option, int[] words, String text) throws IOException, SaneStatusException {
        int info = connection.controlOption(handle, option, SaneConnection.ACTION_SET, words, text);
        if ((info & SaneConnection.INFO_RELOAD_OPTIONS) != 0) {
            options = connection.optionDescriptors(handle);
        }
    }

    void close() throws IOException {
        connection.close(handle);
    }
}
