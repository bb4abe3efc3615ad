package dev.perfdesk.app.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The library sidebar: a search field over a list of everything in the store. Several items can be selected;
 * "Compare selected" in the context menu compares exactly two.
 */
public final class LibraryView extends VBox {
    private final ListView<LibraryEntry> list = new ListView<>();
    private final TextField search = new TextField();
    private final javafx.scene.control.ComboBox<String> labelFilter = new javafx.scene.control.ComboBox<>();
    private static final String ANY_LABEL = "Any label";
    private final LibraryViewModel model;

    /**
     * @param model    the library's state
     * @param onOpen   opens an entry in a tab
     * @param onRename asks for a new name and renames
     * @param onDelete asks for confirmation and deletes
     * @param onCompare compares two entries, given in list order
     */
    public LibraryView(LibraryViewModel model, Consumer<LibraryEntry> onOpen, Consumer<LibraryEntry> onRename,
                       Consumer<LibraryEntry> onDelete, Consumer<List<LibraryEntry>> onCompare) {
        getStyleClass().add("library");
        setSpacing(6);
        setPadding(new Insets(8));
        search.setPromptText("Search the library");
        search.getStyleClass().add("library-search");
        search.textProperty().bindBidirectional(model.searchProperty());
        labelFilter.getStyleClass().add("library-label-filter");
        labelFilter.setMaxWidth(Double.MAX_VALUE);
        labelFilter.setTooltip(new Tooltip("Show only the runs and profiles with this label (perfdesk import --label); "
                + "or type key=value in the search"));
        Runnable choices = () -> {
            String chosen = model.labelFilterProperty().get();
            labelFilter.getItems().setAll(ANY_LABEL);
            labelFilter.getItems().addAll(model.labelChoices());
            labelFilter.setValue(chosen == null || chosen.isEmpty() ? ANY_LABEL : chosen);
        };
        model.labelChoices().addListener((javafx.collections.ListChangeListener<String>) c -> choices.run());
        choices.run();
        labelFilter.valueProperty().addListener((o, was, now) -> model.labelFilterProperty().set(
                now == null || now.equals(ANY_LABEL) ? "" : now));
        model.labelFilterProperty().addListener((o, was, now) -> labelFilter.setValue(
                now == null || now.isEmpty() ? ANY_LABEL : now));
        list.setItems(model.visibleEntries());
        list.getStyleClass().add("library-list");
        Label empty = new Label();
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(model.importingProperty())
                .then("Importing…\nItems appear here as soon as the import is done.")
                .otherwise("Nothing here yet.\nFile ▸ Open… (Ctrl+O), or drop files on the window."));
        empty.getStyleClass().add("placeholder-text");
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        this.model = model;
        list.setCellFactory(v -> new EntryCell(model.labelFilterProperty()));
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected() != null) {
                onOpen.accept(selected());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selected() != null) {
                onOpen.accept(selected());
            } else if (e.getCode() == KeyCode.DELETE && selected() != null) {
                onDelete.accept(selected());
            } else if (e.getCode() == KeyCode.F2 && selected() != null) {
                onRename.accept(selected());
            } else if ((e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.LEFT) && selected() != null
                    && model.isGroupHead(selected())
                    && model.isExpanded(selected()) == (e.getCode() == KeyCode.LEFT)) {
                LibraryEntry head = selected();
                model.toggle(head);
                list.getSelectionModel().clearAndSelect(list.getItems().indexOf(head));
                e.consume();
            }
        });
        MenuItem open = new MenuItem("Open");
        open.setOnAction(e -> onOpen.accept(selected()));
        MenuItem rename = new MenuItem("Rename…");
        rename.setOnAction(e -> onRename.accept(selected()));
        MenuItem delete = new MenuItem("Delete…");
        delete.setOnAction(e -> onDelete.accept(selected()));
        MenuItem compare = new MenuItem("Compare selected");
        compare.setOnAction(e -> onCompare.accept(selection()));
        ContextMenu menu = new ContextMenu(open, rename, delete, new SeparatorMenuItem(), compare);
        menu.setOnShowing(e -> {
            int n = selection().size();
            open.setDisable(selected() == null);
            rename.setDisable(n != 1);
            delete.setDisable(n != 1);
            compare.setDisable(!canCompare(selection()));
        });
        list.setContextMenu(menu);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(search, labelFilter, list);
        // the label filter shows once the store has labelled runs or profiles
        labelFilter.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.labelChoices()));
        labelFilter.managedProperty().bind(labelFilter.visibleProperty());
    }

    /**
     * Whether "Compare selected" applies: exactly two profiles. Comparing runs is not offered here (yet), nor a
     * profile with a run.
     */
    static boolean canCompare(List<LibraryEntry> selection) {
        return selection.size() == 2 && (selection.stream().allMatch(e -> e.kind() == LibraryEntry.Kind.PROFILE)
                || selection.stream().allMatch(e -> e.kind() == LibraryEntry.Kind.RUN));
    }

    public LibraryEntry selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    /** Every selected entry, in list order. */
    public List<LibraryEntry> selection() {
        return list.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull).toList();
    }

    /** The list, for keyboard focus and tests. */
    public ListView<LibraryEntry> list() {
        return list;
    }

    /** The label filter: "Any label" or one {@code key=value}. */
    public javafx.scene.control.ComboBox<String> labelFilter() {
        return labelFilter;
    }

    /** The search field. */
    public TextField searchField() {
        return search;
    }

    /** A profile's event kind without the event id its details line shows: {@code Socket read}. */
    static String shortEvent(LibraryEntry e) {
        String t = e.eventTitle();
        String id = " (" + e.event() + ")";
        return !e.event().isEmpty() && t.endsWith(id) && t.length() > id.length()
                ? t.substring(0, t.length() - id.length()) : t;
    }

    /**
     * Two lines: the name, and format, event, samples and date in smaller type. A file with several profiles (a JFR
     * recording's event kinds) is one entry with a disclosure arrow; its other profiles, when shown, are indented
     * under it with only their event kind.
     */
    private final class EntryCell extends ListCell<LibraryEntry> {
        private final Label arrow = new Label();
        private final Label title = new Label();
        private final Label details = new Label();
        private final Label labels = new Label();
        private final VBox text = new VBox(1, title, details, labels);
        private final HBox box = new HBox(4, arrow, text);

        private final javafx.beans.property.StringProperty filter;

        EntryCell(javafx.beans.property.StringProperty filter) {
            this.filter = filter;
            // A zero preferred width keeps long names from widening the list: they are elided instead.
            setPrefWidth(0);
            title.getStyleClass().add("library-entry-title");
            details.getStyleClass().add("library-entry-details");
            arrow.getStyleClass().add("library-group-arrow");
            arrow.setMinWidth(14);
            title.setMinWidth(0);
            details.setMinWidth(0);
            labels.getStyleClass().addAll("library-entry-details", "library-entry-labels");
            labels.setMinWidth(0);
            // up to two lines of labels; more are elided
            labels.setWrapText(true);
            labels.setMaxHeight(30);
            labels.managedProperty().bind(labels.visibleProperty());
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            arrow.setOnMouseClicked(e -> {
                LibraryEntry item = getItem();
                if (item != null && model.isGroupHead(item)) {
                    model.toggle(item);
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(LibraryEntry item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("library-run", "library-profile", "library-group", "library-member");
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
            } else {
                boolean head = model.isGroupHead(item);
                boolean member = model.isGroupMember(item);
                if (head) {
                    arrow.setText(model.isExpanded(item) ? "▾" : "▸");
                    title.setText(item.fileTitle());
                    // Expanded, the file's entry stands for its first profile too, so it names that one.
                    details.setText(model.isExpanded(item) ? shortEvent(item) + " · " + item.amount()
                            : item.format() + " · " + model.groupSize(item) + " event kinds · "
                            + item.details().substring(item.details().lastIndexOf(" · ") + 3));
                    setTooltip(new Tooltip(item.fileTitle() + "\n" + model.groupSize(item) + " profiles; opens "
                            + item.eventTitle() + "\nClick ▸ or press → to list them all"));
                } else if (member) {
                    arrow.setText("");
                    title.setText(shortEvent(item));
                    details.setText((item.event().isEmpty() ? "" : item.event() + " · ") + item.amount());
                    setTooltip(new Tooltip(item.title() + "\n" + item.details() + "\nid " + item.key()));
                } else {
                    arrow.setText("");
                    title.setText(item.title());
                    details.setText(item.details());
                    setTooltip(new Tooltip(item.title() + "\n" + item.details() + "\nid " + item.key()));
                }
                labels.setText(item.labelText(filter.get()));
                labels.setVisible(!item.labels().isEmpty());
                if (!item.labels().isEmpty() && getTooltip() != null) {
                    setTooltip(new Tooltip(getTooltip().getText() + "\n" + item.labelText().replace(" · ", "\n")));
                }
                arrow.setVisible(head);
                arrow.setManaged(head || member);
                setGraphic(box);
                getStyleClass().add(item.isRun() ? "library-run" : "library-profile");
                if (head) {
                    getStyleClass().add("library-group");
                } else if (member) {
                    getStyleClass().add("library-member");
                }
            }
            setText(null);
        }
    }
}
