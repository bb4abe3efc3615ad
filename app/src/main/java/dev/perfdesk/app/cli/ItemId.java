package dev.perfdesk.app.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An id as the command line shows it: profiles by number ({@code 12}), benchmark runs by number after an {@code r}
 * ({@code r3}), series sets after an {@code s} ({@code s2}), perf c2c reports after {@code cl} for cache lines
 * ({@code cl4}; {@code c} is a saved comparison in {@code list}). Each kind is numbered apart in the store, so the
 * letter
 * tells them apart, and each kind is its own type:
 *
 * <pre>{@code
 * ItemId id = ItemId.parse("r3");
 * if (id instanceof ItemId.RunId run) { store.findRun(run.number()); }
 * }</pre>
 */
sealed interface ItemId permits ItemId.ProfileId, ItemId.RunId, ItemId.SeriesId, ItemId.C2cId {
    /** The id in its kind's table. */
    long number();

    /** A profile: {@code 12}. */
    record ProfileId(long number) implements ItemId {
        @Override
        public String toString() {
            return Long.toString(number);
        }
    }

    /** A benchmark run: {@code r3}. */
    record RunId(long number) implements ItemId {
        @Override
        public String toString() {
            return ofRun(number);
        }
    }

    /** A series set: {@code s2}. */
    record SeriesId(long number) implements ItemId {
        @Override
        public String toString() {
            return ofSeries(number);
        }
    }

    /** A perf c2c report: {@code cl4}. */
    record C2cId(long number) implements ItemId {
        @Override
        public String toString() {
            return ofC2c(number);
        }
    }

    /** Text that is not an id, with the sentence that says which forms are. */
    final class NotAnIdException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotAnIdException(String text) {
            super("'" + text + "' is not an id: profiles are numbers (12), benchmark runs r and a number (r3), "
                    + "series s and a number (s2), c2c reports cl and a number (cl4)");
        }
    }

    /** Parses {@code 12}, {@code r3}, {@code s2} or {@code cl4}. */
    static ItemId parse(String text) {
        Matcher m = Form.PATTERN.matcher(text.strip());
        if (!m.matches()) {
            throw new NotAnIdException(text);
        }
        long number = Long.parseLong(m.group(2));
        return switch (m.group(1) == null ? "" : m.group(1)) {
            case "r" -> new RunId(number);
            case "s" -> new SeriesId(number);
            case "cl" -> new C2cId(number);
            default -> new ProfileId(number);
        };
    }

    /** The id of a series set as the command line prints it. */
    static String ofSeries(long id) {
        return "s" + id;
    }

    /** The id of a perf c2c report as the command line prints it. */
    static String ofC2c(long id) {
        return "cl" + id;
    }

    /** The id of a run as the command line prints it. */
    static String ofRun(long id) {
        return "r" + id;
    }

    /** The textual form of an id (an interface cannot hold a private constant). */
    final class Form {
        static final Pattern PATTERN = Pattern.compile("(cl|[rs])?(\\d{1,18})");

        private Form() {
        }
    }

    /** Lets picocli turn a bad id into a usage error. */
    final class Converter implements ITypeConverter<ItemId> {
        @Override
        public ItemId convert(String value) {
            try {
                return parse(value);
            } catch (NotAnIdException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
