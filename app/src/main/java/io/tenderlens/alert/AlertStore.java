package io.tenderlens.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.store.StoreException;
import io.tenderlens.store.StoreLockedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Saved searches, what each has announced, and the webhook deliveries: a DuckDB database of their own,
 * {@value #FILE} in the tenderlens data directory (tables {@code alert_searches}, {@code alert_deliveries},
 * {@code webhook_outbox}, {@code webhook_attempts}; every value goes through a prepared statement). Kept
 * apart from the records so that saving a search never waits for an ingest, nor an ingest for a search,
 * and the server, which reads the records, can still save searches. Open it briefly: one process
 * writes it at a time. Not thread-safe: share it between threads under a lock.
 *
 * <p>A search's {@code checked_through} is its high-water mark: the latest {@code records.compiled_at}
 * it has been checked against. A run commits, per search and in one transaction, the tenders announced,
 * the webhook deliveries they owe and the new mark; {@code (search_id, ocid)} is unique, so a tender is
 * announced once however often runs repeat or are killed.
 */
public final class AlertStore implements AutoCloseable {
    /** The database file in a data directory. */
    public static final String FILE = "alerts.duckdb";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Connection db;

    private AlertStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
        if (writable()) {
            execute("CREATE TABLE IF NOT EXISTS alert_searches (id VARCHAR PRIMARY KEY, definition JSON NOT NULL,"
                    + " created_at TIMESTAMP NOT NULL, webhook_url VARCHAR, webhook_secret VARCHAR, checked_through TIMESTAMP)");
            execute("CREATE TABLE IF NOT EXISTS alert_deliveries (search_id VARCHAR NOT NULL, ocid VARCHAR NOT NULL,"
                    + " announced_at TIMESTAMP NOT NULL, match JSON NOT NULL, PRIMARY KEY (search_id, ocid))");
            execute("CREATE TABLE IF NOT EXISTS webhook_outbox (delivery_id VARCHAR NOT NULL, search_id VARCHAR NOT NULL,"
                    + " ocid VARCHAR NOT NULL, body VARCHAR NOT NULL, state VARCHAR NOT NULL, attempts INTEGER NOT NULL,"
                    + " created_at TIMESTAMP NOT NULL)");
            execute("CREATE TABLE IF NOT EXISTS webhook_attempts (delivery_id VARCHAR NOT NULL, search_id VARCHAR NOT NULL,"
                    + " attempt INTEGER NOT NULL, attempted_at TIMESTAMP NOT NULL, url VARCHAR NOT NULL, http_status INTEGER,"
                    + " error VARCHAR, millis BIGINT NOT NULL)");
        }
    }

    /**
     * Opens (creating it when absent) the alerts database of {@code dataDirectory} for reading and writing.
     *
     * @throws StoreLockedException when another process has it open
     */
    public static AlertStore open(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
        return new AlertStore(dir.resolve(FILE), connect(dir.resolve(FILE), false));
    }

    /** Opens the alerts database of {@code dataDirectory} for reading; with no saved searches yet, an empty one. */
    public static AlertStore openReadOnly(Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().normalize().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new AlertStore(file, connect(null, false)); // in memory: nothing saved yet
        }
        return new AlertStore(file, connect(file, true));
    }

    private static Connection connect(Path file, boolean readOnly) {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        if (readOnly) {
            properties.setProperty("duckdb.read_only", "true");
        }
        try {
            return DriverManager.getConnection("jdbc:duckdb:" + (file == null ? "" : file.toString()), properties);
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("Could not set lock")) {
                throw new StoreLockedException("The saved searches in " + file + " are in use by another process (a running"
                        + " `tenderlens serve` or `alerts run`): wait for it, or use the server's API.");
            }
            throw new StoreException("Cannot open the alerts database " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("Closing the alerts database " + file + " failed: " + e.getMessage(), e);
        }
    }

    private boolean writable() {
        try {
            return !db.isReadOnly();
        } catch (SQLException e) {
            throw failure("open the alert tables", e);
        }
    }

    /** A saved search as stored: its definition, when it was saved, its webhook (if any) and its mark. */
    public record Stored(SavedSearch search, Instant createdAt, Webhook webhook, Instant checkedThrough) {}

    /** A webhook target and its signing secret. */
    public record Webhook(String url, String secret) {
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=(hidden)]";
        }
    }

    /**
     * Saves a new search.
     *
     * @throws IllegalArgumentException when a search with its id exists
     */
    public void add(SavedSearch search, Webhook webhook, Instant now) {
        if (find(search.id()).isPresent()) {
            throw new IllegalArgumentException("a saved search with id '" + search.id() + "' exists already");
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO alert_searches VALUES (?, ?, ?, ?, ?, NULL)")) {
            ps.setString(1, search.id());
            ps.setString(2, search.toJson().toString());
            ps.setTimestamp(3, timestamp(now));
            ps.setString(4, webhook == null ? null : webhook.url());
            ps.setString(5, webhook == null ? null : webhook.secret());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("save search " + search.id(), e);
        }
    }

    /** Removes a search, what it announced and its webhook log; false when there was none. */
    public boolean remove(String id) {
        boolean existed = find(id).isPresent();
        inTransaction(() -> {
            for (String table : List.of("webhook_attempts", "webhook_outbox", "alert_deliveries")) {
                try (PreparedStatement ps = db.prepareStatement("DELETE FROM " + table + " WHERE search_id = ?")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = db.prepareStatement("DELETE FROM alert_searches WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        });
        return existed;
    }

    public List<Stored> list() {
        return query("SELECT id, definition, created_at, webhook_url, webhook_secret, checked_through FROM alert_searches ORDER BY created_at, id", null);
    }

    public Optional<Stored> find(String id) {
        return query("SELECT id, definition, created_at, webhook_url, webhook_secret, checked_through FROM alert_searches WHERE id = ?", id)
                .stream().findFirst();
    }

    private List<Stored> query(String sql, String id) {
        if (!tableExists("alert_searches")) {
            return List.of();
        }
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            if (id != null) {
                ps.setString(1, id);
            }
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SavedSearch s = SavedSearch.fromJson(JSON.readTree(rs.getString(2)), rs.getString(1), "saved search " + rs.getString(1));
                    Webhook w = rs.getString(4) == null ? null : new Webhook(rs.getString(4), rs.getString(5));
                    out.add(new Stored(s, instant(rs.getTimestamp(3)), w, instant(rs.getTimestamp(6))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read saved searches", e);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored saved search is damaged: " + e.getMessage(), e);
        }
    }

    /** The ocids a search has announced. */
    public Set<String> announced(String searchId) {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT ocid FROM alert_deliveries WHERE search_id = ?")) {
            ps.setString(1, searchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the announcements of " + searchId, e);
        }
    }

    /** What a search announced, newest first, at most {@code limit}. */
    public List<AtomFeed.Entry> announcements(String searchId, int limit) {
        return announcements(searchId, limit, 0);
    }

    /** A page of what a search announced, newest first. */
    public List<AtomFeed.Entry> announcements(String searchId, int limit, int offset) {
        if (!tableExists("alert_deliveries")) {
            return List.of();
        }
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT match, announced_at FROM alert_deliveries WHERE search_id = ? ORDER BY announced_at DESC, ocid LIMIT ? OFFSET ?")) {
            ps.setString(1, searchId);
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            List<AtomFeed.Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AtomFeed.Entry(AlertMatch.fromJson(JSON.readTree(rs.getString(1))), instant(rs.getTimestamp(2))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the announcements of " + searchId, e);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored announcement of " + searchId + " is damaged: " + e.getMessage(), e);
        }
    }

    /** A webhook delivery owed: its id, the body to send (fixed when the match was made) and its state. */
    public record Delivery(String deliveryId, String searchId, String ocid, String body, String state, int attempts) {}

    /**
     * Records, in one transaction, the tenders a run found for a search, the webhook deliveries they
     * owe (when {@code bodies} is not null) and the search's new high-water mark.
     */
    public void commitRun(String searchId, List<AlertMatch> matches, List<String> bodies, Instant checkedThrough, Instant now) {
        inTransaction(() -> {
            try (PreparedStatement deliveries = db.prepareStatement(
                    "INSERT INTO alert_deliveries VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement outbox = db.prepareStatement(
                         "INSERT INTO webhook_outbox VALUES (?, ?, ?, ?, 'pending', 0, ?)")) {
                for (int i = 0; i < matches.size(); i++) {
                    AlertMatch m = matches.get(i);
                    deliveries.setString(1, searchId);
                    deliveries.setString(2, m.ocid());
                    deliveries.setTimestamp(3, timestamp(now));
                    deliveries.setString(4, m.toJson().toString());
                    if (deliveries.executeUpdate() == 1 && bodies != null) {
                        outbox.setString(1, deliveryId(searchId, m.ocid()));
                        outbox.setString(2, searchId);
                        outbox.setString(3, m.ocid());
                        outbox.setString(4, bodies.get(i));
                        outbox.setTimestamp(5, timestamp(now));
                        outbox.executeUpdate();
                    }
                }
            }
            try (PreparedStatement mark = db.prepareStatement("UPDATE alert_searches SET checked_through = ? WHERE id = ?")) {
                mark.setTimestamp(1, checkedThrough == null ? null : timestamp(checkedThrough));
                mark.setString(2, searchId);
                mark.executeUpdate();
            }
        });
    }

    /** The id of the webhook delivery of a tender to a search (stable: a receiver can drop repeats by it). */
    public static String deliveryId(String searchId, String ocid) {
        return java.util.UUID.nameUUIDFromBytes(("tenderlens webhook\u0000" + searchId + "\u0000" + ocid)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** Deliveries still to send, oldest first. */
    public List<Delivery> pendingDeliveries() {
        return deliveries("WHERE state = 'pending' ORDER BY created_at, delivery_id", null);
    }

    /** Every delivery of a search, with its state, newest first. */
    public List<Delivery> deliveries(String searchId) {
        return deliveries("WHERE search_id = ? ORDER BY created_at DESC, delivery_id", searchId);
    }

    private List<Delivery> deliveries(String where, String searchId) {
        if (!tableExists("webhook_outbox")) {
            return List.of();
        }
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT delivery_id, search_id, ocid, body, state, attempts FROM webhook_outbox " + where)) {
            if (searchId != null) {
                ps.setString(1, searchId);
            }
            List<Delivery> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read webhook deliveries", e);
        }
    }

    /** One try at sending a delivery, as logged. {@code httpStatus} is null when no response came. */
    public record Attempt(String deliveryId, String searchId, int attempt, Instant at, String url, Integer httpStatus,
                          String error, long millis) {}

    /** Logs an attempt and sets the delivery's state ({@code pending}, {@code sent} or {@code failed}). */
    public void logAttempt(Attempt a, String state) {
        inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO webhook_attempts VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, a.deliveryId());
                ps.setString(2, a.searchId());
                ps.setInt(3, a.attempt());
                ps.setTimestamp(4, timestamp(a.at()));
                ps.setString(5, a.url());
                if (a.httpStatus() == null) {
                    ps.setNull(6, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(6, a.httpStatus());
                }
                ps.setString(7, a.error());
                ps.setLong(8, a.millis());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "UPDATE webhook_outbox SET state = ?, attempts = ? WHERE delivery_id = ? AND search_id = ?")) {
                ps.setString(1, state);
                ps.setInt(2, a.attempt());
                ps.setString(3, a.deliveryId());
                ps.setString(4, a.searchId());
                ps.executeUpdate();
            }
        });
    }

    /** The delivery log of a search, newest first. */
    public List<Attempt> attempts(String searchId) {
        if (!tableExists("webhook_attempts")) {
            return List.of();
        }
        try (PreparedStatement ps = db.prepareStatement("SELECT delivery_id, search_id, attempt, attempted_at, url, http_status, error, millis"
                + " FROM webhook_attempts WHERE search_id = ? ORDER BY attempted_at DESC, attempt DESC")) {
            ps.setString(1, searchId);
            List<Attempt> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int status = rs.getInt(6);
                    Integer httpStatus = rs.wasNull() ? null : status;
                    out.add(new Attempt(rs.getString(1), rs.getString(2), rs.getInt(3), instant(rs.getTimestamp(4)),
                            rs.getString(5), httpStatus, rs.getString(7), rs.getLong(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the webhook log of " + searchId, e);
        }
    }

    /** Stored JSON (of this database or the records'), read back. */
    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored JSON value is damaged: " + e.getMessage(), e);
        }
    }

    /** Timestamps are stored as UTC wall time (the store's convention for {@code compiled_at}). */
    static Timestamp timestamp(Instant t) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private boolean tableExists(String table) {
        try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM information_schema.tables WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw failure("read the catalog", e);
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(Work work) {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (SQLException | RuntimeException | Error e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("write alerts", e);
        }
    }

    private void execute(String sql) {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure("create the alert tables", e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("Database error in " + file + " (" + what + "): " + e.getMessage(), e);
    }
}
