package dev.perfdesk.viewers.flame;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

import dev.perfdesk.core.flame.FramePalette;
import dev.perfdesk.core.flame.LegendEntry;

/** The colour legend under a flame graph: one swatch and label per entry, wrapping when narrow. */
public final class FlameLegend extends FlowPane {
    public FlameLegend() {
        getStyleClass().add("flame-legend");
    }

    /** Shows {@code entries}, replacing what was shown; an empty list leaves the legend empty. */
    public void setEntries(List<LegendEntry> entries) {
        getChildren().clear();
        for (LegendEntry entry : entries) {
            Region swatch = new Region();
            swatch.getStyleClass().add("legend-swatch");
            swatch.setStyle("-fx-background-color: " + FramePalette.hex(entry.rgb()) + ";");
            Label label = new Label(entry.label(), swatch);
            label.getStyleClass().add("legend-entry");
            getChildren().add(label);
        }
    }
}
