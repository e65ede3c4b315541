package dev.politely.bench.stage;

import java.time.Duration;
import java.util.List;

/**
 * How long and how much each stage runs: the full run, or the quick one ({@code --quick},
 * under three minutes on the reference machine, start-ups included).
 *
 * @param connections the load generator's connections for the intake stage (wrk -c32 in
 * the anchors)
 * @param intakeWarmup closed-loop warm-up before the intake measurement, for each side
 * @param intakeMeasure the measured period of each side
 * @param policyInput how many solicitations the policy stage and its baseline consume
 * (the newest ones the intake stage wrote; fewer if it wrote fewer)
 * @param notificationInput how many decisions the notification stage consumes
 * @param mailBaselineCount how many messages the raw Jakarta Mail baseline sends
 * @param e2eWarmup the warm-up at the fixed offered load
 * @param e2eMeasure the measured period at the fixed offered load
 * @param ladder the offered loads (per second) tried for the sustained rate, lowest first
 * @param ladderStep how long each offered load is held
 * @param drain how long the emails of a step may take to arrive once its load stopped,
 * for the step to count as sustained
 * @param backlogWait how long to wait for the emails of earlier loads before a step, and
 * at the end before counting what is lost
 * @param idleSettle how long the stack is left alone before its idle CPU is measured
 * @param idleMeasure how long the idle CPU is measured
 * @param costLoads the offered loads (per second) at which the CPU per solicitation is
 * measured
 * @param costWarmup the load held at each of them before the measurement
 * @param costMeasure the measured period at each of them
 * @param compilerWindows at most how many 10 s windows at the highest cost load warm the
 * services up, until the JIT compiler is done
 * @param ratios whether the run is long enough for its stage ratios to mean anything: the
 * quick run's JIT is cold, its ratios were far from the full run's (0.11 against 0.25 for
 * the policy), so it reports rates only
 */
public record Plan(String name, int connections, Duration intakeWarmup, Duration intakeMeasure, long policyInput,
		long notificationInput, int mailBaselineCount, Duration e2eWarmup, Duration e2eMeasure, double e2eRate,
		List<Double> ladder, Duration ladderStep, Duration drain, Duration backlogWait, Duration stageTimeout,
		Duration idleSettle, Duration idleMeasure, List<Double> costLoads, Duration costWarmup, Duration costMeasure,
		int compilerWindows, boolean ratios) {

	public static final int OWNERS = 256;

	/** The offered loads of the CPU-per-solicitation figure (issue 16). */
	public static final List<Double> COST_LOADS = List.of(10.0, 50.0, 100.0, 200.0);

	public static Plan full() {
		return new Plan("full", 32, Duration.ofSeconds(40), Duration.ofSeconds(30), 30_000, 20_000, 30_000,
				Duration.ofSeconds(40), Duration.ofSeconds(60), 100, List.of(200.0, 400.0, 600.0, 800.0, 1000.0),
				Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(180), Duration.ofSeconds(400),
				Duration.ofSeconds(15), Duration.ofSeconds(30), COST_LOADS, Duration.ofSeconds(10),
				Duration.ofSeconds(30), 18, true);
	}

	public static Plan quick() {
		return new Plan("quick", 32, Duration.ofSeconds(3), Duration.ofSeconds(6), 6_000, 600, 5_000,
				Duration.ofSeconds(2), Duration.ofSeconds(10), 100, List.of(400.0), Duration.ofSeconds(5),
				Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(90), Duration.ofSeconds(5),
				Duration.ofSeconds(10), COST_LOADS, Duration.ofSeconds(3), Duration.ofSeconds(8), 1, false);
	}
}
