package dev.perfdesk.app.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class SampleDataTest {

    /** The project's sample-data folder; found from the module folder, since UI tests change the property. */
    static final Path ROOT = Path.of("..", "sample-data").toAbsolutePath().normalize();

    @Test
    void importsRecordedResultsButNotTheTestPlansScriptsAndNotesNextToThem() {
        List<String> names = SampleData.files(ROOT).stream().map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                .toList();
        assertTrue(names.contains("bench/jtl/jmeter-5.6.3-results.jtl"), names.toString());
        assertTrue(names.contains("bench/jtl/jmeter-results.jtl"), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.matches(".*\\.(jmx|sh|py|md)$")), names.toString());
    }
}
