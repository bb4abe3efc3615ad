package dev.perfdesk.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A PostgreSQL store: {@code postgresql://[user[:password]@][host][:port][/database][?param=value&...]}, read as
 * libpq reads it. What the URL leaves out comes from the environment ({@code PGHOST}, {@code PGPORT},
 * {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD}, {@code PGSSLMODE}, {@code PGSSLROOTCERT}, {@code PGSSLCERT},
 * {@code PGSSLKEY}, {@code PGCONNECT_TIMEOUT}, {@code PGAPPNAME}, {@code PGOPTIONS}), then libpq's defaults
 * (localhost, port 5432, the user's login name, a database named after the user, {@code sslmode=prefer}); a password
 * not given comes from {@code PGPASSWORD}, else the password file ({@code PGPASSFILE} or {@code ~/.pgpass}, used only
 * when no one else may read it, as libpq does). Perfdesk connects over TCP only and waits at most 10 s for a server
 * unless {@code connect_timeout} says otherwise.
 *
 * <p>This is a class rather than a record so that the password cannot leak through a generated {@code toString}:
 * {@link #toString()} is {@code postgresql://user@host:port/database}, never with the password.
 */
public final class PostgresLocation implements StoreLocation {
    /** The URL parameters Perfdesk understands, as libpq names them. */
    static final List<String> PARAMETERS = List.of("sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout",
            "application_name", "options", "user", "password", "host", "port", "dbname");
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");
    /** libpq waits for ever by default; a CI job should not. */
    static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final String passwordSource;
    private final Map<String, String> driverProperties;

    private PostgresLocation(String host, int port, String database, String user, String password,
                             String passwordSource, Map<String, String> driverProperties) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.passwordSource = passwordSource;
        this.driverProperties = Map.copyOf(driverProperties);
    }

    /** The server's host name. */
    public String host() {
        return host;
    }

    /** The server's TCP port. */
    public int port() {
        return port;
    }

    /** The database on the server. */
    public String database() {
        return database;
    }

    /** The role Perfdesk logs in as. */
    public String user() {
        return user;
    }

    /** Where the password came from, for messages ("PGPASSWORD", "the URL", a password file), or empty. */
    public String passwordSource() {
        return passwordSource;
    }

    /** Whether a password is known (from the URL, {@code PGPASSWORD} or a password file). */
    public boolean hasPassword() {
        return password != null;
    }

    /** The password, or null; package-private so only the engine sees it. */
    String password() {
        return password;
    }

    /** The JDBC URL, without user or password (they go in {@link #driverProperties()}). */
    String jdbcUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + percentEncode(database);
    }

    /** The driver's connection properties, the password included. */
    Properties driverProperties() {
        Properties p = new Properties();
        p.putAll(driverProperties);
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    /** The store as people see it: {@code postgresql://user@host:port/database}, never with the password. */
    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "postgresql://" + percentEncode(user) + "@" + h + ":" + port + "/" + percentEncode(database);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresLocation other && toString().equals(other.toString())
                && driverProperties.equals(other.driverProperties);
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /**
     * Reads a {@code postgresql://} URL, completing it from {@code env} and the password file under {@code home}.
     *
     * @throws StoreException if the URL is malformed; the message does not repeat the URL's password
     */
    static PostgresLocation parse(String url, Map<String, String> env, String home) {
        int schemeEnd = url.indexOf("://");
        String rest = url.substring(schemeEnd + 3);
        Map<String, String> params = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw bad("the parameter '" + safeName(pair) + "' has no value");
                }
                String key = decode(pair.substring(0, eq));
                if (!PARAMETERS.contains(key)) {
                    throw bad("unknown parameter '" + safeName(key) + "'; Perfdesk understands "
                            + String.join(", ", PARAMETERS));
                }
                params.put(key, decode(pair.substring(eq + 1)));
            }
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? rest.substring(slash + 1) : "";
        String userInfo = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
        }
        String urlUser = null;
        String urlPassword = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            urlUser = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            if (colon >= 0) {
                urlPassword = decode(userInfo.substring(colon + 1));
            }
        }
        if (authority.contains(",")) {
            throw bad("several hosts in one store URL are not supported; give one host");
        }
        String urlHost = null;
        String urlPort = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw bad("an IPv6 address in [ ] is not closed");
            }
            urlHost = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                urlPort = after.substring(1);
            } else if (!after.isEmpty()) {
                throw bad("unexpected text after the IPv6 address");
            }
        } else if (!authority.isEmpty()) {
            int colon = authority.lastIndexOf(':');
            urlHost = decode(colon >= 0 ? authority.substring(0, colon) : authority);
            urlPort = colon >= 0 ? authority.substring(colon + 1) : null;
        }
        String host = first(params.get("host"), emptyToNull(urlHost), env.get("PGHOST"), "localhost");
        if (host.startsWith("/")) {
            throw bad("the host " + host + " is a socket folder; Perfdesk connects over TCP, give a host name");
        }
        String portText = first(params.get("port"), emptyToNull(urlPort), env.get("PGPORT"), "5432");
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw bad("the port '" + safeName(portText) + "' is not a number from 1 to 65535");
        }
        String user = first(params.get("user"), emptyToNull(urlUser), env.get("PGUSER"),
                System.getProperty("user.name"), "postgres");
        String database = first(params.get("dbname"), emptyToNull(decode(path)), env.get("PGDATABASE"), user);
        String password = null;
        String source = "";
        if (params.containsKey("password")) {
            password = params.get("password");
            source = "the URL";
        } else if (urlPassword != null) {
            password = urlPassword;
            source = "the URL";
        } else if (env.get("PGPASSWORD") != null && !env.get("PGPASSWORD").isEmpty()) {
            password = env.get("PGPASSWORD");
            source = "PGPASSWORD";
        } else {
            Path passFile = env.get("PGPASSFILE") != null && !env.get("PGPASSFILE").isBlank()
                    ? Path.of(env.get("PGPASSFILE")) : home == null ? null : Path.of(home, ".pgpass");
            if (passFile != null) {
                PassFileEntry found = PassFileEntry.lookup(passFile, host, port, database, user);
                if (found != null) {
                    password = found.password;
                    source = found.note;
                } else if (PassFileEntry.unsafe(passFile)) {
                    source = passFile + " was ignored: others may read it (chmod 0600 it)";
                }
            }
        }
        Map<String, String> driver = new LinkedHashMap<>();
        String sslmode = first(params.get("sslmode"), env.get("PGSSLMODE"), "prefer").toLowerCase(Locale.ROOT);
        if (!SSL_MODES.contains(sslmode)) {
            throw bad("sslmode '" + safeName(sslmode) + "' is not one of " + String.join(", ",
                    SSL_MODES.stream().sorted().toList()));
        }
        driver.put("sslmode", sslmode);
        putIfPresent(driver, "sslrootcert", first(params.get("sslrootcert"), env.get("PGSSLROOTCERT"), null));
        putIfPresent(driver, "sslcert", first(params.get("sslcert"), env.get("PGSSLCERT"), null));
        putIfPresent(driver, "sslkey", first(params.get("sslkey"), env.get("PGSSLKEY"), null));
        putIfPresent(driver, "options", first(params.get("options"), env.get("PGOPTIONS"), null));
        String timeout = first(params.get("connect_timeout"), env.get("PGCONNECT_TIMEOUT"),
                Integer.toString(DEFAULT_CONNECT_TIMEOUT_SECONDS));
        try {
            int seconds = Integer.parseInt(timeout.strip());
            // libpq: zero or negative waits for ever; the driver's 0 means the same
            driver.put("connectTimeout", Integer.toString(Math.max(0, seconds)));
        } catch (NumberFormatException e) {
            throw bad("connect_timeout '" + safeName(timeout) + "' is not a number of seconds");
        }
        driver.put("ApplicationName", first(params.get("application_name"), env.get("PGAPPNAME"), "Perfdesk"));
        // a server that vanishes without closing the connection is noticed instead of waited for
        driver.put("tcpKeepAlive", "true");
        driver.put("reWriteBatchedInserts", "true");
        return new PostgresLocation(host, port, database, user, password, source, driver);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static StoreException bad(String why) {
        return new StoreException("the store URL is not a valid postgresql:// URL: " + why);
    }

    /** A name quoted back in a message: short, and never something that looks like a secret's whole value. */
    private static String safeName(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String first(String... options) {
        for (String s : options) {
            if (s != null && !s.isEmpty()) {
                return s;
            }
        }
        return null;
    }

    /** libpq's percent-decoding: {@code %XX} only; a '+' stays a '+'. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw bad("a % in the URL is not followed by two hex digits");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c == '%') {
                throw bad("a % in the URL is not followed by two hex digits");
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String percentEncode(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** One line of a libpq password file, {@code hostname:port:database:username:password}. */
    private static final class PassFileEntry {
        final String password;
        final String note;

        PassFileEntry(String password, String note) {
            this.password = password;
            this.note = note;
        }

        static boolean unsafe(Path file) {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                        || perms.contains(PosixFilePermission.GROUP_WRITE)
                        || perms.contains(PosixFilePermission.OTHERS_WRITE);
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }

        static PassFileEntry lookup(Path file, String host, int port, String database, String user) {
            if (!Files.isRegularFile(file) || unsafe(file)) {
                return null;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = split(line);
                if (fields.size() != 5) {
                    continue;
                }
                if (matches(fields.get(0), host) && matches(fields.get(1), Integer.toString(port))
                        && matches(fields.get(2), database) && matches(fields.get(3), user)) {
                    return new PassFileEntry(fields.get(4), file.toString());
                }
            }
            return null;
        }

        private static boolean matches(String pattern, String value) {
            return pattern.equals("*") || pattern.equals(value);
        }

        private static List<String> split(String line) {
            List<String> out = new java.util.ArrayList<>();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    sb.append(line.charAt(++i));
                } else if (c == ':' && out.size() < 4) {
                    out.add(sb.toString());
                    sb.setLength(0);
                } else {
                    sb.append(c);
                }
            }
            out.add(sb.toString());
            return out;
        }
    }
}
