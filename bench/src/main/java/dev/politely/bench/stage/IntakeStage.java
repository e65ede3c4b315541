package dev.politely.bench.stage;

import java.time.Duration;
import java.util.List;

import dev.politely.bench.baseline.BareIntakeApplication;
import dev.politely.bench.measure.CpuMeter;
import dev.politely.bench.report.Results;
import dev.politely.harness.ClosedLoop;
import dev.politely.harness.JvmProcess;
import dev.politely.harness.Ports;
import dev.politely.harness.Service;
import dev.politely.harness.Stack;

import static dev.politely.bench.stage.Context.say;

/**
 * Signed, validated, Kafka-acknowledged 202s per second, against a bare Spring MVC
 * endpoint returning 202: the same load generator (closed loop, same connection count,
 * the same signed requests), one after the other, each side warmed up first. The intake
 * keeps running: what it wrote is the policy stage's input.
 */
public final class IntakeStage {

	private IntakeStage() {
	}

	public static void run(Context ctx) throws Exception {
		Plan plan = ctx.plan();
		Stack stack = ctx.stack();

		int barePort = Ports.free();
		JvmProcess bare = stack.startBaseline("bare-intake", BareIntakeApplication.class,
				List.of("--server.port=" + barePort, "--spring.main.banner-mode=off"), List.of());
		Stack.awaitUp("the bare endpoint listening", Duration.ofSeconds(120), () -> {
			bare.requireAlive();
			return Stack.listening(barePort);
		});
		say("intake baseline: bare Spring MVC 202, %d connections, %d s warm-up + %d s", plan.connections(),
				plan.intakeWarmup().toSeconds(), plan.intakeMeasure().toSeconds());
		ClosedLoop.run("127.0.0.1", barePort, plan.connections(), plan.intakeWarmup(), Duration.ZERO,
				ctx.webhooks().requests());
		Probe probe = ctx.probe("intake-baseline", bare).start();
		ClosedLoop.Outcome baseline = ClosedLoop.run("127.0.0.1", barePort, plan.connections(), Duration.ZERO,
				plan.intakeMeasure(), ctx.webhooks().requests());
		CpuMeter.Usage baselineCpu = probe.stop();
		bare.stop(Duration.ofSeconds(20));
		say("  %.0f 202/s, p50 %.2f ms, p99 %.2f ms, statuses %s; cpu: %s", baseline.acceptedPerSecond(),
				baseline.latencies().percentileMillis(50), baseline.latencies().percentileMillis(99),
				baseline.statuses(), baselineCpu.describe());

		JvmProcess intake = stack.start(Service.INTAKE);
		say("intake: signed + validated + acks=all, same load");
		ClosedLoop.run("127.0.0.1", stack.port(Service.INTAKE), plan.connections(), plan.intakeWarmup(), Duration.ZERO,
				ctx.webhooks().requests());
		probe = ctx.probe("intake", intake).start();
		ClosedLoop.Outcome politely = ClosedLoop.run("127.0.0.1", stack.port(Service.INTAKE), plan.connections(),
				Duration.ZERO, plan.intakeMeasure(), ctx.webhooks().requests());
		CpuMeter.Usage politelyCpu = probe.stop();
		say("  %.0f 202/s, p50 %.2f ms, p99 %.2f ms, statuses %s, errors %d; cpu: %s", politely.acceptedPerSecond(),
				politely.latencies().percentileMillis(50), politely.latencies().percentileMillis(99),
				politely.statuses(), politely.errors(), politelyCpu.describe());

		Results results = ctx.results();
		results.connections = plan.connections();
		results.intakeLatencies = politely.latencies();
		results.bareLatencies = baseline.latencies();
		results.comparisons.add(new Results.Comparison("intake", "202/s",
				new Results.Side("intake-service: signed, validated, acks=all", politely.acceptedPerSecond(),
						politelyCpu, latencyNote(politely)),
				new Results.Side("bare Spring MVC endpoint returning 202", baseline.acceptedPerSecond(), baselineCpu,
						latencyNote(baseline)),
				0.6));
		if (politely.otherStatuses() > 0 || politely.errors() > 0) {
			results.notes.add("intake: answers other than 202 during the measurement: " + politely.statuses()
					+ ", connection errors " + politely.errors());
		}
	}

	private static String latencyNote(ClosedLoop.Outcome o) {
		return String.format("p50 %.2f ms, p99 %.2f ms", o.latencies().percentileMillis(50),
				o.latencies().percentileMillis(99));
	}

}
