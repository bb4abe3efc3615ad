package dev.perfdesk.core.report;

import dev.perfdesk.core.util.XmlText;

/**
 * Makes text from input files inert in GitHub-flavoured Markdown while leaving ordinary text as it is: pipes,
 * backticks and brackets are backslash-escaped, a backslash before punctuation too; {@code * _ ~} only where they
 * could open or close emphasis (next to a non-space, with another of them on the line); {@code <} and {@code &}
 * become entities only where they could start a tag, an autolink or an entity ({@code <img}, {@code &amp;});
 * line breaks become spaces. So a benchmark
 * named {@code a|b} stays in its table cell, {@code <img src=x>} stays text, and {@code p<0.001} or {@code 1.37}
 * read as written.
 */
final class MarkdownText {

    private MarkdownText() {
    }

    /** {@code text} escaped for a table cell, a heading or a paragraph. */
    static String escape(String text) {
        String line = XmlText.singleLine(text);
        StringBuilder sb = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char next = i + 1 < line.length() ? line.charAt(i + 1) : ' ';
            char prev = i > 0 ? line.charAt(i - 1) : ' ';
            switch (c) {
                case '<':
                    sb.append(Character.isLetter(next) || next == '/' || next == '!' || next == '?' ? "&lt;" : "<");
                    break;
                case '&':
                    sb.append(startsEntity(line, i + 1) ? "&amp;" : "&");
                    break;
                case '>':
                    sb.append(i == 0 ? "&gt;" : ">");
                    break;
                case '|':
                case '`':
                case '[':
                case ']':
                    sb.append('\\').append(c);
                    break;
                case '\\':
                    sb.append(isAsciiPunctuation(next) || i + 1 == line.length() ? "\\\\" : "\\");
                    break;
                case '*':
                case '_':
                case '~':
                    if ((!Character.isWhitespace(prev) || !Character.isWhitespace(next))
                            && line.indexOf(c) != line.lastIndexOf(c)) {
                        sb.append('\\');
                    }
                    sb.append(c);
                    break;
                default:
                    if (i == 0 && startsBlock(line)) {
                        sb.append('\\');
                    }
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A heading, a list item, a rule or an ordered list at the start: {@code # x}, {@code - x}, {@code 1. x}. */
    private static boolean startsBlock(String line) {
        char c = line.charAt(0);
        if ("#+-=".indexOf(c) >= 0) {
            return line.length() == 1 || line.charAt(1) == ' ' || line.chars().allMatch(ch -> ch == c);
        }
        if (Character.isDigit(c)) {
            int j = 0;
            while (j < line.length() && Character.isDigit(line.charAt(j))) {
                j++;
            }
            return j < line.length() && (line.charAt(j) == '.' || line.charAt(j) == ')')
                    && (j + 1 == line.length() || line.charAt(j + 1) == ' ');
        }
        return c == '!' && line.length() > 1 && line.charAt(1) == '[';
    }

    private static boolean startsEntity(String line, int from) {
        int j = from;
        if (j < line.length() && line.charAt(j) == '#') {
            j++;
        }
        int start = j;
        while (j < line.length() && Character.isLetterOrDigit(line.charAt(j))) {
            j++;
        }
        return j > start && j < line.length() && line.charAt(j) == ';';
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && c > ' ';
    }
}
