package io.giftpay.sample;

import java.util.List;

/**
 * The ledger's tables and their columns, exactly as the contract (section 2) names them, in contract
 * order. Rows handled by the generator are {@code Object[]} in this column order, with values:
 * STRING → {@link String}, TIMESTAMP → {@link Long} epoch milliseconds UTC, DATE →
 * {@link java.time.LocalDate}, DECIMAL → {@link java.math.BigDecimal}, BOOLEAN → {@link Boolean},
 * INT → {@link Integer}, LONG → {@link Long}; {@code null} is a missing value.
 */
public enum LedgerTable {
    GIFTS("gifts", false, List.of(
            Column.string("event_id"), Column.timestamp("event_time"), Column.string("sender_id"),
            Column.string("creator_id"), Column.string("live_id"), Column.string("gift_id"),
            new Column("quantity", ColumnType.INT, false), new Column("coins", ColumnType.LONG, false),
            Column.string("device_id"), Column.string("ip_country"))),
    RECHARGES("recharges", false, List.of(
            Column.string("event_id"), Column.timestamp("event_time"), Column.string("user_id"),
            new Column("package_id", ColumnType.STRING, true), new Column("coins", ColumnType.LONG, false),
            new Column("amount", ColumnType.DECIMAL_18_2, false), Column.string("currency"),
            Column.string("channel"), Column.string("payment_fingerprint"), Column.string("device_id"),
            Column.string("ip_country"))),
    REVERSALS("reversals", false, List.of(
            Column.string("event_id"), Column.timestamp("event_time"), Column.string("recharge_event_id"),
            Column.string("user_id"), Column.string("kind"), new Column("coins", ColumnType.LONG, false),
            new Column("amount", ColumnType.DECIMAL_18_2, false), Column.string("currency"))),
    REWARDS("rewards", false, List.of(
            Column.string("event_id"), Column.timestamp("event_time"), Column.string("user_id"),
            Column.string("campaign_id"), new Column("coins", ColumnType.LONG, false))),
    ACCOUNTS("accounts", true, List.of(
            Column.string("user_id"), Column.timestamp("created_at"),
            new Column("birth_date", ColumnType.DATE, true), Column.string("country"),
            new Column("is_creator", ColumnType.BOOLEAN, false),
            new Column("kyc_verified", ColumnType.BOOLEAN, false),
            new Column("payout_currency", ColumnType.STRING, true),
            new Column("payout_method", ColumnType.STRING, true),
            new Column("agency_id", ColumnType.STRING, true))),
    FX_RATES("fx_rates", true, List.of(
            Column.string("currency"), new Column("units_per_usd", ColumnType.DECIMAL_18_8, false)));

    /** Column value types. */
    public enum ColumnType { STRING, TIMESTAMP, DATE, DECIMAL_18_2, DECIMAL_18_8, BOOLEAN, INT, LONG }

    /** One column: name, type, and whether the contract marks it nullable. */
    public record Column(String name, ColumnType type, boolean nullable) {
        static Column string(String name) {
            return new Column(name, ColumnType.STRING, false);
        }

        static Column timestamp(String name) {
            return new Column(name, ColumnType.TIMESTAMP, false);
        }
    }

    private final String tableName;
    private final boolean snapshot;
    private final List<Column> columns;

    LedgerTable(String tableName, boolean snapshot, List<Column> columns) {
        this.tableName = tableName;
        this.snapshot = snapshot;
        this.columns = columns;
    }

    /** The folder name, e.g. {@code gifts}. */
    public String tableName() {
        return tableName;
    }

    /** Snapshot table (a full copy each day it changes) rather than an event table. */
    public boolean isSnapshot() {
        return snapshot;
    }

    public List<Column> columns() {
        return columns;
    }

    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No column " + name + " in " + tableName);
    }

    /** The event tables, in the order they are written. */
    public static final List<LedgerTable> EVENT_TABLES = List.of(GIFTS, RECHARGES, REVERSALS, REWARDS);
}
