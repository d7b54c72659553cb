package io.giftpay.sample.patterns;

import io.giftpay.ledger.LedgerTable;
import io.giftpay.sample.InjectedPattern;
import io.giftpay.sample.Label;
import io.giftpay.sample.Lookalike;
import io.giftpay.sample.PatternAccount;
import io.giftpay.sample.PatternContext;
import java.util.List;
import java.util.function.Consumer;

/**
 * A pattern that computes everything it injects once per run (a {@link Plan}) and then hands it out
 * by day.
 */
abstract class PlannedPattern implements InjectedPattern {
  private PatternContext plannedFor;
  private Plan plan;

  /** Fills the plan: accounts, events, labels or look-alikes, instance count. */
  abstract void plan(Plan p);

  final synchronized Plan planFor(PatternContext ctx) {
    if (ctx != plannedFor) {
      Plan p = new Plan(ctx, name());
      plan(p);
      p.finish();
      plan = p;
      plannedFor = ctx;
    }
    return plan;
  }

  @Override
  public List<PatternAccount> accounts(PatternContext ctx) {
    return List.copyOf(planFor(ctx).accounts);
  }

  @Override
  public void events(PatternContext ctx, LedgerTable table, int day, Consumer<Object[]> sink) {
    for (Object[] row : planFor(ctx).events(table, day)) {
      sink.accept(row.clone());
    }
  }

  @Override
  public List<Label> labels(PatternContext ctx) {
    return List.copyOf(planFor(ctx).labels);
  }

  @Override
  public List<Lookalike> lookalikes(PatternContext ctx) {
    return List.copyOf(planFor(ctx).lookalikes);
  }

  @Override
  public int instances(PatternContext ctx) {
    return planFor(ctx).instances;
  }
}
