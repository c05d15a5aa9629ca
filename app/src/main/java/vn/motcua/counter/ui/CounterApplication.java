package vn.motcua.counter.ui;

import atlantafx.base.theme.PrimerLight;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.DossierList;
import vn.motcua.counter.application.Receipt;
import vn.motcua.counter.application.CounterAccess;
import vn.motcua.counter.application.CounterServices;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.domain.DossierCode;
import vn.motcua.counter.ui.capture.CaptureProgressViewModel;
import vn.motcua.counter.ui.capture.CaptureStatusBar;
import vn.motcua.counter.ui.signing.SigningQueueViewModel;
import vn.motcua.counter.ui.signing.SigningStatusBar;
import vn.motcua.counter.ui.sync.SyncIndicator;
import vn.motcua.counter.ui.sync.SyncIndicatorViewModel;
import vn.motcua.counter.ui.sync.SyncLogView;
import vn.motcua.counter.ui.sync.SyncLogViewModel;
import vn.motcua.counter.ui.dossier.DossierOpening;
import vn.motcua.counter.ui.dossier.DossierView;
import vn.motcua.counter.ui.dossier.DossierViewModel;
import vn.motcua.counter.ui.home.HomeView;
import vn.motcua.counter.ui.print.FxPrintService;
import vn.motcua.counter.ui.dossier.CopyViewing;
import vn.motcua.counter.ui.home.HomeViewModel;
import vn.motcua.counter.ui.reception.NewDossierView;
import vn.motcua.counter.ui.reception.ReturningApplicantView;
import vn.motcua.counter.ui.reception.ReturningApplicantViewModel;
import vn.motcua.counter.ui.audit.AuditView;
import vn.motcua.counter.ui.audit.AuditViewModel;
import vn.motcua.counter.ui.report.ReportView;
import vn.motcua.counter.ui.report.ReportViewModel;
import vn.motcua.counter.ui.reception.NewDossierViewModel;
import vn.motcua.counter.application.FailureLog;
import vn.motcua.counter.ui.access.IdleLockViewModel;
import vn.motcua.counter.ui.access.LockView;
import vn.motcua.counter.ui.access.SignInView;
import vn.motcua.counter.ui.access.SignInViewModel;

/** The counter window: a header with the agency, and the home list or the new-dossier form below it. */
public class CounterApplication extends Application {

    /** The window's size where the screen has room for it. */
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    /** What {@link #launch(CounterAccess)} hands to the instance JavaFX creates. */
    private static volatile CounterAccess launched;
    private static volatile CompletableFuture<CounterServices> launchedOpening;
    private static volatile java.nio.file.Path launchedData;
    /** The counter the launcher is opening; null for a test's window, which opens it in {@link #start}. */
    private CompletableFuture<CounterServices> opening;
    /** Set by {@link #stop}: a counter opened after it is closed at once. */
    private boolean closed;
    private boolean listedOnce;

    private final CounterAccess access;
    private final BiFunction<HostServices, Messages, DialogService> dialogFactory;
    private final Function<Messages, PrintService> printFactory;
    private final ExecutorService background = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().daemon().name("counter-worker-", 1).factory());
    private CounterServices services;
    private Stage stage;
    private Messages messages;
    private DialogService dialogs;
    private PrintService printing;
    private BorderPane root;
    private final Screens screens = new Screens();
    /** The catalogue revision the ready new-dossier form lists. */
    private int readyCatalogue;
    /** A moment after the home list shows, the next new-dossier form is built behind it. */
    private final PauseTransition formAhead = new PauseTransition(Duration.millis(100));
    private HomeViewModel home;
    /**
     * The home screen, one per {@link #home} model and shown again each time: the view listens to its model, so a view
     * built at each return home stayed reachable from the model, with its table, for the rest of the day.
     */
    private HomeView homeView;
    private CaptureProgressViewModel captureProgress; // null when background OCR is off
    private SigningQueueViewModel signingQueue; // null when no signing key is configured
    private SyncIndicatorViewModel syncIndicator;
    private UiExecutors executors;
    private final Label notice = new Label();
    /** What the clerk should know from the start (OCR missing, wrong settings, an update), in their language. */
    private final Label startupNotice = new Label();
    private java.util.List<vn.motcua.counter.application.Notice> startupNotices = java.util.List.of();
    private final HBox noticeBar = new HBox(12);
    /** The window's content: the sign-in screen, then the work with the idle lock's cover over it. */
    private final javafx.scene.layout.StackPane frame = new javafx.scene.layout.StackPane();
    private IdleLockViewModel idleLock;
    private javafx.animation.Timeline idleTicks;

    /**
     * Not a static field: made when this class loads, on the main thread before JavaFX's start, it set logging up
     * there (~0.1 s); the counter-open thread sets it up beside JavaFX's start instead (decision 0903).
     */
    private static Logger log() {
        return LoggerFactory.getLogger(CounterApplication.class);
    }

    /** Opens the window on the application the launcher built; {@code data} is the data folder. */
    public static void launch(CounterAccess access, java.nio.file.Path data) {
        launched = access;
        launchedData = data;
        Rendering.choose(data);
        // the counter opens (keys, database, wiring) while JavaFX starts and the window is drawn: on two cores the
        // two overlap, and the clerk sees the window before the counter behind it is ready (decision 0903)
        launchedOpening = CompletableFuture.supplyAsync(access::open,
                task -> Thread.ofPlatform().daemon().name("counter-open").start(task));
        Application.launch(CounterApplication.class);
    }

    /** The instance JavaFX creates for {@link #launch(CounterAccess)}. */
    public CounterApplication() {
        this(launched, FxDialogService::new);
        this.opening = launchedOpening;
    }

    /** Tests pass their own dialogs (a native file chooser cannot be driven by a robot). */
    public CounterApplication(CounterAccess access, BiFunction<HostServices, Messages, DialogService> dialogFactory) {
        this(access, dialogFactory, FxPrintService::new);
    }

    /**
     * Tests may also replace the print preview; the default one needs no printer until Print is pressed. Such a window
     * opens the counter in {@link #start} itself, before it shows (the launcher's opens it beside JavaFX's start).
     */
    public CounterApplication(CounterAccess access, BiFunction<HostServices, Messages, DialogService> dialogFactory,
                              Function<Messages, PrintService> printFactory) {
        this.access = access;
        this.dialogFactory = dialogFactory;
        this.printFactory = printFactory;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        StartupProbe.mark("fx");
        messages = Messages.of(access.locale());
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executors = new UiExecutors(background, Platform::runLater);
        root = new BorderPane(screens);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        javafx.geometry.Dimension2D size = windowSize(screen);
        Scene scene = new Scene(frame, size.getWidth(), size.getHeight());
        scene.getStylesheets().add(CounterApplication.class.getResource("counter.css").toExternalForm());
        stage.setTitle(messages.text("app.title"));
        stage.setScene(scene);
        if (opening == null) {   // a test's window: the counter first, then the window on its sign-in screen
            try {
                opened(access.open());
            } catch (CounterException e) {
                cannotStart(e);
                return;
            }
            show(screen);
            return;
        }
        // the launcher's: the window at once with a word that the counter is opening, the sign-in once it is
        Label opening = new Label(messages.text("app.opening"));
        opening.setId("opening");
        opening.getStyleClass().add("text-muted");
        frame.getChildren().setAll(opening);
        show(screen);
        this.opening.whenComplete((counter, failure) -> Platform.runLater(() -> {
            if (failure == null) {
                opened(counter);
            } else {
                cannotStart(failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure);
            }
        }));
    }

    private void show(javafx.geometry.Rectangle2D screen) {
        StartupProbe.mark("built");
        stage.show();
        StartupProbe.mark("shown");
        keepOnScreen(stage, screen);
    }

    /** The counter is open: the sign-in screen (decision 1301), and the pipeline runs while the window is open. */
    private void opened(CounterServices counter) {
        if (closed) {   // the window was closed while the counter opened: stop() closes it once it is open
            return;
        }
        services = counter;
        StartupProbe.mark("opened");
        if (opening != null) {   // the launcher's window, the data folder there now
            Rendering.learn(launchedData);
        }
        services.pipeline().start();
        // decision 1301: name, password, Enter before anything (the first administrator on a new data folder)
        frame.getChildren().setAll(new SignInView(new SignInViewModel(services.accounts(), messages, executors),
                messages, this::enter));
        // the window answers the clerk once the sign-in screen is laid out (StartupProbe): after the pulse. The
        // start-up checks (OCR engine and models, a waiting update, the hub's) wait until then: their notices show
        // only once someone signed in, and on two cores they slowed the window's start (decision 0903)
        Platform.runLater(() -> Platform.runLater(() -> {
            StartupProbe.windowUsable();
            executors.run(access::notices, found -> {
                if (closed) {   // closed meanwhile (the benchmark's exit): the workers are stopped
                    return;
                }
                startupNotices = found;
                showStartupNotices();
                checkForUpdate();
            }, failure -> log().warn("start-up checks failed", failure));
        }));
        // decision 1201: a data folder set up by this start shows its recovery key once, for IT staff to print
        // (before the sign-in, so with dialogs of its own: the work's are made once someone signed in)
        services.newRecoveryKey().ifPresent(key -> Platform.runLater(() -> dialogFactory.apply(getHostServices(),
                messages).showRecoveryKey(stage, messages.text("protection.recovery_key_title"),
                messages.text("protection.recovery_key_dialog"), key)));
    }

    /** The counter could not open: the reason in the clerk's words, then the window closes. */
    private void cannotStart(Throwable failure) {
        FailureLog.log(log(), "cannot start", failure);
        Alert alert = new Alert(Alert.AlertType.ERROR, failure instanceof CounterException refused
                ? messages.describe(refused) : messages.text("error.unexpected"));
        alert.setHeaderText(messages.text("error.title"));
        alert.showAndWait();
        Platform.exit();
    }

    /** Someone signed in: the work begins, under the idle lock. */
    private void enter() {
        Scene scene = stage.getScene();
        speak(messages);
        if (!listedOnce && StartupProbe.reporting()) {   // the benchmark's: the first home list after the sign-in
            listedOnce = true;
            HomeViewModel first = home;
            first.whenShown(() -> StartupProbe.homeListed(first.rows().size()));
        }
        idleLock = new IdleLockViewModel(services.accounts(), services.clock(), messages, executors);
        Node[] focusedBefore = new Node[1];
        int[] selection = new int[2];
        idleLock.lockedProperty().addListener((obs, was, locked) -> {   // before the cover takes the focus
            if (locked) {
                focusedBefore[0] = scene.getFocusOwner();
                if (focusedBefore[0] instanceof javafx.scene.control.TextInputControl field) {
                    selection[0] = field.getAnchor();
                    selection[1] = field.getCaretPosition();
                }
            } else if (focusedBefore[0] != null && focusedBefore[0].getScene() == scene) {
                Node back = focusedBefore[0];
                back.requestFocus();   // back where the clerk was typing, the caret where it was (not all selected)
                if (back instanceof javafx.scene.control.TextInputControl field) {
                    Platform.runLater(() -> field.selectRange(selection[0], selection[1]));
                }
            }
        });
        LockView cover = new LockView(idleLock, messages);
        root.visibleProperty().bind(idleLock.lockedProperty().not());   // hidden, not rebuilt: the work stays
        frame.getChildren().setAll(root, cover);
        scene.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> {
            if (idleLock.locked()) {
                if (e instanceof javafx.scene.input.KeyEvent && !within(e.getTarget(), cover)) {
                    e.consume();   // nothing reaches the covered work, nor its shortcuts
                }
            } else if (isActivity(e.getEventType())) {
                idleLock.touch();
            }
        });
        idleTicks = new javafx.animation.Timeline(new javafx.animation.KeyFrame(Duration.seconds(1),
                e -> idleLock.check()));
        idleTicks.setCycleCount(javafx.animation.Animation.INDEFINITE);
        idleTicks.play();
        accelerate(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::showNewDossier);
        accelerate(new KeyCodeCombination(KeyCode.F5), () -> home.refresh());
        accelerate(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::focusSearch);
        accelerate(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), () -> {
            if (screens.shown() instanceof HomeView) {
                showReport();
            }
        });
        accelerate(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> {
            if (screens.shown() instanceof HomeView) {
                showAudit();
            }
        });
        accelerate(new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN), this::showSyncLog);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5};
        for (DossierList list : DossierList.values()) {
            accelerate(new KeyCodeCombination(digits[list.ordinal()], KeyCombination.SHORTCUT_DOWN), () -> {
                if (screens.shown() instanceof HomeView) {
                    home.show(list);
                }
            });
        }
    }

    /** A window shortcut that does nothing while the window is locked. */
    private void accelerate(KeyCombination keys, Runnable action) {
        stage.getScene().getAccelerators().put(keys, () -> {
            if (idleLock == null || !idleLock.locked()) {
                action.run();
            }
        });
    }

    /** What a person does (synthesised enter/exit events on a pulse are not): the idle time starts again. */
    private static boolean isActivity(javafx.event.EventType<?> type) {
        return type == javafx.scene.input.KeyEvent.KEY_PRESSED || type == javafx.scene.input.MouseEvent.MOUSE_PRESSED
                || type == javafx.scene.input.MouseEvent.MOUSE_MOVED
                || type == javafx.scene.input.MouseEvent.MOUSE_DRAGGED
                || type == javafx.scene.input.ScrollEvent.SCROLL;
    }

    private static boolean within(javafx.event.EventTarget target, Node ancestor) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** 1280×800 where it fits; on a smaller screen (1366×768 less a task bar) what there is. */
    static javafx.geometry.Dimension2D windowSize(javafx.geometry.Rectangle2D screen) {
        return new javafx.geometry.Dimension2D(Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
    }

    /** The window's frame counts too: the window is shrunk and moved so that all of it, title bar included, shows. */
    private static void keepOnScreen(Stage stage, javafx.geometry.Rectangle2D screen) {
        stage.setWidth(Math.min(stage.getWidth(), screen.getWidth()));
        stage.setHeight(Math.min(stage.getHeight(), screen.getHeight()));
        stage.setX(screen.getMinX() + (screen.getWidth() - stage.getWidth()) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - stage.getHeight()) / 2);
    }

    /** (Re)builds every screen in the clerk's language; switching language returns to the home list. */
    private void speak(Messages language) {
        messages = language;
        dialogs = dialogFactory.apply(getHostServices(), messages);
        printing = printFactory.apply(messages);
        home = new HomeViewModel(services.lists(), messages, executors);
        homeView = null;
        screens.drop(); // a form in the old language
        root.setTop(header());
        showCaptureProgress();
        showHome();
        stage.setTitle(messages.text("app.title"));
    }

    /** The OCR and electronic-copy status bar at the foot of every screen, when background OCR is on. */
    private void showCaptureProgress() {
        if (captureProgress != null) {
            captureProgress.close();
        }
        captureProgress = services.pipeline().runs(vn.motcua.counter.application.stage.Stage.PAGE_TEXT)
                ? new CaptureProgressViewModel(services.pipeline(), messages, executors) : null;
        if (signingQueue != null) {
            signingQueue.close();
        }
        signingQueue = services.signingDesk()
                .map(desk -> new SigningQueueViewModel(services.pipeline(), desk, messages, executors)).orElse(null);
        javafx.scene.layout.VBox bars = new javafx.scene.layout.VBox();
        if (captureProgress != null) {
            bars.getChildren().add(new CaptureStatusBar(captureProgress, messages));
            captureProgress.refresh();
        }
        if (signingQueue != null) {   // copies waiting for the agency's signature, and the batch that signs them
            bars.getChildren().add(new SigningStatusBar(signingQueue, messages));
            signingQueue.refresh();
        }
        if (syncIndicator != null) {
            syncIndicator.close();
        }
        // always visible: online/offline with the number waiting, or "sync off" without a hub
        syncIndicator = new SyncIndicatorViewModel(services.syncing(), services.pipeline(), messages, executors,
                services.clock());
        bars.getChildren().add(new SyncIndicator(syncIndicator, messages, this::showSyncLog));
        syncIndicator.refresh();
        root.setBottom(bars);
    }

    private ComboBox<Locale> languageChoice() {
        ComboBox<Locale> language = new ComboBox<>();
        language.setId("language");
        language.getItems().setAll(VIETNAMESE, Locale.ENGLISH);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale locale) {
                return locale == null ? "" : locale.getDisplayLanguage(locale);
            }

            @Override
            public Locale fromString(String text) {
                return null;
            }
        });
        language.setValue(messages.locale());
        language.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && !chosen.equals(messages.locale())) {
                services.preferences().rememberLanguage(chosen);
                speak(Messages.of(chosen));
            }
        });
        return language;
    }

    private BorderPane header() {
        Label product = new Label("Motcua Counter");
        product.getStyleClass().addAll("title-4", "product");
        Label agency = new Label(messages.text("app.agency", services.profile().agencyName(),
                services.profile().agencyCode().value()));
        agency.getStyleClass().add("text-muted");
        // clerk.name stands for the clerk only before accounts exist; afterwards the account signed in is shown
        Label clerk = new Label(services.accounts().session().account().isPresent() ? ""
                : services.profile().clerkName());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label signedIn = new Label(services.accounts().session().account()
                .map(a -> a.shownName() + (a.displayName() == null ? "" : " (" + a.name() + ")") + " · "
                        + messages.text("access.role." + a.role().code())).orElse(""));
        signedIn.setId("signedIn");
        signedIn.getStyleClass().add("text-muted");
        HBox bar = new HBox(16, product, agency, spacer, clerk, signedIn, languageChoice());
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 16, 10, 16));
        bar.getStyleClass().add("header-bar");

        notice.setId("notice");
        noticeBar.getChildren().setAll(notice);
        noticeBar.setAlignment(Pos.CENTER_LEFT);
        noticeBar.setPadding(new Insets(8, 16, 8, 16));
        noticeBar.getStyleClass().add("notice-bar");
        noticeBar.setVisible(false);
        noticeBar.setManaged(false);
        BorderPane top = new BorderPane(noticeBar);
        top.setTop(bar);
        startupNotice.setId("startupNotice");
        startupNotice.setWrapText(true);
        startupNotice.setPadding(new Insets(8, 16, 8, 16));
        startupNotice.getStyleClass().addAll("notice-bar", "startup-notice");
        startupNotice.setMaxWidth(Double.MAX_VALUE);
        top.setBottom(startupNotice);
        showStartupNotices();
        return top;
    }

    /** Asks the hub once per start; a downloaded, checked update is announced with the other notices. */
    private void checkForUpdate() {
        executors.run(() -> access.updates().check(), result -> {
            if (result.outcome() == vn.motcua.counter.application.CounterUpdates.Outcome.DOWNLOADED) {
                var waiting = vn.motcua.counter.application.Notice.of("update.waiting", result.version());
                if (!startupNotices.contains(waiting)) {
                    startupNotices = java.util.stream.Stream.concat(startupNotices.stream(),
                            java.util.stream.Stream.of(waiting)).toList();
                    showStartupNotices();
                }
            }
        }, failure -> log().warn("update check failed", failure));
    }

    private void showStartupNotices() {
        startupNotice.setText(String.join(System.lineSeparator(), startupNotices.stream()
                .map(n -> messages.text(n.messageKey(), n.arguments().toArray())).toList()));
        startupNotice.setVisible(!startupNotices.isEmpty());
        startupNotice.setManaged(!startupNotices.isEmpty());
    }

    private void showHome() {
        if (homeView == null) {
            homeView = new HomeView(home, messages, this::showNewDossier, this::showReport, this::showDossier);
        }
        HomeView view = homeView;
        screens.show(view);
        home.refresh();
        // Once the home list is on screen, the next form is built behind it: Ctrl+N then only has to show it.
        formAhead.setOnFinished(e -> {
            if (screens.shown() == view && screens.ready() == null) {
                readyCatalogue = services.catalogue().revision();
                screens.makeReady(newDossierForm());
            }
        });
        formAhead.playFromStart();
    }

    private void showDossier(DossierCode code) {
        DossierViewModel model = new DossierViewModel(services.lifecycle(), services.reception(), services.copies(),
                services.pipeline(), services.profile(), messages, executors, code);
        if (services.syncing().enabled()) {
            model.syncing(services.syncing());
        }
        CopyViewing copyViewing = new CopyViewing(services.signedCopies(), messages, executors);
        DossierView view = new DossierView(model, copyViewing, messages, dialogs, printing, this::showHome);
        screens.show(view);
        model.load();
        // the copy lines follow the pipeline while the screen is open
        Runnable stop = services.pipeline().onProgress(() -> {
            model.refreshCopies();
            model.refreshSync();
        });
        // a result the department attached on the hub lands while the screen is open: history and results follow
        Runnable stopResults = services.pipeline().onProgress(
                Set.of(vn.motcua.counter.application.stage.Stage.FETCH_RESULT), model::load);
        view.sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                stop.run();
                stopResults.run();
            }
        });
    }

    /** List and search keys act on the home screen only: leaving an open form would lose what was typed. */
    private void focusSearch() {
        if (screens.shown() instanceof HomeView view) {
            view.focusSearch();
        }
    }

    private void showReport() {
        ReportViewModel model = new ReportViewModel(services.reports(), services.lifecycle(), services.profile(),
                messages, executors, services.clock(), services.reportsFolder());
        screens.show(new ReportView(model, messages, dialogs, printing, this::showHome));
        model.show();
    }

    /** The supervisor's access log (decision 1302), Ctrl+L from home. */
    private void showAudit() {
        AuditViewModel model = new AuditViewModel(services.audit(), messages, executors, services.clock());
        screens.show(new AuditView(model, messages, this::showHome));
        model.show();
    }

    /**
     * The sync log (Ctrl+J or the indicator), from any screen but the new-dossier form, which would lose what was
     * typed; it follows the sending and the pulls while it is open.
     */
    private void showSyncLog() {
        if (screens.shown() instanceof NewDossierView || screens.shown() instanceof SyncLogView) {
            return;
        }
        SyncLogViewModel model = new SyncLogViewModel(services.syncLog(), services.syncing(), messages, executors,
                services.clock().getZone());
        SyncLogView view = new SyncLogView(model, messages, this::showHome);
        screens.show(view);
        model.show();
        Runnable stopSending = services.pipeline().onProgress(java.util.Set.of(
                vn.motcua.counter.application.stage.Stage.SEND_DOSSIER), model::show);
        Runnable stopPulls = services.syncing().onPull(model::show);
        view.sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                stopSending.run();
                stopPulls.run();
            }
        });
    }

    private void showNewDossier() {
        if (screens.shown() instanceof NewDossierView) {
            return;
        }
        if (screens.ready() != null && readyCatalogue != services.catalogue().revision()) {
            screens.drop(); // the catalogue was imported since the form was built
        }
        Node form = screens.ready() != null ? screens.ready() : newDossierForm();
        screens.show(form);
        form.lookup("#fullName").requestFocus();
    }

    private NewDossierView newDossierForm() {
        NewDossierViewModel model = new NewDossierViewModel(services.reception(), services.scanning(),
                services.cardReader(), services.catalogue().procedures(), services.profile(), messages, executors);
        model.checklist().useScanProfile(services.scanProfile());
        NewDossierView view = new NewDossierView(model, messages, dialogs, this::showHome);
        view.addApplicantSection(new ReturningApplicantView(
                new ReturningApplicantViewModel(services.returningApplicants(), model, messages, executors), messages));
        view.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                model.receive(this::received);
                e.consume();
            } else if (e.getCode() == KeyCode.F8 && !e.isShiftDown()) { // Shift+F8 re-scans the selected page
                model.scanCurrent();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && e.isShortcutDown()) {
                model.nextComponent();
                e.consume();
            }
        });
        model.receiptProperty().addListener((obs, old, receipt) -> {
            if (receipt != null) {
                received(receipt);
            }
        });
        return view;
    }

    private void received(Receipt receipt) {
        showHome();
        notice.setText(messages.text("dossier.received", receipt.dossier().code().value()));
        Button open = new Button(messages.text("dossier.openReceipt"));
        open.setId("openReceipt");
        // the application's own preview: a counter PC may have no PDF viewer or browser to open it with
        open.setOnAction(e -> printing.preview(stage, messages.text("dossier.receiptTitle",
                receipt.dossier().code().value()), services.documents().read(receipt.pdfContentId())));
        accelerate(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), () -> {
            if (screens.shown() instanceof HomeView) {
                open.fire();
            }
        });
        noticeBar.getChildren().setAll(notice, open);
        noticeBar.setVisible(true);
        noticeBar.setManaged(true);
    }

    @Override
    public void stop() {
        closed = true;
        formAhead.stop();
        if (idleTicks != null) {
            idleTicks.stop();
        }
        if (captureProgress != null) {
            captureProgress.close();
        }
        if (signingQueue != null) {
            signingQueue.close();
        }
        if (syncIndicator != null) {
            syncIndicator.close();
        }
        background.shutdownNow();
        if (services != null) {
            services.close();
        } else if (opening != null) {   // still opening, or opened with no turn of the event loop left to take it
            opening.thenAccept(CounterServices::close);
        }
    }

}
