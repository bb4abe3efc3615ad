package dev.perfdesk.viewers.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.perfdesk.core.series.SeriesChangePoint;

/**
 * The trend view model in plain JUnit: no toolkit, the analysis and its result run on the calling thread
 * ({@code Runnable::run} for both executors), or on queues the test drains in the order it likes.
 */
class TrendViewModelTest {
    @Test
    void analysesEveryMetricAndSelectsTheFirst() {
        TrendViewModel vm = new TrendViewModel(Runnable::run, Runnable::run);
        vm.setSeriesSet(TrendData.horreum());
        assertFalse(vm.isBusy());
        assertEquals("", vm.errorProperty().get());
        assertEquals(1, vm.getReports().size());
        assertEquals(List.of(13, 16, 17, 22, 32, 42, 45),
                vm.getReport().changePoints().stream().map(SeriesChangePoint::index).toList());
    }

    @Test
    void keepsTheSelectedMetricWhileItIsStillThereAndClearsWithNoSet() {
        TrendViewModel vm = new TrendViewModel(Runnable::run, Runnable::run);
        vm.setSeriesSet(TrendData.otavaSample());
        assertEquals(List.of("metric1", "metric2"), List.copyOf(vm.getReports().keySet()));
        vm.setSelectedMetric("metric2");
        assertEquals(1, vm.getReport().changePoints().size());
        vm.setOptions(vm.getOptions());
        vm.setSeriesSet(TrendData.otavaSample());
        assertEquals("metric2", vm.getSelectedMetric());
        vm.setSeriesSet(null);
        assertTrue(vm.getReports().isEmpty());
        assertNull(vm.getReport());
    }

    @Test
    void theLatestAnalysisWinsWhateverOrderTheyFinishIn() {
        List<Runnable> compute = new ArrayList<>();
        List<Runnable> ui = new ArrayList<>();
        TrendViewModel vm = new TrendViewModel(compute::add, ui::add);
        vm.setSeriesSet(TrendData.horreum());
        vm.setSeriesSet(TrendData.otavaSample());
        assertTrue(vm.isBusy());
        compute.get(1).run();
        compute.get(0).run();
        ui.forEach(Runnable::run);
        assertEquals(List.of("metric1", "metric2"), List.copyOf(vm.getReports().keySet()));
        assertFalse(vm.isBusy());
    }

    @Test
    void closeDropsTheAnalysisStillRunning() {
        List<Runnable> compute = new ArrayList<>();
        TrendViewModel vm = new TrendViewModel(compute::add, Runnable::run);
        vm.setSeriesSet(TrendData.horreum());
        vm.close();
        compute.forEach(Runnable::run);
        assertTrue(vm.getReports().isEmpty());
    }
}
