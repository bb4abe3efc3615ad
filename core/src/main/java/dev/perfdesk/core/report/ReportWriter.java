package dev.perfdesk.core.report;

import java.util.Locale;

/**
 * Writes comparison reports in one format. Every name taken from input files is escaped for the format.
 *
 * <pre>{@code
 * ReportWriter writer = ReportWriter.forFormat("md");
 * Files.writeString(Path.of("report." + writer.extension()), writer.write(comparison));
 * }</pre>
 */
public interface ReportWriter {

    /** The report of a benchmark run comparison. */
    String write(RunComparison comparison);

    /** The report of a profile comparison. */
    String write(ProfileComparison comparison);

    /**
     * The report of a run comparison that also shows where time moved: the comparisons of the profiles attached to
     * the two runs (top changed functions, and in HTML the differential flame graph), before the verdict. With no
     * profile comparison it is {@link #write(RunComparison)}.
     */
    String write(RunComparison comparison, java.util.List<ProfileComparison> profiles);

    /** The usual file extension, without the dot: {@code md}, {@code html}, {@code json}, {@code txt}. */
    String extension();

    /**
     * The writer for {@code text}, {@code md} (or {@code markdown}), {@code json} or {@code html}.
     *
     * @throws IllegalArgumentException for any other name
     */
    static ReportWriter forFormat(String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "text":
            case "txt":
                return new TextReportWriter();
            case "md":
            case "markdown":
                return new MarkdownReportWriter();
            case "json":
                return new JsonReportWriter();
            case "html":
                return new HtmlReportWriter();
            default:
                throw new IllegalArgumentException("unknown report format '" + format
                        + "': use text, md, json or html");
        }
    }
}
