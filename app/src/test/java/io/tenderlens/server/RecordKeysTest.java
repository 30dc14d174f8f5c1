package io.tenderlens.server;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys read once at start give the same orders and memberships as the SQL queries they replace. */
class RecordKeysTest {
    private final ServerContext ctx = TestServer.get().context;
    private final RecordKeys keys = ctx.keys();

    private List<String> ocids(String sql, StorePool.Binder binder) {
        return ctx.db().query(sql, binder, rs -> rs.getString(1));
    }

    @Test
    void ordersMatchTheSql() {
        assertThat(keys.size()).isGreaterThan(10);
        assertThat(Arrays.asList(keys.ocids)).isEqualTo(ocids("SELECT ocid FROM records ORDER BY first_date DESC NULLS LAST, ocid", ps -> { }));
        assertThat(keys.ocidsOf(keys.byLastDate, 0, keys.size()))
                .isEqualTo(ocids("SELECT ocid FROM records ORDER BY last_date DESC NULLS LAST, ocid", ps -> { }));
    }

    @Test
    void openTendersAfterAnyMomentMatchTheSql() {
        assertThat(keys.openByDeadline).isNotEmpty();
        for (LocalDateTime now : List.of(LocalDateTime.of(2000, 1, 1, 0, 0), keys.openDeadline[0], LocalDateTime.of(2100, 1, 1, 0, 0))) {
            List<String> sql = ocids("SELECT ocid FROM records WHERE tender_end > ? AND " + RecordKeys.OPEN_CONDITION + " ORDER BY tender_end, ocid",
                    ps -> ps.setTimestamp(1, Timestamp.valueOf(now)));
            int first = keys.firstOpenAfter(now);
            assertThat(keys.ocidsOf(keys.openByDeadline, first, keys.openByDeadline.length)).as("after %s", now).isEqualTo(sql);
        }
    }

    @Test
    void everyPartyHasExactlyItsRecords() {
        for (int b = 0; b < keys.buyers.ids.size(); b++) {
            String id = keys.buyers.ids.get(b);
            assertThat(keys.ocidsOf(keys.buyers.records[b], 0, Integer.MAX_VALUE)).as(id)
                    .isEqualTo(ocids("SELECT ocid FROM records WHERE buyer_id = ? ORDER BY first_date DESC NULLS LAST, ocid", ps -> ps.setString(1, id)));
        }
        assertThat(keys.suppliersTable.ids).isNotEmpty();
        for (int s = 0; s < keys.suppliersTable.ids.size(); s++) {
            String id = keys.suppliersTable.ids.get(s);
            assertThat(keys.ocidsOf(keys.suppliersTable.records[s], 0, Integer.MAX_VALUE)).as(id)
                    .isEqualTo(ocids("SELECT ocid FROM records WHERE list_contains(supplier_ids, ?) ORDER BY first_date DESC NULLS LAST, ocid",
                            ps -> ps.setString(1, id)));
        }
    }
}
