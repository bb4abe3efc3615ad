package dev.perfdesk.viewers.c2c;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.perfdesk.core.c2c.C2cLine;
import dev.perfdesk.core.c2c.C2cOffset;
import dev.perfdesk.core.c2c.C2cReport;
import dev.perfdesk.core.c2c.C2cValues;
import dev.perfdesk.core.c2c.FalseSharing;

/**
 * A perf c2c report: the Shared Data Cache Line Table above (every column perf printed, under perf's group headings,
 * sortable by any column, numbers as numbers), the selected line's offsets from the pareto below, and the lines and
 * offsets that show false sharing highlighted by {@link FalseSharing}'s rule, which the view states above the tables.
 */
public final class C2cView extends BorderPane {
    /** The background of highlighted rows. */
    static final String HIGHLIGHT = "-fx-background-color: #ffd9a8;";
    /** The background of a highlighted row that is selected: darker, so the highlight stays visible. */
    static final String HIGHLIGHT_SELECTED = "-fx-background-color: #f2a35a; -fx-text-background-color: black;";

    private final C2cReport report;
    private final TableView<C2cLine> lines = new TableView<>();
    private final TableView<C2cOffset> offsets = new TableView<>();
    private final Label offsetsTitle = new Label();
    private final Label status = new Label();

    public C2cView(C2cReport report) {
        this.report = report;
        getStyleClass().add("c2c-view");

        Label title = new Label("perf c2c: " + report.name());
        title.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        int flagged = FalseSharing.lineCount(report);
        Label facts = new Label(String.join("   ·   ", facts(report, flagged)));
        facts.setWrapText(true);
        Region swatch = new Region();
        swatch.setMinSize(14, 14);
        swatch.setMaxSize(14, 14);
        swatch.setStyle(HIGHLIGHT + " -fx-border-color: #c07000;");
        Label rule = new Label(FalseSharing.RULE);
        rule.setWrapText(true);
        rule.getStyleClass().add("c2c-rule");
        HBox legend = new HBox(8, swatch, rule);
        legend.setFillHeight(false);
        javafx.scene.control.Button markdown = new javafx.scene.control.Button("Export Markdown…");
        markdown.setOnAction(e -> dev.perfdesk.viewers.ExportDialogs.export(this, "Export the c2c report as Markdown",
                "Markdown", "*.md", baseName() + ".md", this::exportMarkdown, status::setText));
        javafx.scene.control.Button html = new javafx.scene.control.Button("Export HTML…");
        html.setOnAction(e -> dev.perfdesk.viewers.ExportDialogs.export(this, "Export the c2c report as HTML",
                "HTML page", "*.html", baseName() + ".html", this::exportHtml, status::setText));
        Region grow = new Region();
        HBox.setHgrow(grow, javafx.scene.layout.Priority.ALWAYS);
        HBox titleRow = new HBox(8, title, grow, status, markdown, html);
        titleRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox head = new VBox(4, titleRow, facts, legend);
        head.setPadding(new Insets(8, 10, 6, 10));
        setTop(head);

        lines.getColumns().add(markColumn("False\nsharing", l -> FalseSharing.showsFalseSharing(report, l)));
        addColumns(lines, report.lineColumns(), C2cLine::cells, report.lines(), false);
        lines.setItems(FXCollections.observableArrayList(report.lines()));
        lines.setRowFactory(t -> highlightedRow(l -> FalseSharing.showsFalseSharing(report, l)));
        lines.setPlaceholder(new Label("The report lists no shared cache lines (perf c2c report --stats, or no "
                + "HITMs)."));
        lines.getSelectionModel().selectedItemProperty().addListener((o, was, line) -> showOffsets(line));

        offsets.getColumns().add(markColumn("Contended", o -> FalseSharing.contended(report, o)));
        addColumns(offsets, report.offsetColumns(), C2cOffset::cells,
                report.lines().stream().flatMap(l -> l.offsets().stream()).toList(), true);
        offsets.setRowFactory(t -> highlightedRow(o -> {
            C2cLine line = lines.getSelectionModel().getSelectedItem();
            return line != null && FalseSharing.highlighted(report, line, o);
        }));
        offsets.setPlaceholder(new Label("Select a cache line to see its offsets."));
        offsetsTitle.setStyle("-fx-font-weight: bold;");
        offsetsTitle.setPadding(new Insets(4, 8, 4, 8));
        VBox bottom = new VBox(offsetsTitle, offsets);
        VBox.setVgrow(offsets, javafx.scene.layout.Priority.ALWAYS);

        SplitPane split = new SplitPane(lines, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);
        if (!report.lines().isEmpty()) {
            lines.getSelectionModel().select(0);
        } else {
            showOffsets(null);
        }
    }

    private static List<String> facts(C2cReport report, int flagged) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!report.events().isEmpty()) {
            out.add("events " + report.events());
        }
        String sort = report.details().get("Cachelines sort on");
        if (sort != null) {
            out.add("sorted on " + sort);
        }
        String records = report.traceEvents().get("Total records");
        if (records != null) {
            out.add(records + " records");
        }
        String lcl = report.traceEvents().get("Load Local HITM");
        String rmt = report.traceEvents().get("Load Remote HITM");
        if (lcl != null && rmt != null) {
            out.add("HITM " + lcl + " local, " + rmt + " remote");
        }
        out.add(report.lines().size() + (report.lines().size() == 1 ? " shared cache line" : " shared cache lines"));
        out.add(flagged + " with false sharing");
        return out;
    }

    private void showOffsets(C2cLine line) {
        if (line == null) {
            offsets.setItems(FXCollections.observableArrayList());
            offsetsTitle.setText("Offsets");
            return;
        }
        boolean fs = FalseSharing.showsFalseSharing(report, line);
        offsetsTitle.setText("Offsets of cache line " + line.index() + " (" + line.address() + ")"
                + (fs ? ": false sharing, the contended offsets highlighted" : ": no false sharing by the rule"));
        offsets.setItems(FXCollections.observableArrayList(line.offsets()));
    }

    private static <T> TableColumn<T, String> markColumn(String name, Predicate<T> marked) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(marked.test(d.getValue()) ? "yes" : ""));
        c.setPrefWidth(name.lines().mapToInt(String::length).max().orElse(4) * 7.5 + 30);
        c.setStyle("-fx-alignment: CENTER;");
        return c;
    }

    private static <T> void addColumns(TableView<T> table, List<String> names, Function<T, List<String>> cells,
                                       List<T> rows, boolean codeFirst) {
        List<ColumnGroups.Group> groups = new java.util.ArrayList<>(ColumnGroups.of(names));
        if (codeFirst) {
            // the offset and who touched it (symbol, object, source line) first, then perf's numbers in its order
            List<ColumnGroups.Group> code = groups.stream().filter(g -> g.title().equals("Data address")
                    || isText(g.title())).toList();
            groups.removeAll(code);
            groups.addAll(0, code);
        }
        for (ColumnGroups.Group g : groups) {
            if (g.children().isEmpty()) {
                table.getColumns().add(leaf(g.title(), g.first(), cells, rows));
            } else {
                TableColumn<T, String> parent = new TableColumn<>(g.title());
                for (int k = 0; k < g.children().size(); k++) {
                    parent.getColumns().add(leaf(g.children().get(k), g.first() + k, cells, rows));
                }
                table.getColumns().add(parent);
            }
        }
    }

    private static <T> TableColumn<T, String> leaf(String name, int index, Function<T, List<String>> cells,
                                                   List<T> rows) {
        TableColumn<T, String> c = new TableColumn<>(name);
        int widest = 0;
        for (T row : rows) {
            List<String> r = cells.apply(row);
            widest = Math.max(widest, index < r.size() ? r.get(index).length() : 0);
        }
        c.setCellValueFactory(d -> {
            List<String> row = cells.apply(d.getValue());
            return new ReadOnlyObjectWrapper<>(index < row.size() ? row.get(index) : "");
        });
        c.setComparator(C2cValues.CELL_ORDER);
        boolean text = isText(name);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setStyle(text ? "-fx-alignment: CENTER-LEFT;" : "-fx-alignment: CENTER-RIGHT;");
            }
        });
        // wide enough for the name and the sort arrow, and for the longest cell (up to a limit for symbols)
        c.setPrefWidth(Math.min(text ? 260 : 150, Math.max(name.length() * 7 + 28, widest * (text ? 7.2 : 8.2) + 16)));
        return c;
    }

    private static boolean isText(String name) {
        return name.equals("Symbol") || name.contains("Object") || name.contains("Source");
    }

    private static <T> TableRow<T> highlightedRow(Predicate<T> marked) {
        return new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                boolean on = !empty && item != null && marked.test(item);
                setStyle(on ? isSelected() ? HIGHLIGHT_SELECTED : HIGHLIGHT : "");
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("false-sharing"), on);
            }

            @Override
            public void updateSelected(boolean selected) {
                super.updateSelected(selected);
                T item = getItem();
                boolean on = item != null && !isEmpty() && marked.test(item);
                setStyle(on ? selected ? HIGHLIGHT_SELECTED : HIGHLIGHT : "");
            }
        };
    }

    private String baseName() {
        String name = report.name().replaceAll("[^A-Za-z0-9._-]+", "_");
        return name.isEmpty() ? "c2c" : name;
    }

    /** Writes the Markdown report ({@code C2cReportWriter}) to {@code file}, as the button does after asking. */
    public void exportMarkdown(java.nio.file.Path file) throws java.io.IOException {
        java.nio.file.Files.writeString(file, dev.perfdesk.core.report.C2cReportWriter.markdown(report));
    }

    /** Writes the HTML report to {@code file}, as the button does after asking where. */
    public void exportHtml(java.nio.file.Path file) throws java.io.IOException {
        java.nio.file.Files.writeString(file, dev.perfdesk.core.report.C2cReportWriter.html(report));
    }

    /** The cache line table, for tests. */
    public TableView<C2cLine> lineTable() {
        return lines;
    }

    /** The selected line's offsets, for tests. */
    public TableView<C2cOffset> offsetTable() {
        return offsets;
    }

    /** The report shown. */
    public C2cReport report() {
        return report;
    }
}
