package io.tenderlens.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.source.ocds.OcdsJson;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The embedded tenderlens database: a directory holding a DuckDB file with the releases as
 * ingested and the records compiled from them.
 *
 * <p>Tables (all other packages query these with plain SQL through {@link #connection()}):
 * <ul>
 *   <li>{@code releases}: one row per distinct release. {@code release_sha256} (identity: SHA-256 of
 *       the canonical JSON, see {@link ReleaseIdentity}), {@code seq} (ingest order), {@code ocid},
 *       {@code id}, {@code date} (as published), {@code tags}, {@code source_file},
 *       {@code source_position}, {@code ingested_at}, {@code json} (the release as read).</li>
 *   <li>{@code records}: one row per ocid. The columns of {@link FlatRecord} in snake_case
 *       ({@code ocid, release_count, tags, first_date, last_date, title, buyer_id, buyer_name, …,
 *       budget_amount, award_amount, supplier_names, province, city, government_level, buyer_kind}),
 *       {@code compiled} (the compiled release JSON) and {@code compiled_at} (UTC: when the record was
 *       last compiled, so an index or an alert can pick up the records changed since its last run).
 *       Amounts are DECIMAL(38,6), dates are the publisher's local TIMESTAMPs. Derived data: rebuilt
 *       from the releases when {@link FlatRecord#VERSION} changes.</li>
 *   <li>{@code pending_records}: ocids whose releases changed and whose record is not yet
 *       recompiled (non-empty only while an ingest runs or after one was killed).</li>
 *   <li>{@code ingest_runs}: one row per finished ingest with its counts.</li>
 * </ul>
 *
 * <p>One process may write to a database at a time ({@link #openForWriting}); a second writer gets
 * a {@link StoreLockedException} naming the process that holds it. Readers ({@link #openReadOnly})
 * may share the database with each other, not with a writer (a DuckDB rule).
 */
public final class Store implements AutoCloseable {
    /** The directory used when none is given, relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("tenderlens-data");
    static final String DATABASE_FILE = "tenderlens.duckdb";
    private static final String LOCK_FILE = "writer.lock";
    private static final int SCHEMA_VERSION = 1;
    /** How DuckDB names the process holding its file lock: "Conflicting lock is held in … (PID 1234)". */
    private static final Pattern DUCKDB_LOCK_HOLDER = Pattern.compile("\\(PID (\\d+)\\)");

    /** The OCDS Jackson configuration: decimals stay exact with their written scale, so a stored release reads back equal. */
    static final ObjectMapper JSON = OcdsJson.mapper();

    private final Path directory;
    private final boolean writable;
    private final DuckDBConnection connection;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private Store(Path directory, boolean writable, DuckDBConnection connection, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.writable = writable;
        this.connection = connection;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating if needed) the database in {@code directory} for writing, as the only writer.
     *
     * @param purpose what this process is doing, shown to a second writer ("tenderlens ingest")
     * @throws StoreLockedException when another process is writing to it
     */
    public static Store openForWriting(Path directory, String purpose) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the database directory " + dir + ": " + e.getMessage(), e);
        }
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Path lockFile = dir.resolve(LOCK_FILE);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process
            }
            if (lock == null) {
                throw new StoreLockedException(lockedMessage(dir, null));
            }
            String holder = "pid " + ProcessHandle.current().pid() + ", " + purpose + ", since " + Instant.now() + "\n";
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(holder), 0);
            DuckDBConnection connection = connect(dir, false);
            Store store = new Store(dir, true, connection, channel, lock);
            store.migrate();
            return store;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Cannot lock the database in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Whether {@code directory} holds a tenderlens database (a data directory may hold only an archive). */
    public static boolean existsIn(Path directory) {
        return Files.isRegularFile(directory.resolve(DATABASE_FILE));
    }

    /**
     * Opens an existing database for reading.
     *
     * @throws StoreException when there is no database in {@code directory}
     * @throws StoreLockedException when a writer is using it
     */
    public static Store openReadOnly(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(DATABASE_FILE))) {
            throw new StoreException("No tenderlens database in " + dir
                    + ": load data first with `tenderlens ingest PATH` (or point --db at the right directory).");
        }
        Store store = new Store(dir, false, connect(dir, true), null, null);
        try {
            store.schemaVersion().ifPresent(store::checkSchemaVersion);
        } catch (StoreException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static DuckDBConnection connect(Path dir, boolean readOnly) {
        Properties properties = new Properties();
        // only the built-in extensions (json, parquet, icu): never download one at run time
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "true");
        if (readOnly) {
            properties.setProperty("duckdb.read_only", "true");
        }
        try {
            return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(DATABASE_FILE), properties);
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("Could not set lock")) {
                throw new StoreLockedException(lockedMessage(dir, e.getMessage()));
            }
            throw new StoreException("Cannot open the database " + dir.resolve(DATABASE_FILE) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Says who holds the database: the writer named in the lock file, or the process DuckDB names
     * (a reader, when it is not the writer), so the user knows what to wait for.
     */
    private static String lockedMessage(Path dir, String duckdbError) {
        String writer;
        try {
            writer = Files.readString(dir.resolve(LOCK_FILE)).strip();
        } catch (IOException e) {
            writer = "";
        }
        Matcher pid = DUCKDB_LOCK_HOLDER.matcher(String.valueOf(duckdbError));
        String who;
        if (pid.find() && !writer.startsWith("pid " + pid.group(1) + ",")) {
            who = "another process (PID " + pid.group(1) + ") that has it open, for example a tenderlens command reading it";
        } else {
            who = "another tenderlens process" + (writer.isEmpty() ? "" : " (" + writer + ")");
        }
        return "The database in " + dir + " is in use by " + who + ". Only one process may write to a database at a time,"
                + " and not while another reads it: wait for it to finish, or use another --db directory.";
    }

    private void migrate() {
        execute("CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
        Optional<Integer> existing = schemaVersion();
        existing.ifPresent(this::checkSchemaVersion);
        execute("CREATE TABLE IF NOT EXISTS releases (release_sha256 VARCHAR NOT NULL, seq BIGINT NOT NULL,"
                + " ocid VARCHAR NOT NULL, id VARCHAR, date VARCHAR, tags VARCHAR[] NOT NULL,"
                + " source_file VARCHAR NOT NULL, source_position VARCHAR, ingested_at TIMESTAMP NOT NULL, json JSON NOT NULL)");
        execute("CREATE TABLE IF NOT EXISTS pending_records (ocid VARCHAR NOT NULL)");
        // point lookups by ocid (a project page, recompiling a few records): long shared ocid prefixes
        // defeat DuckDB's min/max pruning, so without these a lookup scans the whole table
        execute("CREATE INDEX IF NOT EXISTS releases_ocid ON releases (ocid)");
        execute("CREATE TABLE IF NOT EXISTS ingest_runs (started TIMESTAMP NOT NULL, finished TIMESTAMP NOT NULL,"
                + " files BIGINT, releases_read BIGINT, new_releases BIGINT, duplicates BIGINT, rejected BIGINT,"
                + " problems BIGINT, records_compiled BIGINT)");
        if (existing.isEmpty()) {
            setMeta("schema_version", String.valueOf(SCHEMA_VERSION));
        }
        String recordsVersion = String.valueOf(FlatRecord.VERSION);
        boolean recordsCurrent = recordsVersion.equals(meta("records_version").orElse(null));
        inTransaction(() -> {
            if (!recordsCurrent) {
                // records are derived data: when this version lays them out or reads them differently,
                // they are rebuilt from the releases by the next ingest
                execute("DROP TABLE IF EXISTS records");
                execute("DELETE FROM pending_records");
                execute("INSERT INTO pending_records SELECT DISTINCT ocid FROM releases");
                setMeta("records_version", recordsVersion);
            }
            execute("CREATE TABLE IF NOT EXISTS records (" + FlatRecord.columns().stream()
                    .map(c -> c.name() + " " + c.sqlType()).collect(Collectors.joining(", "))
                    + ", compiled JSON NOT NULL, compiled_at TIMESTAMP NOT NULL)");
            execute("CREATE INDEX IF NOT EXISTS records_ocid ON records (ocid)");
        });
    }

    private Optional<Integer> schemaVersion() {
        return meta("schema_version").map(Integer::valueOf);
    }

    private void checkSchemaVersion(int version) {
        if (version > SCHEMA_VERSION) {
            throw new StoreException("The database in " + directory + " was written by a newer tenderlens (schema "
                    + version + ", this one knows " + SCHEMA_VERSION + "): upgrade tenderlens.");
        }
    }

    Optional<String> meta(String key) {
        try {
            if (!tableExists("store_meta")) {
                return Optional.empty();
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM store_meta WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw failure("read store metadata", e);
        }
    }

    private void setMeta(String key, String value) {
        try (PreparedStatement ps = connection.prepareStatement("INSERT OR REPLACE INTO store_meta VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("write store metadata", e);
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** The directory holding the database. */
    public Path directory() {
        return directory;
    }

    /**
     * The connection to query with SQL (prepared statements for any value that comes from outside).
     * On a read-only store it cannot write. Results stream: read one result set before running the next
     * query, or use {@link #newConnection()} for a second cursor.
     */
    public Connection connection() {
        return connection;
    }

    /** A further connection to the same database, for a second concurrent cursor; the caller closes it. */
    public Connection newConnection() {
        try {
            return connection.duplicate();
        } catch (SQLException e) {
            throw failure("open a connection", e);
        }
    }

    /** Number of distinct releases stored. */
    public long releaseCount() {
        return count("SELECT count(*) FROM releases");
    }

    /** Number of records (distinct ocids with a compiled release). */
    public long recordCount() {
        return count("SELECT count(*) FROM records");
    }

    /**
     * Number of ocids whose record waits to be (re)compiled: an ingest was interrupted, their releases
     * could not be compiled, or this version of tenderlens reads records differently. The next ingest
     * compiles them; 0 normally.
     */
    public long pendingRecordCount() {
        if (!String.valueOf(FlatRecord.VERSION).equals(meta("records_version").orElse(null))) {
            return count("SELECT count(DISTINCT ocid) FROM releases");
        }
        return count("SELECT count(*) FROM pending_records");
    }

    /** The compiled release of {@code ocid}, if stored. */
    public Optional<ObjectNode> compiledRelease(String ocid) {
        List<ObjectNode> found = queryJson("SELECT compiled FROM records WHERE ocid = ?", ocid);
        return found.stream().findFirst();
    }

    /** The releases of {@code ocid} in the order they were ingested. */
    public List<ObjectNode> releases(String ocid) {
        return queryJson("SELECT json FROM releases WHERE ocid = ? ORDER BY seq", ocid);
    }

    private List<ObjectNode> queryJson(String sql, String parameter) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, parameter);
            List<ObjectNode> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(parseObject(rs.getString(1)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read " + parameter, e);
        }
    }

    static ObjectNode parseObject(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new StoreException("A stored JSON value is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Starts an ingest: releases given to the returned session are stored once each, and the records
     * they touch are recompiled with {@code compiler} (releases of one ocid, in ingest order →
     * compiled release). Any records left pending by an interrupted ingest are compiled too.
     */
    public ReleaseIngest beginIngest(Function<List<ObjectNode>, ObjectNode> compiler, IngestListener listener) {
        return beginIngest(compiler, listener, ReleaseIngest.Limits.DEFAULT);
    }

    ReleaseIngest beginIngest(Function<List<ObjectNode>, ObjectNode> compiler, IngestListener listener,
                              ReleaseIngest.Limits limits) {
        requireWritable();
        return new ReleaseIngest(this, compiler, listener, limits);
    }

    private void requireWritable() {
        if (!writable) {
            throw new IllegalStateException("this store was opened read-only");
        }
    }

    long count(String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("count", e);
        }
    }

    void execute(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Work that runs in one database transaction. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed or, on any exception (or a kill),
     * none of it.
     */
    void inTransaction(Work work) {
        try {
            connection.setAutoCommit(false);
            try {
                // an appender only joins a transaction that a statement has opened
                execute("SELECT 1");
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    StoreException failure(String what, SQLException e) {
        return new StoreException("Database error in " + directory + " (" + what + "): " + e.getMessage(), e);
    }

    DuckDBConnection duckdb() {
        return connection;
    }

    @Override
    public void close() {
        try {
            if (writable) {
                execute("CHECKPOINT");
            }
            connection.close();
        } catch (SQLException | StoreException e) {
            throw new StoreException("Closing the database in " + directory + " failed: " + e.getMessage(), e);
        } finally {
            try {
                if (lock != null) {
                    lock.release();
                }
            } catch (IOException ignored) {
                // the lock goes with the channel below
            }
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do: the operating system drops the lock with the process
            }
        }
    }
}
