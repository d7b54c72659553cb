package io.giftpay.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Drops the events whose {@code event_id} was accepted on an earlier night: a replay counts once
 * across all history. The caller passes only the ids of the event dates tonight's rows carry (a
 * replay has its original's event_time), so the cost follows tonight's volume, not the warehouse's
 * age.
 */
public final class DropSeenEvents implements Transform {
  private final Dataset<Row> seenIds;

  /**
   * @param seenIds earlier nights' accepted event ids, column {@code event_id}
   */
  public DropSeenEvents(Dataset<Row> seenIds) {
    this.seenIds = seenIds;
  }

  @Override
  public Dataset<Row> apply(Dataset<Row> events) {
    Dataset<Row> ids = seenIds.select("event_id").distinct();
    return events.join(ids, events.col("event_id").equalTo(ids.col("event_id")), "left_anti");
  }
}
