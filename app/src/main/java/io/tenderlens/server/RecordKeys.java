package io.tenderlens.server;

import io.tenderlens.store.StoreException;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the list pages need of every record, read in one pass when the server opens the (read-only)
 * store, so that a request touches only the rows it shows, by their indexed ocid: records in history
 * order (first date, latest first), their buyer and suppliers, amounts and award flag; the records
 * list order (last date, latest first); the open tenders by deadline. Immutable, so thread-safe.
 * About 150–250 bytes a record (the ocid string is most of it).
 */
final class RecordKeys {
    /** Statuses that close a tender whatever its deadline. */
    static final String OPEN_CONDITION = "coalesce(tender_status, '') NOT IN ('cancelled', 'unsuccessful', 'complete') AND award_count = 0";
    private static final int[] NONE = new int[0];

    /** Records in history order: {@code first_date DESC NULLS LAST, ocid}. */
    final String[] ocids;
    final int[] buyer;
    /** Supplier indexes as listed (an id listed twice counts twice, like {@code unnest}). */
    final int[][] suppliers;
    final BigDecimal[] budget;
    final BigDecimal[] award;
    final boolean[] awarded;
    /** Epoch day of the first date, or {@link Integer#MIN_VALUE}. */
    final int[] firstDay;
    /** Record indexes in the records list order: {@code last_date DESC NULLS LAST, ocid}. */
    final int[] byLastDate;
    /** Open-status records with a deadline, by {@code tender_end, ocid}. */
    final int[] openByDeadline;
    final LocalDateTime[] openDeadline;

    final Parties buyers;
    final Parties suppliersTable;
    /** Names a record gives a party other than the party's first name (one id, two names), by {@link #slot}. */
    private final Map<Long, String> otherNames;

    /** Parties of one role: id, a name, and their records (each once, in history order). */
    static final class Parties {
        final Map<String, Integer> index = new HashMap<>();
        final List<String> ids = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        int[][] records;

        int intern(String id, String name) {
            Integer i = index.get(id);
            if (i == null) {
                i = ids.size();
                index.put(id, i);
                ids.add(id);
                names.add(name);
            } else if (names.get(i) == null && name != null) {
                names.set(i, name);
            }
            return i;
        }

        /** The party's index, or -1. */
        int find(String id) {
            Integer i = index.get(id);
            return i == null ? -1 : i;
        }
    }

    private RecordKeys(int n) {
        ocids = new String[n];
        buyer = new int[n];
        suppliers = new int[n][];
        budget = new BigDecimal[n];
        award = new BigDecimal[n];
        awarded = new boolean[n];
        firstDay = new int[n];
        byLastDate = new int[n];
        openByDeadline = null;
        openDeadline = null;
        buyers = new Parties();
        suppliersTable = new Parties();
        otherNames = new HashMap<>();
    }

    private RecordKeys(RecordKeys r, int[] openByDeadline, LocalDateTime[] openDeadline) {
        ocids = r.ocids;
        buyer = r.buyer;
        suppliers = r.suppliers;
        budget = r.budget;
        award = r.award;
        awarded = r.awarded;
        firstDay = r.firstDay;
        byLastDate = r.byLastDate;
        buyers = r.buyers;
        suppliersTable = r.suppliersTable;
        otherNames = r.otherNames;
        this.openByDeadline = openByDeadline;
        this.openDeadline = openDeadline;
    }

    /** Reads the keys of every record through {@code c}. */
    static RecordKeys read(Connection c) {
        try (Statement st = c.createStatement()) {
            int n;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM records")) {
                rs.next();
                n = rs.getInt(1);
            }
            RecordKeys k = new RecordKeys(n);
            int open = 0;
            int[] openRank = new int[n];
            LocalDateTime[] deadline = new LocalDateTime[n];
            String deadlineSql = "CASE WHEN tender_end IS NOT NULL AND " + OPEN_CONDITION + " THEN tender_end END";
            String sql = "SELECT ocid, buyer_id, buyer_name, supplier_ids, supplier_names, budget_amount, award_amount, award_count > 0, first_date,"
                    + " row_number() OVER (ORDER BY last_date DESC NULLS LAST, ocid) - 1,"
                    + " " + deadlineSql + ", row_number() OVER (ORDER BY " + deadlineSql + " NULLS LAST, ocid) - 1"
                    + " FROM records ORDER BY first_date DESC NULLS LAST, ocid";
            try (ResultSet rs = st.executeQuery(sql)) {
                int i = 0;
                while (rs.next()) {
                    if (i == n) {
                        throw new StoreException("the records table changed while the server read it");
                    }
                    k.ocids[i] = rs.getString(1);
                    String buyerId = rs.getString(2);
                    k.buyer[i] = buyerId == null ? -1 : k.intern(k.buyers, buyerId, rs.getString(3), slot(i, -1));
                    k.suppliers[i] = k.supplierIndexes(i, rs.getArray(4), rs.getArray(5));
                    k.budget[i] = rs.getBigDecimal(6);
                    k.award[i] = rs.getBigDecimal(7);
                    k.awarded[i] = rs.getBoolean(8);
                    Timestamp first = rs.getTimestamp(9);
                    k.firstDay[i] = first == null ? Integer.MIN_VALUE : (int) first.toLocalDateTime().toLocalDate().toEpochDay();
                    k.byLastDate[rs.getInt(10)] = i;
                    Timestamp end = rs.getTimestamp(11);
                    if (end != null) {
                        openRank[rs.getInt(12)] = i;
                        deadline[rs.getInt(12)] = end.toLocalDateTime();
                        open++;
                    }
                    i++;
                }
            }
            k.buyers.records = membership(k.buyers.ids.size(), n, i -> k.buyer[i] < 0 ? NONE : new int[]{k.buyer[i]});
            k.suppliersTable.records = membership(k.suppliersTable.ids.size(), n, i -> k.suppliers[i]);
            return new RecordKeys(k, Arrays.copyOf(openRank, open), Arrays.copyOf(deadline, open));
        } catch (SQLException e) {
            throw new StoreException("Database error while reading the records' keys: " + e.getMessage(), e);
        }
    }

    private int intern(Parties table, String id, String name, long slot) {
        int p = table.intern(id, name);
        if (name != null && !name.equals(table.names.get(p))) {
            otherNames.put(slot, name);
        }
        return p;
    }

    /** A record's buyer ({@code position} -1) or its supplier at {@code position}, as a key of {@link #otherNames}. */
    private static long slot(int record, int position) {
        return ((long) record << 32) | (position + 1);
    }

    /** The name record {@code r} gives its buyer. */
    String buyerName(int r) {
        return otherNames.getOrDefault(slot(r, -1), buyers.names.get(buyer[r]));
    }

    /** The name record {@code r} gives its supplier at {@code position} of {@link #suppliers}. */
    String supplierName(int r, int position) {
        return otherNames.getOrDefault(slot(r, position), suppliersTable.names.get(suppliers[r][position]));
    }

    private int[] supplierIndexes(int record, Array ids, Array names) throws SQLException {
        if (ids == null) {
            return NONE;
        }
        Object[] id = (Object[]) ids.getArray();
        Object[] name = names == null ? new Object[0] : (Object[]) names.getArray();
        int[] out = new int[id.length];
        int m = 0;
        for (int j = 0; j < id.length; j++) {
            if (id[j] != null) {
                out[m] = intern(suppliersTable, id[j].toString(), j < name.length && name[j] != null ? name[j].toString() : null, slot(record, m));
                m++;
            }
        }
        return m == 0 ? NONE : Arrays.copyOf(out, m);
    }

    private interface PartiesOf {
        int[] of(int record);
    }

    /** Each party's records, each once, in record order. */
    private static int[][] membership(int parties, int n, PartiesOf of) {
        int[] count = new int[parties];
        int[] last = new int[parties];
        Arrays.fill(last, -1);
        for (int i = 0; i < n; i++) {
            for (int p : of.of(i)) {
                if (last[p] != i) {
                    last[p] = i;
                    count[p]++;
                }
            }
        }
        int[][] out = new int[parties][];
        for (int p = 0; p < parties; p++) {
            out[p] = new int[count[p]];
        }
        Arrays.fill(count, 0);
        Arrays.fill(last, -1);
        for (int i = 0; i < n; i++) {
            for (int p : of.of(i)) {
                if (last[p] != i) {
                    last[p] = i;
                    out[p][count[p]++] = i;
                }
            }
        }
        return out;
    }

    int size() {
        return ocids.length;
    }

    /** The ocids of {@code indexes[from, to)} mapped through nothing: a page of record indexes as ocids. */
    List<String> ocidsOf(int[] indexes, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int j = Math.max(0, from); j < Math.min(to, indexes.length); j++) {
            out.add(ocids[indexes[j]]);
        }
        return out;
    }

    /** Index in {@link #openByDeadline} of the first tender whose deadline is after {@code now}. */
    int firstOpenAfter(LocalDateTime now) {
        int lo = 0;
        int hi = openDeadline.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (openDeadline[mid].isAfter(now)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
