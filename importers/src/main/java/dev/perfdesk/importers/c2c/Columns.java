package dev.perfdesk.importers.c2c;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.perfdesk.importers.spi.ImportException;

/**
 * A c2c table's columns from its header: the {@code .....} underline gives each column's span, the row above it the
 * column's name (the text over the span), the row above that a group heading ({@code ----- HITM -----} over several
 * columns, or one word such as {@code Tot} or {@code Snoop} over one), so a column is named {@code HITM RmtHitm},
 * {@code Tot Hitm}, {@code Data address Offset} whatever its position.
 */
final class Columns {
    private static final Pattern DOTS = Pattern.compile("\\.+");
    /** Words separated by single spaces, as in {@code PA cnt} or {@code ----- HITM -----}. */
    private static final Pattern TOKEN = Pattern.compile("\\S+(?: \\S+)*");

    private Columns() {
    }

    static List<String> of(List<String> header, ImportException none) throws ImportException {
        String dots = header.get(header.size() - 1);
        String names = header.size() >= 2 ? header.get(header.size() - 2) : "";
        String groups = header.size() >= 3 ? header.get(header.size() - 3) : "";
        int hash = dots.indexOf('#');
        List<int[]> spans = new ArrayList<>();
        Matcher m = DOTS.matcher(dots);
        while (m.find()) {
            if (m.start() > hash) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        if (spans.isEmpty()) {
            throw none;
        }
        String[] name = new String[spans.size()];
        String[] group = new String[spans.size()];
        for (int[] t : tokens(names)) {
            int best = bestSpan(spans, t);
            if (best >= 0) {
                String word = names.substring(t[0], t[1]);
                name[best] = name[best] == null ? word : name[best] + " " + word;
            }
        }
        for (int[] t : tokens(groups)) {
            String word = groups.substring(t[0], t[1]);
            if (word.startsWith("-")) {
                String title = word.replaceAll("^-+|-+$", "").strip();
                for (int i = 0; i < spans.size(); i++) {
                    if (spans.get(i)[1] > t[0] && spans.get(i)[0] < t[1]) {
                        group[i] = title;
                    }
                }
            } else {
                int best = bestSpan(spans, t);
                if (best >= 0) {
                    group[best] = word;
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            String n = name[i] == null ? "" : name[i];
            String g = group[i] == null || group[i].isEmpty() ? "" : group[i] + " ";
            out.add((g + n).strip());
        }
        return out;
    }

    /** The tokens of a header row after its {@code #}, as {start, end}. */
    private static List<int[]> tokens(String row) {
        List<int[]> out = new ArrayList<>();
        int hash = row.indexOf('#');
        Matcher m = TOKEN.matcher(hash < 0 ? row : row.substring(0, hash) + ' ' + row.substring(hash + 1));
        while (m.find()) {
            if (m.start() > hash) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return out;
    }

    /** The span that overlaps {@code t} most, or the nearest one; -1 when there are none. */
    private static int bestSpan(List<int[]> spans, int[] t) {
        int best = -1;
        int bestOverlap = 0;
        for (int i = 0; i < spans.size(); i++) {
            int overlap = Math.min(spans.get(i)[1], t[1]) - Math.max(spans.get(i)[0], t[0]);
            if (overlap > bestOverlap) {
                best = i;
                bestOverlap = overlap;
            }
        }
        if (best < 0) {
            int distance = Integer.MAX_VALUE;
            for (int i = 0; i < spans.size(); i++) {
                int d = Math.min(Math.abs(spans.get(i)[0] - t[1]), Math.abs(t[0] - spans.get(i)[1]));
                if (d < distance) {
                    best = i;
                    distance = d;
                }
            }
        }
        return best;
    }
}
