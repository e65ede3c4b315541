package dev.politely.bench.stage;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.politely.bench.measure.CpuMeter;
import dev.politely.bench.report.Results;
import dev.politely.harness.JvmProcess;
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

	/**
	 * The warm-up ends when the JIT compiler takes less than this, the services and the
	 * broker together, over a 10 s window at the highest load.
	 */
	private static final double SETTLED_COMPILER_CORES = 0.03;

	public static void run(Context ctx) throws Exception {
		Plan plan = ctx.plan();
		Stack stack = ctx.stack();
		Results results = ctx.results();
		stack.awaitPipelineUp(Duration.ofSeconds(180));
		// Until the JIT compiler is done: even after a few thousand solicitations its
		// threads still take most of the CPU at low loads (a C1-profiled method moves to
		// C2 after about 5,000 calls), a warm-up cost the first loads measured would
		// otherwise be charged with. The other stages of a full run start services of
		// their own, so these ones are as cold as in a --cost run.
		double top = plan.costLoads().get(plan.costLoads().size() - 1);
		for (int i = 1; i <= plan.compilerWindows(); i++) {
			CpuMeter.Snapshot before = CpuMeter.snapshot(pids(ctx));
			awaitMails(ctx, load(ctx, top, Duration.ofSeconds(10)).accepted(), plan.backlogWait());
			double compiler = Results.compilerCores(CpuMeter.between(before, CpuMeter.snapshot(pids(ctx))));
			say("cost: warm-up at %.0f/s, window %d: the JIT compiler took %.3f cores", top, i, compiler);
			if (compiler < SETTLED_COMPILER_CORES) {
				break;
			}
		}
		say("idle stack: %d s to settle, then %d s measured with no load", plan.idleSettle().toSeconds(),
				plan.idleMeasure().toSeconds());
		Thread.sleep(plan.idleSettle().toMillis());
		Probe idle = probe(ctx).start();
		Thread.sleep(plan.idleMeasure().toMillis());
		results.idleCpu = idle.stop();
		say("  idle: %.3f cores (services and broker); %s", Results.product(results.idleCpu),
				results.idleCpu.describe());
		sayThreads(results.idleCpu);

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
			sayThreads(cpu);
			if (missing > 0) {
				results.notes.add(String.format("cost at %.0f/s: %d owner emails still missing %d s after the load",
						rate, missing, plan.backlogWait().toSeconds()));
			}
		}
	}

	/**
	 * Where each process's CPU went, by thread: a cost paid per unit of time shows as a
	 * thread busy at idle or one whose share does not grow with the load.
	 */
	private static void sayThreads(CpuMeter.Usage cpu) {
		for (String process : cpu.threadCores().keySet()) {
			say("    %s threads: %s", process, cpu.busiestThreads(process, 8, 0.002));
		}
	}

	/** The three services and the broker (the bench's own JVM is added by the probe). */
	private static Probe probe(Context ctx) {
		return ctx.probe("cost", services(ctx));
	}

	private static Map<String, Long> pids(Context ctx) {
		return ctx.pids(services(ctx));
	}

	private static JvmProcess[] services(Context ctx) {
		Stack stack = ctx.stack();
		return new JvmProcess[] { stack.process(Service.INTAKE), stack.process(Service.POLICY),
				stack.process(Service.NOTIFICATION) };
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
