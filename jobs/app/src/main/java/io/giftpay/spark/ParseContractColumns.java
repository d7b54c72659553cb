package io.giftpay.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.giftpay.ledger.ColumnType;
import io.giftpay.ledger.ContractColumn;
import io.giftpay.ledger.LedgerTable;
import io.giftpay.ledger.ValueFormats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Turns the rows of one landed file (CSV: all text; Parquet: typed) into the contract's typed
 * columns, and marks the first missing and first unparseable column of each row. Nothing is
 * dropped: a row that does not parse keeps its original text in {@link #RECORD} for quarantine.
 *
 * <p>Output: the table's contract columns in contract order, then {@link #SOURCE_FILE}, {@link
 * #RECORD} (the original fields as JSON, for rows with a missing or unparseable column; null
 * otherwise), {@link #TEXTS} (for the same rows, the contract columns' text as a struct, so the
 * published quarantine can say what the row held without its personal columns), {@link
 * #MISSING_COLUMN}, {@link #BAD_COLUMN} and {@link #BAD_TEXT}.
 */
public final class ParseContractColumns implements Transform {
  public static final String SOURCE_FILE = "_source_file";
  public static final String RECORD = "_record";
  public static final String TEXTS = "_texts";
  public static final String MISSING_COLUMN = "_missing_column";
  public static final String BAD_COLUMN = "_bad_column";
  public static final String BAD_TEXT = "_bad_text";
  private static final String TEXT_PREFIX = "_text_";
  private static final String RAW_PREFIX = "_raw_";

  private final LedgerTable table;

  public ParseContractColumns(LedgerTable table) {
    this.table = table;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> input) {
    Map<String, StructField> fileColumns = new HashMap<>();
    List<Column> recordFields = new ArrayList<>();
    List<Column> typedColumns = new ArrayList<>();
    for (StructField field : input.schema().fields()) {
      if (field.name().equals(SOURCE_FILE)) {
        continue;
      }
      // Header names match trimmed and in any case; a UTF-8 byte-order mark is not part of a name.
      fileColumns.putIfAbsent(
          field.name().replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), field);
      recordFields.add(col(quoted(field.name())).cast(DataTypes.StringType).as(field.name()));
    }

    // Two projections: the first computes each column's text and typed value once, the second
    // refers to them by name. Inlining the parse into every flag made plans (and codegen) slow.
    List<Column> firstPass = new ArrayList<>();
    List<Column> output = new ArrayList<>();
    List<Column> missing = new ArrayList<>();
    List<Column> badColumn = new ArrayList<>();
    List<Column> badText = new ArrayList<>();
    List<Column> contractTexts = new ArrayList<>();
    for (ContractColumn column : table.columns()) {
      StructField field = fileColumns.get(column.name());
      Column text;
      Column typed;
      if (field == null) {
        text = lit(null).cast(DataTypes.StringType);
        typed = lit(null).cast(column.type().sqlType());
      } else if (field.dataType().equals(DataTypes.StringType)) {
        Column raw = col(quoted(field.name()));
        // An empty or blank field is null (contract: "an empty field is null").
        text = when(trim(raw).notEqual(""), raw);
        typed = parseText(col(TEXT_PREFIX + column.name()), column.type());
      } else {
        Column raw = col(quoted(field.name()));
        text = raw.cast(DataTypes.StringType);
        firstPass.add(raw.as(RAW_PREFIX + column.name()));
        typed = col(RAW_PREFIX + column.name()).try_cast(column.type().sqlType());
      }
      firstPass.add(text.as(TEXT_PREFIX + column.name()));
      Column textRef = col(TEXT_PREFIX + column.name());
      Column typedRef = col(column.name());
      output.add(typedRef);
      contractTexts.add(textRef.as(column.name()));
      if (!column.nullable()) {
        missing.add(when(textRef.isNull(), lit(column.name())));
      }
      Column isBad = textRef.isNotNull().and(typedRef.isNull());
      badColumn.add(when(isBad, lit(column.name())));
      badText.add(when(isBad, textRef));
      typedColumns.add(typed.as(column.name()));
    }
    firstPass.add(col(SOURCE_FILE));
    firstPass.add(
        to_json(struct(recordFields.toArray(Column[]::new)), Map.of("ignoreNullFields", "false"))
            .as(RECORD));
    // The original text is kept only for rows that do not parse: a row that parses is fully
    // described by its typed columns (see QUARANTINE_RECORD), and most rows parse, so carrying
    // every row's JSON through the night would cost more than the data itself.
    Dataset<Row> texts = input.select(firstPass.toArray(Column[]::new));
    List<Column> secondPass = new ArrayList<>();
    for (String name : texts.columns()) {
      secondPass.add(col(quoted(name)));
    }
    secondPass.addAll(typedColumns);
    Dataset<Row> parsed = texts.select(secondPass.toArray(Column[]::new));

    Column missingColumn = firstNonNull(missing);
    Column firstBadColumn = firstNonNull(badColumn);
    output.add(col(SOURCE_FILE));
    Column broken = missingColumn.isNotNull().or(firstBadColumn.isNotNull());
    output.add(when(broken, col(RECORD)).as(RECORD));
    output.add(when(broken, struct(contractTexts.toArray(Column[]::new))).as(TEXTS));
    output.add(missingColumn.as(MISSING_COLUMN));
    output.add(firstBadColumn.as(BAD_COLUMN));
    output.add(firstNonNull(badText).as(BAD_TEXT));
    return parsed.select(output.toArray(Column[]::new));
  }

  /** Strict parse of contract text: the format must match, and the value must fit the type. */
  static Column parseText(Column text, ColumnType type) {
    return switch (type) {
      case STRING -> text;
      case BOOLEAN -> when(text.rlike(ValueFormats.BOOLEAN), lower(trim(text)).equalTo("true"));
      default -> when(text.rlike(ValueFormats.patternFor(type)), text.try_cast(type.sqlType()));
    };
  }

  private static Column firstNonNull(List<Column> columns) {
    if (columns.isEmpty()) {
      return lit(null).cast(DataTypes.StringType);
    }
    if (columns.size() == 1) {
      return columns.get(0);
    }
    return coalesce(columns.toArray(Column[]::new));
  }

  /**
   * The restricted quarantine's {@code record} for a parsed row (every original field, personal
   * ones included): its original text when it did not parse, else its typed contract columns as
   * JSON. The published quarantine's is {@link QuarantineRecords#published}.
   */
  public static Column quarantineRecord(LedgerTable table) {
    Column[] columns = table.columns().stream().map(c -> col(c.name())).toArray(Column[]::new);
    return coalesce(col(RECORD), to_json(struct(columns), Map.of("ignoreNullFields", "false")));
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
