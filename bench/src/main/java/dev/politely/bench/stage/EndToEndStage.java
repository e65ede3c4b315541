package dev.politely.bench.stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import dev.politely.bench.measure.CpuMeter;
import dev.politely.bench.report.Results;
import dev.politely.harness.Latencies;
import dev.politely.harness.MailSink;
import dev.politely.harness.OpenLoop;
import dev.politely.harness.Service;
import dev.politely.harness.Stack;
import org.awaitility.core.ConditionTimeoutException;

import static dev.politely.bench.stage.Context.say;
import static org.awaitility.Awaitility.await;

/**
 * The three services together. First a fixed offered load (100/s): the latency from the
 * intake's 202 to the owner's email accepted by the SMTP sink, every solicitation
 * accounted for, and each service's heap at that steady state. Then a ladder of offered
 * loads: a load is sustained when the intake took it all (>= 97 %, only 202s) and every
 * owner's email arrived, the tail not growing (p99 of the second half <= 1 s); the
 * highest sustained load is the end-to-end rate. Last, every solicitation accepted in
 * this stage must have its owner's email: lost counts those that still had none after the
 * plan's backlog wait.
 */
public final class EndToEndStage {

	private static final int WINDOW_SECONDS = 5;

	private static final int CONNECTIONS = 64;

	private static final double SUSTAINED_P99_MS = 1000;

	private final Context ctx;

	private final Stack stack;

	private final MailSink mail;

	private final List<OpenLoop.Accepted> everything = new ArrayList<>();

	private EndToEndStage(Context ctx) {
		this.ctx = ctx;
		this.stack = ctx.stack();
		this.mail = ctx.stack().mail();
	}

	public static void run(Context ctx) throws Exception {
		new EndToEndStage(ctx).run();
	}

	private void run() throws Exception {
		Plan plan = ctx.plan();
		Results results = ctx.results();
		stack.awaitPipelineUp(Duration.ofSeconds(180));
		mail.resetOwnerMails();
		say("end to end: %.0f/s offered, %d s warm-up + %d s", plan.e2eRate(), plan.e2eWarmup().toSeconds(),
				plan.e2eMeasure().toSeconds());
		OpenLoop.Outcome warmup = load(plan.e2eRate(), plan.e2eWarmup());
		awaitMails(warmup.accepted(), plan.backlogWait());

		Map<String, List<Double>> heap = new ConcurrentHashMap<>();
		AtomicBoolean sampling = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (sampling.get()) {
				for (Service service : Service.values()) {
					double used = stack.heapUsed(service);
					if (!Double.isNaN(used)) {
						heap.computeIfAbsent(service.module, s -> new ArrayList<>()).add(used / (1 << 20));
					}
				}
				sleep(2000);
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		Probe probe = ctx
			.probe("e2e-100", stack.process(Service.INTAKE), stack.process(Service.POLICY),
					stack.process(Service.NOTIFICATION))
			.start();
		sampler.start();
		long t0 = System.nanoTime();
		long mailsBefore = mail.count();
		OpenLoop.Outcome steady = load(plan.e2eRate(), plan.e2eMeasure());
		sampling.set(false);
		CpuMeter.Usage cpu = probe.stop();
		sampler.join();
		Results.Step first = evaluate(plan.e2eRate(), steady, t0, mailsBefore, plan);
		results.ladder.add(first);
		// the latency distribution counts every email, late ones too
		awaitMails(steady.accepted(), plan.backlogWait());
		Latencies latencies = latencies(steady.accepted(), 0);
		results.e2eLatencies = latencies;
		results.e2eRate = steady.acceptedPerSecond();
		results.e2eSolicitations = steady.accepted().size();
		results.e2eCpu = cpu;
		for (Service service : Service.values()) {
			List<Double> samples = heap.getOrDefault(service.module, List.of());
			results.heapMiB.put(service.module, samples.stream().mapToDouble(d -> d).average().orElse(Double.NaN));
			results.heapMaxMiB.put(service.module, samples.stream().mapToDouble(d -> d).max().orElse(Double.NaN));
		}
		say("  %d accepted (%.1f/s), statuses %s; 202 -> owner's email p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f;"
				+ " %d without email yet; cpu: %s", steady.accepted().size(), steady.acceptedPerSecond(),
				steady.statuses(), latencies.percentileMillis(50), latencies.percentileMillis(99),
				latencies.percentileMillis(99.9), latencies.maxMillis(), missing(steady.accepted()), cpu.describe());
		say("  heap used (MiB, mean of samples): %s", results.heapMiB);

		ladder(plan, results, first);

		long lost = awaitMails(everything, plan.backlogWait());
		results.e2eLost = lost;
		results.e2eDuplicates = mail.duplicateOwnerMails();
		say("  all end-to-end solicitations: %d accepted, %d without the owner's email (lost), %d duplicate owner emails",
				everything.size(), lost, results.e2eDuplicates);
	}

	/**
	 * The offered loads of the plan, lowest first, until one is not sustained; then one
	 * more at 90 % of the rate at which that one's owner emails went out (what the
	 * pipeline did deliver), when that is above the last sustained load. Before each step
	 * the emails of the previous ones are awaited: a step starts on an empty pipeline.
	 */
	private void ladder(Plan plan, Results results, Results.Step first) throws InterruptedException {
		double best = first.sustained() ? first.accepted() : 0;
		double lastPass = first.sustained() ? first.offered() : 0;
		Results.Step failed = first.sustained() ? null : first;
		results.sustained = best;
		for (double rate : first.sustained() ? plan.ladder() : List.<Double>of()) {
			if (rate <= first.offered()) {
				continue;
			}
			if (!drained(plan)) {
				return;
			}
			Results.Step step = step(rate, plan);
			results.ladder.add(step);
			results.sustained = best;
			if (!step.sustained()) {
				failed = step;
				break;
			}
			lastPass = rate;
			best = Math.max(best, step.accepted());
			results.sustained = best;
		}
		if (failed != null) {
			double retry = Math.floor(0.9 * failed.ownerMailsPerSecond() / 10) * 10;
			if (retry > lastPass * 1.1 && retry >= 10 && drained(plan)) {
				Results.Step step = step(retry, plan);
				results.ladder.add(step);
				if (step.sustained()) {
					best = Math.max(best, step.accepted());
				}
			}
		}
		results.sustained = best;
	}

	private boolean drained(Plan plan) {
		long missing = awaitMails(everything, plan.backlogWait());
		if (missing > 0) {
			ctx.results().notes.add("end to end: " + missing + " owner emails still pending "
					+ plan.backlogWait().toSeconds() + " s after the previous load; the ladder stopped there");
			say("  %d owner emails still pending after %d s: the ladder stops", missing,
					plan.backlogWait().toSeconds());
			return false;
		}
		return true;
	}

	private Results.Step step(double rate, Plan plan) throws InterruptedException {
		say("end to end: %.0f/s offered for %d s", rate, plan.ladderStep().toSeconds());
		long mailsBefore = mail.count();
		long t0 = System.nanoTime();
		OpenLoop.Outcome outcome = load(rate, plan.ladderStep());
		return evaluate(rate, outcome, t0, mailsBefore, plan);
	}

	/**
	 * Waits the plan's drain for the step's emails, then judges whether the offered load
	 * was sustained.
	 */
	private Results.Step evaluate(double rate, OpenLoop.Outcome outcome, long t0, long mailsBefore, Plan plan) {
		long lost = awaitMails(outcome.accepted(), plan.drain());
		double mailSeconds = (System.nanoTime() - t0) / 1e9;
		long half = outcome.accepted().isEmpty() ? 0
				: outcome.accepted().get(0).acceptedAt() + (long) (outcome.seconds() * 1e9 / 2);
		Latencies secondHalf = latencies(outcome.accepted(), half);
		Latencies all = latencies(outcome.accepted(), 0);
		boolean intakeKeptUp = outcome.accepted().size() >= 0.97 * outcome.offered()
				&& outcome.statuses().keySet().stream().allMatch(s -> s == 202) && outcome.errors() == 0;
		boolean tailFlat = secondHalf.percentileMillis(99) <= SUSTAINED_P99_MS;
		boolean sustained = intakeKeptUp && lost == 0 && tailFlat;
		String why = sustained ? "sustained" : !intakeKeptUp
				? "intake fell behind: " + outcome.accepted().size() + " of " + outcome.offered()
						+ " accepted, statuses " + outcome.statuses() + ", errors " + outcome.errors()
				: lost > 0 ? lost + " owner emails still missing " + plan.drain().toSeconds() + " s after the load"
						: String.format("backlog growing: p99 of the second half %.0f ms",
								secondHalf.percentileMillis(99));
		double mailsPerSecond = (mail.count() - mailsBefore) / mailSeconds;
		double ownerMailsPerSecond = ownerMailRate(outcome.accepted(), t0);
		say("  accepted %.0f/s, owner emails %.0f/s, p50 %.0f ms, p99 %.0f ms (second half %.0f ms), %s",
				outcome.acceptedPerSecond(), ownerMailsPerSecond, all.percentileMillis(50), all.percentileMillis(99),
				secondHalf.percentileMillis(99), why);
		say("  p99 by %d s window of acceptance, ms: %s", WINDOW_SECONDS, windows(outcome.accepted()));
		return new Results.Step(rate, outcome.acceptedPerSecond(), outcome.accepted().size(), lost,
				all.percentileMillis(50), all.percentileMillis(99), mailsPerSecond, ownerMailsPerSecond, sustained,
				why);
	}

	/**
	 * Owner emails of a step per second, from the step's start to the last of them that
	 * arrived.
	 */
	private double ownerMailRate(List<OpenLoop.Accepted> accepted, long since) {
		long delivered = 0;
		long last = since;
		for (OpenLoop.Accepted a : accepted) {
			Long at = mail.ownerMailAt(a.solicitationId());
			if (at != null) {
				delivered++;
				last = Math.max(last, at);
			}
		}
		return last == since ? 0 : delivered / ((last - since) / 1e9);
	}

	private OpenLoop.Outcome load(double rate, Duration duration) throws InterruptedException {
		OpenLoop.Outcome outcome = OpenLoop.run("127.0.0.1", stack.port(Service.INTAKE), CONNECTIONS, rate, duration,
				ctx.webhooks().requests());
		everything.addAll(outcome.accepted());
		return outcome;
	}

	/**
	 * Waits until every accepted solicitation has its owner's email, at most
	 * {@code atMost}; returns how many lack one.
	 */
	private long awaitMails(List<OpenLoop.Accepted> accepted, Duration atMost) {
		try {
			await("every owner email").atMost(atMost)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> missing(accepted) == 0);
		}
		catch (ConditionTimeoutException e) {
			// what is still missing is the answer, not an error
		}
		return missing(accepted);
	}

	private long missing(List<OpenLoop.Accepted> accepted) {
		return accepted.stream().filter(a -> mail.ownerMailAt(a.solicitationId()) == null).count();
	}

	/**
	 * The p99 of each window of the load, in order: where in the period a tail comes
	 * from.
	 */
	private String windows(List<OpenLoop.Accepted> accepted) {
		if (accepted.isEmpty()) {
			return "[]";
		}
		long start = accepted.get(0).acceptedAt();
		long width = WINDOW_SECONDS * 1_000_000_000L;
		TreeMap<Long, Latencies> byWindow = new TreeMap<>();
		for (OpenLoop.Accepted a : accepted) {
			Long at = mail.ownerMailAt(a.solicitationId());
			if (at != null) {
				byWindow.computeIfAbsent((a.acceptedAt() - start) / width, w -> new Latencies())
					.add(Math.max(0, at - a.acceptedAt()));
			}
		}
		return byWindow.values()
			.stream()
			.map(l -> String.format("%.0f", l.percentileMillis(99)))
			.collect(Collectors.joining(", ", "[", "]"));
	}

	private Latencies latencies(List<OpenLoop.Accepted> accepted, long acceptedFrom) {
		Latencies latencies = new Latencies();
		for (OpenLoop.Accepted a : accepted) {
			Long at = mail.ownerMailAt(a.solicitationId());
			if (at != null && a.acceptedAt() >= acceptedFrom) {
				latencies.add(Math.max(0, at - a.acceptedAt()));
			}
		}
		return latencies;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
