package dev.politely.bench.stage;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.politely.bench.baseline.PassThroughStream;
import dev.politely.bench.measure.CpuMeter;
import dev.politely.bench.measure.Progress;
import dev.politely.bench.report.Results;
import dev.politely.harness.JvmProcess;
import dev.politely.harness.Service;
import dev.politely.harness.Stack;
import org.apache.kafka.common.TopicPartition;

import static dev.politely.bench.stage.Context.say;

/**
 * Decisions per second consuming a pre-filled topic (what the intake stage wrote, bounded
 * to the plan's size), against a pass-through Kafka Streams topology with the same
 * processing guarantee reading the very same records, on the same broker and partitions.
 * Progress is the group's committed offsets; the rate is taken between 20 % and 90 % of
 * the input. The policy service keeps running.
 */
public final class PolicyStage {

	private PolicyStage() {
	}

	public static void run(Context ctx) throws Exception {
		Plan plan = ctx.plan();
		Stack stack = ctx.stack();
		Topics.keepNewest(stack.admin(), Topics.SOLICITATIONS, stack.partitions(), plan.policyInput());
		Map<TopicPartition, long[]> input = Progress.offsets(stack.admin(), Topics.SOLICITATIONS, stack.partitions());
		long total = Progress.size(input);
		say("policy baseline: pass-through Streams topology, exactly_once_v2, over %d solicitations", total);

		JvmProcess passThrough = stack.startBaseline("pass-through", PassThroughStream.class,
				List.of(stack.bootstrapServers(), "bench-passthrough", Topics.SOLICITATIONS, Topics.PASS_THROUGH,
						stack.work().resolve("pass-through-state").toString(), "100"),
				List.of());
		Probe probe = ctx.probe("policy-baseline", passThrough);
		Progress baseline = Progress.follow(() -> Progress.committed(stack.admin(), "bench-passthrough", input), total,
				plan.stageTimeout().toNanos(), passThrough::requireAlive, probe::window);
		CpuMeter.Usage baselineCpu = probe.usage();
		passThrough.stop(Duration.ofSeconds(20));
		double baselineRate = baseline.rate(total);
		say("  %.0f records/s (first commit after %.1f s); cpu: %s", baselineRate, baseline.secondsToFirst(),
				baselineCpu.describe());

		say("policy: the decision procedure, three state stores, exactly_once_v2, same input");
		JvmProcess policy = stack.launch(Service.POLICY);
		probe = ctx.probe("policy", policy);
		Progress politely = Progress.follow(
				() -> Progress.committed(stack.admin(), Service.POLICY.consumerGroup, input), total,
				plan.stageTimeout().toNanos(), policy::requireAlive, probe::window);
		CpuMeter.Usage politelyCpu = probe.usage();
		double politelyRate = politely.rate(total);
		say("  %.0f decisions/s (first commit after %.1f s); cpu: %s", politelyRate, politely.secondsToFirst(),
				politelyCpu.describe());
		stack.awaitServing(Service.POLICY);

		ctx.results().comparisons.add(new Results.Comparison("policy", "decisions/s",
				new Results.Side("policy-service: decide, 3 stores, exactly_once_v2", politelyRate, politelyCpu,
						done(politely, total)),
				new Results.Side("Kafka Streams stream(in).to(out), exactly_once_v2", baselineRate, baselineCpu,
						done(baseline, total)),
				0.8));
	}

	private static String done(Progress progress, long total) {
		List<Progress.Point> points = progress.points();
		long done = points.isEmpty() ? 0 : points.get(points.size() - 1).done();
		return done >= total ? total + " records, all consumed" : done + " of " + total + " records (timed out)";
	}

}
