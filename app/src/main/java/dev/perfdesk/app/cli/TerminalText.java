package dev.perfdesk.app.cli;

/**
 * Names from input files as a terminal and a spreadsheet may safely receive them. A name keeps every character in
 * the store; only what is printed changes.
 *
 * <pre>{@code
 * TerminalText.escape("evil\u001b]0;pwned\u0007");   // "evil\x1b]0;pwned\x07": no escape sequence reaches the terminal
 * TerminalText.csvCell("=HYPERLINK(\"x\")");        // "\"'=HYPERLINK(\"\"x\"\")\"": read as text, not a formula
 * }</pre>
 */
final class TerminalText {

    private TerminalText() {
    }

    /**
     * {@code s} with control characters (C0, DEL and C1: ESC, BEL, CR, LF, TAB...) and the backslash written as
     * escapes ({@code \x1b}, {@code \n}, {@code \t}, {@code \\}), so an input file cannot move the cursor, set the
     * terminal's title or break a line of a table.
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\\' -> "\\\\";
                default -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                        ? String.format("\\x%02x", (int) c) : null;
            };
            if (replacement != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * A CSV cell (RFC 4180 quoting) that a spreadsheet reads as text: a cell starting with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return is prefixed with {@code '}, as OWASP's CSV injection advice
     * says, so it is never evaluated as a formula. Numbers written by Perfdesk do not go through here.
     */
    static String csvCell(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(s)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
