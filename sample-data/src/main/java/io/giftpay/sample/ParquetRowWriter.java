package io.giftpay.sample;

import io.giftpay.ledger.ColumnType;
import io.giftpay.ledger.ContractColumn;
import io.giftpay.ledger.LedgerTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes ledger rows straight to a local Parquet file with parquet-mr (no Hadoop file system, so no
 * {@code .crc} files): a small {@link WriteSupport} over {@code Object[]} rows, SNAPPY compressed.
 */
final class ParquetRowWriter implements RowFile {

  private static final java.util.Set<String> HIGH_CARDINALITY =
      java.util.Set.of(
          "event_id",
          "event_time",
          "sender_id",
          "user_id",
          "live_id",
          "device_id",
          "payment_fingerprint",
          "recharge_event_id",
          "created_at");

  private final ParquetWriter<Object[]> writer;
  private final Path file;
  private long rows;

  ParquetRowWriter(Path file, LedgerTable table) throws IOException {
    this.file = file;
    Builder b =
        new Builder(new LocalOutputFile(file), table)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize(64L * 1024 * 1024)
            .withDictionaryEncoding(true);
    // nearly unique columns: a dictionary would only be built to be thrown away
    for (ContractColumn c : table.columns()) {
      if (HIGH_CARDINALITY.contains(c.name())) {
        b = b.withDictionaryEncoding(c.name(), false);
      }
    }
    this.writer = b.build();
  }

  @Override
  public void write(Object[] row) throws IOException {
    writer.write(row);
    rows++;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    writer.close();
    ParquetFooters.canonicalise(file);
  }

  /**
   * The Parquet schema of a table: strings BINARY (STRING), timestamps INT64 TIMESTAMP(MICROS,
   * UTC), dates INT32 DATE, decimals INT64 DECIMAL(18, s), booleans, INT32, INT64. Every column of
   * an event table is OPTIONAL (so a row with a missing field can still be landed and quarantined);
   * snapshot tables have REQUIRED columns except the contract's nullable ones.
   */
  static MessageType schema(LedgerTable table) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (ContractColumn c : table.columns()) {
      Type.Repetition rep =
          (table.isEvent() || c.nullable()) ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
      switch (c.type()) {
        case STRING ->
            b.primitive(PrimitiveTypeName.BINARY, rep)
                .as(LogicalTypeAnnotation.stringType())
                .named(c.name());
        case TIMESTAMP ->
            b.primitive(PrimitiveTypeName.INT64, rep)
                .as(
                    LogicalTypeAnnotation.timestampType(
                        true, LogicalTypeAnnotation.TimeUnit.MICROS))
                .named(c.name());
        case DATE ->
            b.primitive(PrimitiveTypeName.INT32, rep)
                .as(LogicalTypeAnnotation.dateType())
                .named(c.name());
        case DECIMAL_18_2 ->
            b.primitive(PrimitiveTypeName.INT64, rep)
                .as(LogicalTypeAnnotation.decimalType(2, 18))
                .named(c.name());
        case DECIMAL_18_8 ->
            b.primitive(PrimitiveTypeName.INT64, rep)
                .as(LogicalTypeAnnotation.decimalType(8, 18))
                .named(c.name());
        case BOOLEAN -> b.primitive(PrimitiveTypeName.BOOLEAN, rep).named(c.name());
        case INT -> b.primitive(PrimitiveTypeName.INT32, rep).named(c.name());
        case LONG -> b.primitive(PrimitiveTypeName.INT64, rep).named(c.name());
        default -> throw new IllegalStateException();
      }
    }
    return b.named(table.tableName());
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final LedgerTable table;

    Builder(OutputFile file, LedgerTable table) {
      super(file);
      this.table = table;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(table);
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
      return new RowWriteSupport(table);
    }
  }

  private static final class RowWriteSupport extends WriteSupport<Object[]> {
    private final LedgerTable table;
    private final MessageType schema;
    private final String[] names;
    private final ColumnType[] types;
    private RecordConsumer consumer;

    RowWriteSupport(LedgerTable table) {
      this.table = table;
      this.schema = schema(table);
      List<ContractColumn> cols = table.columns();
      this.names = new String[cols.size()];
      this.types = new ColumnType[cols.size()];
      for (int i = 0; i < cols.size(); i++) {
        names[i] = cols.get(i).name();
        types[i] = cols.get(i).type();
      }
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
      RecordConsumer rc = consumer;
      rc.startMessage();
      for (int i = 0; i < names.length; i++) {
        Object v = row[i];
        if (v == null) {
          continue;
        }
        if (v instanceof RawValue raw) {
          throw new IllegalStateException(
              "Value "
                  + raw.text()
                  + " of "
                  + table.tableName()
                  + "."
                  + names[i]
                  + " cannot be written to Parquet");
        }
        rc.startField(names[i], i);
        switch (types[i]) {
          case STRING -> rc.addBinary(Binary.fromString((String) v));
          case TIMESTAMP -> rc.addLong((Long) v * 1000L);
          case DATE -> rc.addInteger((int) ((LocalDate) v).toEpochDay());
          case DECIMAL_18_2 -> rc.addLong(unscaled((BigDecimal) v, 2));
          case DECIMAL_18_8 -> rc.addLong(unscaled((BigDecimal) v, 8));
          case BOOLEAN -> rc.addBoolean((Boolean) v);
          case INT -> rc.addInteger((Integer) v);
          case LONG -> rc.addLong((Long) v);
          default -> throw new IllegalStateException();
        }
        rc.endField(names[i], i);
      }
      rc.endMessage();
    }

    private static long unscaled(BigDecimal d, int scale) {
      return d.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }
  }
}
