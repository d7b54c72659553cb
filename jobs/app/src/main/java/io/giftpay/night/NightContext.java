package io.giftpay.night;

import io.giftpay.catalogue.GiftCatalogue;
import io.giftpay.config.GiftpayConfig;
import io.giftpay.payout.PayoutPolicy;
import io.giftpay.rules.DetectionRule;
import io.giftpay.warehouse.LedgerLayout;
import io.giftpay.warehouse.WarehouseFiles;
import io.giftpay.warehouse.WarehouseLayout;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Everything one night's steps share: the date, where to read and write, and the rules. */
public record NightContext(
    LocalDate night,
    boolean emptyDay,
    SparkSession spark,
    LedgerLayout ledger,
    WarehouseLayout warehouse,
    WarehouseFiles files,
    PayoutPolicy policy,
    GiftCatalogue catalogue,
    List<DetectionRule> rules,
    GiftpayConfig config,
    Progress progress) {

  /** The warehouse's identifier key (created on first use): card and device keys are its HMACs. */
  public io.giftpay.privacy.IdentifierKey identifierKey() {
    return io.giftpay.warehouse.WarehouseSecret.identifierKey(warehouse, config);
  }
}
