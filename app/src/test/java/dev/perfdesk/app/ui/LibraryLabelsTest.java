package dev.perfdesk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The library's label filter and key=value search words, without the toolkit. */
class LibraryLabelsTest {
    private static LibraryEntry run(long id, Map<String, String> labels) {
        return new LibraryEntry(LibraryEntry.Kind.RUN, id, "build-" + id + ".json", "JMH", "", 1, Instant.EPOCH, "",
                dev.perfdesk.core.model.WeightUnit.SAMPLES, 0, labels);
    }

    @Test
    void aKeyValueWordMatchesALabelExactlyAndOtherWordsAnywhere() {
        LibraryEntry aws = run(1, Map.of("platform", "aws-m6i", "branch", "main"));
        assertTrue(aws.matches("platform=aws-m6i"));
        assertTrue(aws.matches("Platform=AWS-m6i build-1"), "ignoring case, with a plain word");
        assertFalse(aws.matches("platform=aws"), "a label value matches whole");
        assertFalse(aws.matches("platform=gcp-n2"));
        assertTrue(aws.matches("aws"), "a plain word finds label text too");
        assertTrue(aws.hasLabel("branch=main"));
        assertFalse(aws.hasLabel("branch=dev"));
        assertTrue(aws.hasLabel(""), "no filter");
        assertEquals("branch=main · platform=aws-m6i", run(2, new java.util.TreeMap<>(aws.labels()))
                .labelText("branch=main"));
        assertEquals("platform=aws-m6i · branch=main", run(2, new java.util.TreeMap<>(aws.labels()))
                .labelText("platform=aws-m6i"), "the filter's label first");
    }

    @Test
    void theFilterOffersConfigurationsNotBuilds() {
        List<String> choices = LibraryViewModel.labelChoices(List.of(
                run(1, Map.of("platform", "aws-m6i", "commit", "abc", "build", "https://ci/1")),
                run(2, Map.of("platform", "gcp-n2", "commit", "def"))));
        assertEquals(List.of("platform=aws-m6i", "platform=gcp-n2"), choices);
    }
}
