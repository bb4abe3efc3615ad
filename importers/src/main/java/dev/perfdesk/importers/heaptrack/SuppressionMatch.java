package dev.perfdesk.importers.heaptrack;

/**
 * LeakSanitizer's suppression pattern match as heaptrack uses it ({@code matchesSuppression} in
 * {@code src/analyze/suppressions.cpp}, from LLVM's {@code TemplateMatch}): the pattern is found anywhere in the
 * name; {@code *} matches any text, a leading {@code ^} anchors at the start, {@code $} at the end.
 */
final class SuppressionMatch {
    private SuppressionMatch() {
    }

    /** Whether {@code name} is suppressed by {@code pattern}. */
    static boolean matches(String pattern, String name) {
        return pattern.equals(name) || templateMatch(pattern, name);
    }

    private static boolean templateMatch(String templ, String str) {
        if (str.isEmpty()) {
            return false;
        }
        int t = 0;
        int s = 0;
        boolean start = false;
        if (templ.startsWith("^")) {
            start = true;
            t = 1;
        }
        boolean asterisk = false;
        while (t < templ.length()) {
            char c = templ.charAt(t);
            if (c == '*') {
                t++;
                start = false;
                asterisk = true;
                continue;
            }
            if (c == '$') {
                return s == str.length() || asterisk;
            }
            if (s == str.length()) {
                return false;
            }
            int star = templ.indexOf('*', t);
            int dollar = templ.indexOf('$', t);
            int stop = star < 0 || (dollar >= 0 && dollar < star) ? dollar : star;
            String token = stop < 0 ? templ.substring(t) : templ.substring(t, stop);
            int found = str.indexOf(token, s);
            if (found < 0 || (start && found != s)) {
                return false;
            }
            s = found + token.length();
            t = stop < 0 ? templ.length() : stop;
            start = false;
            asterisk = false;
        }
        return true;
    }
}
