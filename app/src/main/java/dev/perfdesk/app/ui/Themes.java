package dev.perfdesk.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Light and dark themes: Modena with Perfdesk's colours, plus the viewers' stylesheets for the same theme.
 *
 * <p>Both themes are loaded at once, the dark one's rules scoped to {@code .root:dark}; switching toggles that
 * pseudo-class on the scene's root. Replacing the stylesheets instead makes JavaFX match every selector against
 * every node again (seconds with a dozen tabs open); a pseudo-class change only moves the nodes to their new state.
 * Windows opened later (dialogs, which copy their owner's stylesheets) get the pseudo-class as they open.
 */
public final class Themes {
    /** The pseudo-class on a scene's root that turns the dark theme on. */
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static List<String> sheets;
    private static boolean dark;
    private static boolean watching;

    private Themes() {
    }

    /** Gives the scene the themes' stylesheets (once) and shows it light or dark. Call on the FX thread. */
    public static void apply(Scene scene, boolean dark) {
        List<String> all = sheets();
        if (!scene.getStylesheets().equals(all)) {
            scene.getStylesheets().setAll(all);
        }
        Themes.dark = dark;
        watchWindows();
        for (Window w : Window.getWindows()) {
            mark(w.getScene());
        }
        mark(scene);
    }

    /** Whether {@code scene} shows the dark theme. */
    public static boolean isDark(Scene scene) {
        return scene != null && scene.getRoot() != null && scene.getRoot().getPseudoClassStates().contains(DARK);
    }

    private static void mark(Scene scene) {
        if (scene != null && scene.getRoot() != null && scene.getStylesheets().containsAll(sheets())) {
            scene.getRoot().pseudoClassStateChanged(DARK, dark);
        }
    }

    private static void watchWindows() {
        if (watching) {
            return;
        }
        watching = true;
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    mark(w.getScene());
                }
            }
        });
    }

    private static synchronized List<String> sheets() {
        if (sheets == null) {
            List<String> list = new ArrayList<>();
            add(list, Themes.class.getResource("app.css"));
            add(list, Themes.class.getResource("/dev/perfdesk/viewers/theme-light.css"));
            list.add(scopedToDark(Themes.class.getResource("/dev/perfdesk/viewers/theme-dark.css")));
            list.add(scopedToDark(Themes.class.getResource("app-dark.css")));
            sheets = List.copyOf(list);
        }
        return sheets;
    }

    private static void add(List<String> list, URL url) {
        if (url != null) {
            list.add(url.toExternalForm());
        }
    }

    /** The stylesheet at {@code url} with every rule scoped to {@code .root:dark}, as a data URL. */
    private static String scopedToDark(URL url) {
        try (InputStream in = url.openStream()) {
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String scoped = scope(css);
            return "data:text/css;base64," + Base64.getEncoder().encodeToString(scoped.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code css} with each selector put under {@code .root:dark}: {@code .root} becomes {@code .root:dark}, any
     * other selector {@code .root:dark SELECTOR}. For the flat theme sheets (no @-rules, no nesting).
     */
    static String scope(String css) {
        String plain = css.replaceAll("(?s)/\\*.*?\\*/", "");
        StringBuilder out = new StringBuilder();
        Matcher m = RULE.matcher(plain);
        while (m.find()) {
            List<String> selectors = new ArrayList<>();
            for (String sel : m.group(1).split(",")) {
                String s = sel.strip();
                selectors.add(s.startsWith(".root") ? ".root:dark" + s.substring(5) : ".root:dark " + s);
            }
            out.append(String.join(", ", selectors)).append(" {").append(m.group(2)).append("}\n");
        }
        return out.toString();
    }
}
