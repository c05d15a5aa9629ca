package vn.motcua.counter.application.port;

import java.util.function.Supplier;

/**
 * One transaction around several stores' writes (a dossier and its first stage items; a result and its item marked
 * done): all of it is saved, or none. Stores called inside join it.
 */
public interface Transactions {

    <T> T inOneTransaction(Supplier<T> work);

    default void inOneTransaction(Runnable work) {
        inOneTransaction(() -> {
            work.run();
            return null;
        });
    }
}
