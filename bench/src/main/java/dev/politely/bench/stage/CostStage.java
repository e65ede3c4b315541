package dev.politely.bench.stage;

import java.time.Duration;
import java.util.List;

import dev.politely.bench.measure.CpuMeter;
import dev.politely.bench.report.Results;
import dev.politely.harness.Latencies;
import dev.politely.harness.OpenLoop;
import dev.politely.harness.Service;
import dev.politely.harness.Stack;
import org.awaitility.core.ConditionTimeoutException;

import static dev.politely.bench.stage.Context.say;
import static org.awaitility.Awaitility.await;

/**
 * What the running pipeline costs apart from any one solicitation (issue 16): the CPU of
 * the idle stack (the three services and the broker, no load at all), then the CPU per
 * solicitation at a few ordinary offered loads. A cost paid per unit of time (commits,
 * polls, health checks, exports) shows as idle cores and as a cost per solicitation that
 * falls as the load rises; a cost paid per solicitation, as a flat one.
 */
public final class CostStage {

	private CostStage() {
	}

	public static void run(Context ctx, boolean warmFirst) throws Exception {
		Plan plan = ctx.plan();
		Stack stack = ctx.stack();
		Results results = ctx.results();
		stack.awaitPipelineUp(Duration.ofSeconds(180));
		if (warmFirst) {
			// alone (--cost), the services have not served anything yet: without this the
			// first loads would pay for the JIT compiler's work, not for the
			// solicitations
			double rate = plan.costLoads().get(plan.costLoads().size() - 1);
			Duration warmup = plan.costWarmup().multipliedBy(3);
			say("cost: %.0f/s for %d s to warm the services up", rate, warmup.toSeconds());
			awaitMails(ctx, load(ctx, rate, warmup).accepted(), plan.backlogWait());
		}
		say("idle stack: %d s to settle, then %d s measured with no load", plan.idleSettle().toSeconds(),
				plan.idleMeasure().toSeconds());
		Thread.sleep(plan.idleSettle().toMillis());
		Probe idle = probe(ctx).start();
		Thread.sleep(plan.idleMeasure().toMillis());
		results.idleCpu = idle.stop();
		say("  idle: %.3f cores (services and broker); %s", Results.product(results.idleCpu),
				results.idleCpu.describe());

		for (double rate : plan.costLoads()) {
			say("cost at %.0f/s offered: %d s warm-up + %d s measured", rate, plan.costWarmup().toSeconds(),
					plan.costMeasure().toSeconds());
			OpenLoop.Outcome warm = load(ctx, rate, plan.costWarmup());
			Probe probe = probe(ctx).start();
			long t0 = System.nanoTime();
			OpenLoop.Outcome measured = load(ctx, rate, plan.costMeasure());
			// until the measured solicitations' emails are out: a pipeline that fell
			// behind
			// does their work after the load, and that CPU is theirs too
			long missing = awaitMails(ctx, measured.accepted(), plan.backlogWait());
			CpuMeter.Usage cpu = probe.stop();
			double seconds = (System.nanoTime() - t0) / 1e9;
			missing += missing(ctx, warm.accepted());
			Latencies latencies = new Latencies();
			for (OpenLoop.Accepted a : measured.accepted()) {
				Long at = stack.mail().ownerMailAt(a.solicitationId());
				if (at != null) {
					latencies.add(Math.max(0, at - a.acceptedAt()));
				}
			}
			Results.Cost cost = new Results.Cost(rate, measured.acceptedPerSecond(), cpu, seconds,
					measured.accepted().size(), missing, latencies.percentileMillis(50),
					latencies.percentileMillis(99));
			results.costs.add(cost);
			say("  accepted %.1f/s, %.2f ms CPU per solicitation (services and broker), %.2f ms machine-wide;"
					+ " 202 -> owner's email p50 %.0f ms, p99 %.0f ms; %s", cost.accepted(),
					cost.millisPerSolicitation(), cost.machineMillisPerSolicitation(), cost.p50(), cost.p99(),
					cpu.describe());
			if (missing > 0) {
				results.notes.add(String.format("cost at %.0f/s: %d owner emails still missing %d s after the load",
						rate, missing, plan.backlogWait().toSeconds()));
			}
		}
	}

	/** The three services and the broker (the bench's own JVM is added by the probe). */
	private static Probe probe(Context ctx) {
		Stack stack = ctx.stack();
		return ctx.probe("cost", stack.process(Service.INTAKE), stack.process(Service.POLICY),
				stack.process(Service.NOTIFICATION));
	}

	private static OpenLoop.Outcome load(Context ctx, double rate, Duration duration) throws InterruptedException {
		return OpenLoop.run("127.0.0.1", ctx.stack().port(Service.INTAKE), 16, rate, duration,
				ctx.webhooks().requests());
	}

	private static long awaitMails(Context ctx, List<OpenLoop.Accepted> accepted, Duration atMost) {
		try {
			await("every owner email").atMost(atMost)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> missing(ctx, accepted) == 0);
		}
		catch (ConditionTimeoutException e) {
			// what is still missing is the answer, not an error
		}
		return missing(ctx, accepted);
	}

	private static long missing(Context ctx, List<OpenLoop.Accepted> accepted) {
		return accepted.stream().filter(a -> ctx.stack().mail().ownerMailAt(a.solicitationId()) == null).count();
	}

}
