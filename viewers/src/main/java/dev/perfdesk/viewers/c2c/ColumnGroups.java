package dev.perfdesk.viewers.c2c;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Groups a c2c table's column names back into perf's two-row header: neighbouring columns that share their leading
 * words ({@code Load Hitm Total}, {@code Load Hitm LclHitm}) become one group ({@code Load Hitm}) over its columns
 * ({@code Total}, {@code LclHitm}); a column alone keeps its whole name. Plain Java, no JavaFX.
 */
public final class ColumnGroups {
    /**
     * One heading.
     *
     * @param title    the group's title, or the column's whole name when it stands alone
     * @param first    the index of its first column
     * @param children the names under the title, or empty for a column alone
     */
    public record Group(String title, int first, List<String> children) {
        public Group {
            children = List.copyOf(children);
        }
    }

    private ColumnGroups() {
    }

    /** The headings of {@code columns}, in order, covering every column once. */
    public static List<Group> of(List<String> columns) {
        List<Group> out = new ArrayList<>();
        int i = 0;
        while (i < columns.size()) {
            String[] first = words(columns.get(i));
            int j = i + 1;
            while (j < columns.size() && first.length > 1 && words(columns.get(j)).length > 1
                    && words(columns.get(j))[0].equals(first[0])) {
                j++;
            }
            if (j - i < 2) {
                out.add(new Group(columns.get(i), i, List.of()));
                i++;
                continue;
            }
            int common = first.length - 1;
            for (int k = i + 1; k < j; k++) {
                String[] w = words(columns.get(k));
                int n = 0;
                while (n < common && n < w.length - 1 && w[n].equals(first[n])) {
                    n++;
                }
                common = n;
            }
            String title = String.join(" ", Arrays.copyOf(first, common));
            List<String> children = new ArrayList<>();
            for (int k = i; k < j; k++) {
                String[] w = words(columns.get(k));
                children.add(String.join(" ", Arrays.copyOfRange(w, common, w.length)));
            }
            out.add(new Group(title, i, children));
            i = j;
        }
        return out;
    }

    private static String[] words(String name) {
        return name.isEmpty() ? new String[0] : name.split(" ");
    }
}
