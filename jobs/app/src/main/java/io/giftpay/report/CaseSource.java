package io.giftpay.report;

import io.giftpay.review.CaseSummary;
import io.giftpay.warehouse.WarehouseLayout;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Where the report gets night D's review cases. The review queue computes them; the report only
 * shows them, so it takes them from whoever has them.
 */
@FunctionalInterface
public interface CaseSource {
  /** No cases: the report's review section then says "none". */
  CaseSource NONE = (spark, layout, night) -> List.of();

  List<CaseSummary> cases(SparkSession spark, WarehouseLayout layout, LocalDate night);

  /** The case book night D kept (open and decided cases, USD at the policy's diamond value). */
  static CaseSource caseBook(io.giftpay.payout.PayoutPolicy policy) {
    return (spark, layout, night) ->
        new io.giftpay.review.ReviewBook(
                spark,
                layout,
                new io.giftpay.warehouse.WarehouseFiles(
                    layout.root(), spark.sparkContext().hadoopConfiguration()),
                policy,
                night)
            .cases();
  }
}
