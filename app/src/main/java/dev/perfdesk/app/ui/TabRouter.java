package dev.perfdesk.app.ui;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import dev.perfdesk.store.StoredComparison;

/**
 * The main window's tabs: opens library entries, comparisons and histories in tabs (or selects the tab that
 * already shows them), closes and cycles tabs, and remembers which tabs are open for the next start.
 */
final class TabRouter {
    private final TabPane tabs;
    private final Settings settings;
    private final ProfileTab.ContentFactory profileView;
    private final MainViewModel model;
    private final BiConsumer<String, String> errors;

    /**
     * @param errors shows a failure: a header and a message
     */
    TabRouter(TabPane tabs, Settings settings, ProfileTab.ContentFactory profileView, MainViewModel model,
            BiConsumer<String, String> errors) {
        this.tabs = tabs;
        this.settings = settings;
        this.profileView = profileView;
        this.model = model;
        this.errors = errors;
    }

    /** The tab property holding the key a comparison or history tab is reopened by. */
    private static final String KEY = "perfdesk.tab-key";

    /**
     * Stores the keys of the open tabs that can be reopened in the settings: profiles, runs, series, profile and run
     * comparisons ({@code pc3~4}, {@code rc1~2}) and benchmark histories ({@code h:NAME}, URL-encoded). A
     * comparison of two selections of one profile lives only in memory and is not reopened.
     */
    void rememberTabs() {
        List<String> keys = new ArrayList<>();
        for (Tab t : tabs.getTabs()) {
            if (t.getProperties().get(KEY) instanceof String key) {
                keys.add(key);
            } else if (t instanceof ProfileTab) {
                keys.add(LibraryEntry.key(LibraryEntry.Kind.PROFILE, ((ProfileTab) t).profileId()));
            } else if (t instanceof RunTab) {
                keys.add(LibraryEntry.key(LibraryEntry.Kind.RUN, ((RunTab) t).runId()));
            } else if (t instanceof TrendTab && ((TrendTab) t).source().benchmark() == null) {
                keys.add(LibraryEntry.key(LibraryEntry.Kind.SERIES, ((TrendTab) t).source().seriesId()));
            } else if (t instanceof C2cTab) {
                keys.add(LibraryEntry.key(LibraryEntry.Kind.C2C, ((C2cTab) t).reportId()));
            }
        }
        settings.setOpenTabs(keys);
    }

    /** Reopens the tabs remembered last time that are still in the library, and selects the one selected then. */
    void restoreTabs() {
        for (String key : settings.openTabs()) {
            if (key.startsWith("h:")) {
                openHistory(URLDecoder.decode(key.substring(2), StandardCharsets.UTF_8));
            } else if (key.startsWith("rc") || key.startsWith("pc")) {
                String[] ids = key.substring(2).split("~");
                long baseline = Long.parseLong(ids[0]);
                long candidate = Long.parseLong(ids[1]);
                if (key.startsWith("rc")) {
                    if (model.find(LibraryEntry.key(LibraryEntry.Kind.RUN, baseline)).isPresent()
                            && model.find(LibraryEntry.key(LibraryEntry.Kind.RUN, candidate)).isPresent()) {
                        compareRuns(baseline, candidate);
                    }
                } else {
                    Optional<LibraryEntry> b = model.find(LibraryEntry.key(LibraryEntry.Kind.PROFILE, baseline));
                    Optional<LibraryEntry> c = model.find(LibraryEntry.key(LibraryEntry.Kind.PROFILE, candidate));
                    if (b.isPresent() && c.isPresent()) {
                        openProfileComparison(b.get(), c.get());
                    }
                }
            } else {
                model.find(key).ifPresent(this::open);
            }
        }
        if (!tabs.getTabs().isEmpty()) {
            int selected = (int) settings.getDouble("tabs.selected", 0);
            tabs.getSelectionModel().select(Math.max(0, Math.min(selected, tabs.getTabs().size() - 1)));
        }
    }

    /** Saves the selected tab and the open tabs. */
    void saveState() {
        settings.put("tabs.selected", tabs.getSelectionModel().getSelectedIndex());
        rememberTabs();
    }

    /** Whether tab {@code t} shows the item of {@code entry}. */
    private static boolean shows(Tab t, LibraryEntry entry) {
        return t instanceof ProfileTab && entry.is(LibraryEntry.Kind.PROFILE, ((ProfileTab) t).profileId())
                || t instanceof RunTab && entry.is(LibraryEntry.Kind.RUN, ((RunTab) t).runId())
                || t instanceof TrendTab && ((TrendTab) t).source().benchmark() == null
                        && entry.is(LibraryEntry.Kind.SERIES, ((TrendTab) t).source().seriesId())
                || t instanceof C2cTab && entry.is(LibraryEntry.Kind.C2C, ((C2cTab) t).reportId());
    }

    /** Opens an entry in a tab (a profile's view or a run's table), or selects its tab if it is open. */
    void open(LibraryEntry entry) {
        if (entry == null) {
            return;
        }
        for (Tab t : tabs.getTabs()) {
            if (shows(t, entry)) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        if (entry.kind() == LibraryEntry.Kind.COMPARISON) {
            openSavedComparison(entry.id());
            return;
        }
        Tab tab;
        if (entry.kind() == LibraryEntry.Kind.C2C) {
            tab = new C2cTab(model.c2c(entry.id()), entry);
        } else if (entry.kind() == LibraryEntry.Kind.SERIES) {
            tab = trendTab(TrendTabModel.Source.series(entry.id()));
        } else if (entry.isRun()) {
            RunTab runTab = new RunTab(model.run(entry.id()), entry);
            runTab.setOnHistory(this::openHistory);
            runTab.setOnOpenProfile(p -> open(LibraryEntry.of(p)));
            tab = runTab;
        } else {
            ProfileTab profileTab = new ProfileTab(model.profiles(), entry, profileView);
            profileTab.setOnProfileChanged(this::rememberTabs);
            tab = profileTab;
        }
        add(tab);
    }

    /** Opens a saved comparison: of two runs, or of two profiles. */
    private void openSavedComparison(long id) {
        model.loadSavedComparison(id, saved -> {
            StoredComparison c = saved.comparison();
            if (c.kind() == StoredComparison.Kind.RUN) {
                compareRuns(c.baselineId(), c.candidateId());
            } else {
                compare(List.of(LibraryEntry.of(saved.baseline()), LibraryEntry.of(saved.candidate())));
            }
        }, message -> errors.accept("Cannot open the comparison", message));
    }

    /** Opens the history of one benchmark across the store's runs, with its change points. */
    void openHistory(String benchmark) {
        for (Tab t : tabs.getTabs()) {
            if (t instanceof TrendTab && benchmark.equals(((TrendTab) t).source().benchmark())) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        TrendTab tab = trendTab(TrendTabModel.Source.benchmark(benchmark));
        tab.getProperties().put(KEY, "h:" + URLEncoder.encode(benchmark, StandardCharsets.UTF_8));
        add(tab);
    }

    /** A trend tab whose change points open the run comparison and the diff of the runs' profiles. */
    private TrendTab trendTab(TrendTabModel.Source source) {
        TrendTab tab = new TrendTab(model.trend(source), this::compareRuns);
        tab.setOnProfileComparison((title, sides) -> add(new ComparisonTab(title, model.tasks(), sides)));
        return tab;
    }

    /** Opens the comparison of two stored runs, the baseline first, or selects the tab that shows it. */
    void compareRuns(long baselineRunId, long candidateRunId) {
        for (Tab t : tabs.getTabs()) {
            if (t instanceof RunComparisonTab && ((RunComparisonTab) t).compares(baselineRunId, candidateRunId)) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        RunComparisonTab tab = new RunComparisonTab(model.runComparison(baselineRunId, candidateRunId));
        tab.setOnSaved(() -> model.refresh(null));
        tab.getProperties().put(KEY, "rc" + baselineRunId + "~" + candidateRunId);
        add(tab);
    }

    /**
     * Opens a tab comparing two entries, or selects the one that does: the earlier import is the baseline, the
     * later the candidate (the tab's Swap button turns them round).
     */
    void compare(List<LibraryEntry> entries) {
        if (!LibraryView.canCompare(entries)) {
            return;
        }
        List<LibraryEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing(LibraryEntry::imported).thenComparingLong(LibraryEntry::id));
        LibraryEntry baseline = ordered.get(0);
        LibraryEntry candidate = ordered.get(1);
        if (baseline.isRun()) {
            compareRuns(baseline.id(), candidate.id());
            return;
        }
        openProfileComparison(baseline, candidate);
    }

    /** Opens the comparison of two stored profiles in this order, or selects the tab that shows it. */
    private void openProfileComparison(LibraryEntry baseline, LibraryEntry candidate) {
        for (Tab t : tabs.getTabs()) {
            if (t instanceof ComparisonTab && ((ComparisonTab) t).compares(baseline.id(), candidate.id())) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        ComparisonTab tab = new ComparisonTab(model.profiles(), baseline, candidate);
        tab.getProperties().put(KEY, "pc" + baseline.id() + "~" + candidate.id());
        add(tab);
    }

    private void add(Tab tab) {
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /** Gives the tabs that show {@code entry} its new name. */
    void renamed(LibraryEntry entry, String name) {
        tabs.getTabs().stream().filter(t -> shows(t, entry)).forEach(t -> t.setText(name));
    }

    /** Closes the tabs that show {@code entry}, and for a profile the comparisons that involve it. */
    void closeTabsOf(LibraryEntry entry) {
        tabs.getTabs().removeIf(t -> shows(t, entry)
                || !entry.isRun() && t instanceof ComparisonTab && ((ComparisonTab) t).involves(entry.id()));
    }

    /** Whether no tab is open. */
    boolean isEmpty() {
        return tabs.getTabs().isEmpty();
    }

    /** Closes the selected tab, if any. */
    void closeSelectedTab() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null) {
            tabs.getTabs().remove(t);
        }
    }

    /** Selects the tab {@code delta} places from the selected one, wrapping round. */
    void selectTab(int delta) {
        int n = tabs.getTabs().size();
        if (n > 0) {
            int i = tabs.getSelectionModel().getSelectedIndex();
            tabs.getSelectionModel().select(((i + delta) % n + n) % n);
        }
    }

    /** Whether the focus of {@code scene} is inside the selected tab's content. */
    boolean focusInCurrentView(Scene scene) {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        Node content = t == null ? null : t.getContent();
        for (Node n = scene.getFocusOwner(); n != null; n = n.getParent()) {
            if (n == content) {
                return true;
            }
        }
        return false;
    }

    /** The selected tab's content when it takes the window's keyboard commands. */
    Optional<MainView.KeyboardTarget> currentTarget() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null && t.getContent() instanceof MainView.KeyboardTarget) {
            return Optional.of((MainView.KeyboardTarget) t.getContent());
        }
        return Optional.empty();
    }
}
