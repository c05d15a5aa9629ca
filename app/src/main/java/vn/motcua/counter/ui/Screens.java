package vn.motcua.counter.ui;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * The window's working area: the screen shown and, hidden behind it, a screen made ready in advance. A node that
 * leaves the scene loses its styling, so the ready screen stays a child from the moment it is made until it is shown
 * or dropped; hidden, it still gets its skins, CSS and layout in the pulses while the clerk reads the current screen.
 */
final class Screens extends StackPane {

    private Node ready;

    /** The screen the clerk sees. */
    Node shown() {
        return getChildren().getFirst();
    }

    /** Shows {@code screen}, in place of the current one; the ready screen, if it is the one, is shown as it is. */
    void show(Node screen) {
        getChildren().removeIf(child -> child != ready && child != screen);
        if (screen == ready) {
            ready = null;
        } else if (!getChildren().contains(screen)) {
            getChildren().addFirst(screen);
        }
        screen.setVisible(true);
        // The keyboard goes to the new screen: left on a node of the old one (the search field after Enter), key
        // events went to that detached node and Esc never reached the new screen.
        javafx.scene.Node focused = getScene() == null ? null : getScene().getFocusOwner();
        if (focused == null || !within(focused, screen)) {
            screen.requestFocus();
        }
    }

    private static boolean within(Node node, Node screen) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == screen) {
                return true;
            }
        }
        return false;
    }

    /** Keeps {@code screen} hidden behind the current one until {@link #show} takes it. */
    void makeReady(Node screen) {
        drop();
        screen.setVisible(false);
        ready = screen;
        getChildren().add(screen);
    }

    /** The ready screen, or null. */
    Node ready() {
        return ready;
    }

    /** Forgets the ready screen (the language changed, say); the next one is built anew. */
    void drop() {
        if (ready != null) {
            getChildren().remove(ready);
            ready = null;
        }
    }
}
