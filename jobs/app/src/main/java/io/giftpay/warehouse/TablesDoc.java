package io.giftpay.warehouse;

import io.giftpay.warehouse.PublishedTables.Column;
import io.giftpay.warehouse.PublishedTables.PublishedTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the data dictionary, docs/tables.md, from {@link PublishedTables}: plain text, no Spark
 * session. {@code PublishedTablesDocTest} keeps the committed file equal to {@link #markdown()}.
 */
public final class TablesDoc {
  /** How to regenerate docs/tables.md after changing {@link PublishedTables}. */
  public static final String REGENERATE =
      "mvn -B -ntp -q -pl jobs/app -am test -Dtest=PublishedTablesDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dgiftpay.tables-doc.write=true";

  private TablesDoc() {}

  /** Writes the dictionary to the file given (default {@code docs/tables.md}). */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "docs/tables.md");
    Files.writeString(file, markdown(), StandardCharsets.UTF_8);
    System.out.println("Wrote " + file.toAbsolutePath().normalize());
  }

  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Published tables: the data dictionary\n\n");
    md.append(
        "<!-- Generated from jobs/app/src/main/java/io/giftpay/warehouse/PublishedTables.java: do not edit by hand.\n");
    md.append("     Regenerate with: ").append(REGENERATE).append(" -->\n\n");
    md.append(
        "Every table Giftpay publishes, as the Parquet files hold it. Each table is one folder under the\n");
    md.append(
        "warehouse with one partition per night, `<warehouse>/<table>/dt=YYYY-MM-DD/part-00000.parquet`:\n");
    md.append(
        "one file per table and night, its rows in the table's sort order, so the same night always gives\n");
    md.append(
        "the same bytes. A night's partitions appear only after its checks pass, payouts last. Read with\n");
    md.append(
        "hive partitioning, every table also has the column `dt` (date), the night it was published on.\n");
    md.append(
        "`giftpay sql` registers each table below as a view; `giftpay sql --tables` lists them.\n\n");
    md.append(
        "Money columns are decimals, never floating point. The `null` column below is the column's\n");
    md.append(
        "repetition in the Parquet footer: `yes` optional, `no` required. Readers see every column as\n");
    md.append("nullable; an optional column may still never hold a null (see its meaning).\n\n");
    md.append("**Privacy.** ").append(PublishedTables.PRIVACY_RULE).append("\n\n");
    md.append("| table | one row per | sort order |\n|---|---|---|\n");
    for (PublishedTable table : PublishedTables.ALL) {
      md.append("| [`")
          .append(table.name())
          .append("`](#")
          .append(table.name())
          .append(") | ")
          .append(table.oneRowPer())
          .append(" | ")
          .append(sortOrder(table))
          .append(" |\n");
    }
    for (PublishedTable table : PublishedTables.ALL) {
      md.append("\n## ").append(table.name()).append("\n\n");
      md.append("One row per ").append(table.oneRowPer()).append(".\n\n");
      md.append("- Files: `<warehouse>/")
          .append(table.name())
          .append("/dt=YYYY-MM-DD/part-00000.parquet`\n");
      md.append("- Sort order: ").append(sortOrder(table)).append("\n\n");
      md.append("| column | type | null | meaning |\n|---|---|---|---|\n");
      for (Column c : table.columns()) {
        md.append("| `")
            .append(c.name())
            .append("` | ")
            .append(c.sqlType())
            .append(" | ")
            .append(c.nullable() ? "yes" : "no")
            .append(" | ")
            .append(c.description().replace("|", "\\|"))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  private static String sortOrder(PublishedTable table) {
    List<String> quoted = table.sortOrder().stream().map(c -> "`" + c + "`").toList();
    return quoted.stream().collect(Collectors.joining(", "));
  }
}
