package vn.motcua.counter.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where view models run work: {@code background} for anything that touches disk, database or scanner, {@code ui}
 * for updating properties. In the application {@code ui} is the FX thread; in view-model tests it runs inline.
 */
public record UiExecutors(Executor background, Executor ui) {

    /** Runs {@code work} in the background, then hands its result or failure to the UI side. */
    public <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        CompletableFuture.supplyAsync(work, background).whenComplete((result, failure) -> ui.execute(() -> {
            if (failure == null) {
                onSuccess.accept(result);
            } else {
                onFailure.accept(failure instanceof java.util.concurrent.CompletionException ce && ce.getCause() != null
                        ? ce.getCause() : failure);
            }
        }));
    }
}
