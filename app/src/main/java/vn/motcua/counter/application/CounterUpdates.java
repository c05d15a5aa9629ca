package vn.motcua.counter.application;

import java.util.Optional;

/**
 * Updates from the hub (docs/decisions/0902-updates.md): a signed manifest is checked, the package for this system
 * downloaded and checked against it, and installed at the next start by the privileged step of the installation.
 */
public interface CounterUpdates {

    enum Outcome { DISABLED, UP_TO_DATE, DOWNLOADED, WAITING, INSTALLED, REFUSED, UNREACHABLE }

    /** @param version the version concerned, empty when none; @param detail one line for IT staff and the log */
    record Result(Outcome outcome, String version, String detail) {
    }

    /** Asks the hub, and downloads and checks a newer (or the pinned) version; nothing is installed. */
    Result check();

    /** The checked version waiting to be installed at the next start, if any. */
    Optional<String> waiting();

    /** Checks the waiting package again and installs it (needs an administrator: the boot-time step runs it). */
    Result apply();
}
