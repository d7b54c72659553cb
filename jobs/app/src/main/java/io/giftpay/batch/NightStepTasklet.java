package io.giftpay.batch;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.night.NightContext;
import io.giftpay.warehouse.KillPoints;
import java.util.function.Consumer;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Runs one step of the night (plain Giftpay code) inside Spring Batch, which only records that it
 * started, finished or failed. Progress lines and timings go to the console.
 */
final class NightStepTasklet implements Tasklet {
  private final String name;
  private final NightServices services;
  private final Consumer<NightContext> step;

  NightStepTasklet(String name, NightServices services, Consumer<NightContext> step) {
    this.name = name;
    this.services = services;
    this.step = step;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    NightContext context = services.contextFor(contribution.getStepExecution().getJobParameters());
    long started = System.nanoTime();
    services.progress().stepStarted(name, services.spark());
    FaultInjection faults = new FaultInjection(services.config());
    KillPoints.configure(
        services.config().getOrNull(GiftpayConfig.FAULT_KILL),
        services.config().getOrNull(GiftpayConfig.FAULT_TRACE));
    KillPoints.stepStarted(context.night().toString(), name);
    try {
      faults.at(name, "before");
      KillPoints.reach("step-start");
      step.accept(context);
      KillPoints.reach("step-end");
      faults.at(name, "after");
    } finally {
      KillPoints.stepEnded();
      services.progress().stepDone(name, started);
    }
    return RepeatStatus.FINISHED;
  }
}
