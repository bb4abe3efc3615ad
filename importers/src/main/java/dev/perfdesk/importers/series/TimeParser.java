package dev.perfdesk.importers.series;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time cell as epoch milliseconds. Text times are ISO-8601 (date, or date and time with {@code T} or a space,
 * optional fraction and offset; no offset means UTC) or Otava's {@code 2024.01.31 9:00:00 +0100}. Numbers are Unix
 * time whose unit the column's first value decides: below 10<sup>11</sup> seconds (up to the year 5138), below
 * 10<sup>14</sup> milliseconds, below 10<sup>17</sup> microseconds, else nanoseconds.
 */
final class TimeParser {
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})([-./])(\\d{1,2})\\2(\\d{1,2})"
                    + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");

    /** Milliseconds per unit of the column's numbers, or 0 until the first number is seen. */
    private double numberScale;

    /**
     * Whether {@code s} is a decimal number, {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}, in one pass: the
     * regular expression backtracked quadratically on a long run of digits followed by anything else.
     */
    static boolean isNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = digits(s, i);
        i += intDigits;
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            fracDigits = digits(s, i);
            i += fracDigits;
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = digits(s, i);
            if (expDigits == 0) {
                return false;
            }
            i += expDigits;
        }
        return i == n;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** Epoch milliseconds, or throws {@link DateTimeException} with what was wrong. */
    long parse(String cell) {
        if (isNumber(cell)) {
            double v = Double.parseDouble(cell);
            if (numberScale == 0) {
                double a = Math.abs(v);
                numberScale = a < 1e11 ? 1000 : a < 1e14 ? 1 : a < 1e17 ? 1e-3 : 1e-6;
            }
            return checked(Math.round(v * numberScale), cell);
        }
        Matcher m = DATE_TIME.matcher(cell);
        if (!m.matches()) {
            throw new DateTimeException("not a time");
        }
        int hour = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int minute = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
        int nanos = 0;
        if (m.group(8) != null) {
            String fraction = (m.group(8) + "00000000").substring(0, 9);
            nanos = Integer.parseInt(fraction);
        }
        LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), hour, minute, second, nanos);
        return checked(local.toInstant(offset(m.group(9))).toEpochMilli(), cell);
    }

    /** The latest time accepted: the end of the year 9999, as ISO-8601 writes years with four digits. */
    static final long MAX_MILLIS = 253_402_300_799_999L;

    /** {@code millis}, or a {@link DateTimeException} when it lies before 1970 or after the year 9999. */
    private static long checked(long millis, String cell) {
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new DateTimeException("out of range: before 1970 or after the year 9999");
        }
        return millis;
    }

    private static ZoneOffset offset(String s) {
        if (s == null || s.equals("Z") || s.equals("UTC") || s.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        int sign = s.charAt(0) == '-' ? -1 : 1;
        String digits = s.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
