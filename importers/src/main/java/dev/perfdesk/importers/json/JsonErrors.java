package dev.perfdesk.importers.json;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

import dev.perfdesk.importers.spi.ImportException;

/** Import errors at a streaming JSON parser's position: the line when it knows one, else the byte offset. */
public final class JsonErrors {
    private JsonErrors() {
    }

    /** An error at where {@code parser} is now. */
    public static ImportException at(Path file, JsonParser parser, String problem) {
        return at(file, parser.currentLocation(), problem);
    }

    /** An error for Jackson's own complaint, at the place it names, in words (see {@link #describe}). */
    public static ImportException of(Path file, JsonProcessingException e) {
        ImportException out = at(file, e.getLocation(), "not valid JSON: " + describe(e));
        out.initCause(e);
        return out;
    }

    private static final Pattern CHAR = Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)\\)\\)"
            + "(?: in numeric value)?(?::\\s*(.*))?$", Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)"
            + "\\)\\).*", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '(.*?)'.*", Pattern.DOTALL);
    private static final Pattern LIMIT = Pattern.compile("^(String value|Number value|Name) length \\((\\d+)\\) "
            + "exceeds the maximum allowed \\((\\d+).*", Pattern.DOTALL);
    private static final Pattern DEPTH = Pattern.compile("^Document nesting depth \\((\\d+)\\) exceeds the maximum "
            + "allowed \\((\\d+).*", Pattern.DOTALL);
    private static final Pattern RANGE = Pattern.compile("^Numeric value \\((.*?)\\) out of range of (\\w+).*",
            Pattern.DOTALL);
    private static final Pattern CLOSE = Pattern.compile("^Unexpected close marker '(.)': expected '(.)'.*",
            Pattern.DOTALL);

    /**
     * Jackson's complaint in the house's words, without its class names, character codes or source excerpts:
     * {@code Unexpected character ('x' (code 120)): expected a valid value ...} becomes
     * {@code unexpected character 'x' where a value was expected}. Messages it does not know keep their first line,
     * with any {@code at [Source: ...]} part removed.
     */
    public static String describe(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        Matcher m;
        if (message.contains("end-of-input")) {
            return "the JSON ends early; the file looks truncated";
        }
        if ((m = CONTROL.matcher(message)).matches()) {
            return "control character " + m.group(1) + " inside a string, where it must be escaped with a backslash";
        }
        if ((m = CHAR.matcher(message)).matches()) {
            String c = Integer.parseInt(m.group(2)) < 0x20 ? "code " + m.group(2) : "'" + m.group(1) + "'";
            String expected = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
            String where;
            if (expected.startsWith("expected a valid value")) {
                where = " where a value (string, number, array, object, true, false or null) was expected";
            } else if (expected.contains("comma to separate object")) {
                where = "; expected a comma or '}' after an object entry";
            } else if (expected.contains("comma to separate array")) {
                where = "; expected a comma or ']' after an array element";
            } else if (expected.contains("double-quote to start field name")) {
                where = "; expected a field name in double quotes";
            } else if (expected.contains("colon to separate field name")) {
                where = "; expected ':' after a field name";
            } else if (expected.contains("digit")) {
                where = " inside a number";
            } else {
                where = "";
            }
            return "unexpected character " + c + where;
        }
        if ((m = TOKEN.matcher(message)).matches()) {
            String token = m.group(1).length() > 40 ? m.group(1).substring(0, 40) + "…" : m.group(1);
            return "unexpected word '" + token + "' where a value (string, number, array, object, true, false or "
                    + "null) was expected";
        }
        if ((m = LIMIT.matcher(message)).matches()) {
            String what = switch (m.group(1)) {
                case "String value" -> "a string";
                case "Number value" -> "a number";
                default -> "a field name";
            };
            return String.format(Locale.ROOT, "%s of %,d characters; longer than %,d is not read", what,
                    Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
        }
        if ((m = DEPTH.matcher(message)).matches()) {
            return "arrays and objects nested " + m.group(1) + " deep; deeper than " + m.group(2) + " is not read";
        }
        if ((m = RANGE.matcher(message)).matches()) {
            String number = m.group(1).length() > 40 ? m.group(1).substring(0, 40) + "…" : m.group(1);
            return "the number " + number + " is out of range (" + m.group(2) + ")";
        }
        if ((m = CLOSE.matcher(message)).matches()) {
            return "'" + m.group(1) + "' where '" + m.group(2) + "' closes the open "
                    + (m.group(2).equals("}") ? "object" : "array");
        }
        int nl = message.indexOf('\n');
        if (nl > 0) {
            message = message.substring(0, nl);
        }
        int source = message.indexOf(" at [Source:");
        if (source > 0) {
            message = message.substring(0, source);
        }
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static ImportException at(Path file, JsonLocation location, String problem) {
        if (location != null && location.getLineNr() > 0) {
            return ImportException.atLine(file, location.getLineNr(), problem);
        }
        return ImportException.atByte(file, location == null ? -1 : location.getByteOffset(), problem);
    }
}
