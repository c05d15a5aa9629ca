package vn.motcua.counter.ui.reception;

import java.util.Locale;
import vn.motcua.counter.bootstrap.CounterConfiguration;
import vn.motcua.counter.bootstrap.CounterWiring;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/** A new-dossier form on a real counter, in Vietnamese, its background work run inline. */
final class Forms {

    static final Messages VI = Messages.of(Locale.forLanguageTag("vi-VN"));
    static final UiExecutors INLINE = new UiExecutors(Runnable::run, Runnable::run);

    private Forms() {
    }

    static NewDossierViewModel newDossier(CounterWiring counter) {
        return new NewDossierViewModel(counter.reception(), counter.scanning(), counter.cardReader(),
                counter.catalogue().procedures(), counter.profile(), VI, INLINE);
    }
}
