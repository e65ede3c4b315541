package dev.politely.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import dev.politely.harness.Service;
import dev.politely.harness.Stack;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Runs one scenario: load on, wait until emails flow, inject the fault, keep the load on
 * until the pipeline is UP again and some more solicitations were accepted, load off,
 * wait until the system is quiet (everything decided and sent, both consumer groups
 * caught up), then reconcile.
 */
final class ScenarioRunner {

	/** How much load surrounds a fault. */
	record Sizing(int answeredBefore, int acceptedAfter, Duration interval) {
	}

	/** One line of the table. */
	record Row(Scenario scenario, String load, Reconciliation.Result result, Duration took, String retries,
			long deadLetters, String error, Duration failover) {

		Row(Scenario scenario, String load, Reconciliation.Result result, Duration took, String retries,
				long deadLetters, String error) {
			this(scenario, load, result, took, retries, deadLetters, error, null);
		}

	}

	private final Stack stack;

	private final CallbackReceiver callbacks;

	private final DecisionLog log;

	private final Sizing sizing;

	ScenarioRunner(Stack stack, CallbackReceiver callbacks, DecisionLog log, Sizing sizing) {
		this.stack = stack;
		this.callbacks = callbacks;
		this.log = log;
		this.sizing = sizing;
	}

	Row run(Scenario scenario, List<Owner> owners) throws Exception {
		Instant start = Instant.now();
		Progress.say("=== " + scenario.name() + ": " + scenario.fault());
		if (stack.brokers().size() > 1) {
			wholeCluster();
		}
		if (scenario.pairs()) {
			secondInstances();
		}
		long deadLettersBefore = deadLetters();
		Map<Owner, OwnerModel> models = new LinkedHashMap<>();
		owners.forEach(o -> models.put(o, new OwnerModel()));
		Set<String> ownerEmails = owners.stream().map(Owner::email).collect(Collectors.toSet());
		Scenario.Timeline timeline = new Scenario.Timeline();
		String error = null;
		try (Load load = new Load(scenario.name(), models, stack::intakeUrls, sizing.interval(),
				scenario.callbacks() ? callbacks::urlFor : null)) {
			load.start();
			await("emails flowing").atMost(Duration.ofSeconds(150))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> stack.mail()
					.mails()
					.stream()
					.filter(m -> ownerEmails.contains(m.recipient()))
					.count() >= sizing.answeredBefore());
			Progress.say("load steady: " + load.acceptedCount() + " accepted; injecting the fault");
			scenario.action().inject(stack, callbacks, timeline);
			Instant up = Instant.now();
			Duration failover = null;
			if (!timeline.held.isEmpty()) {
				failover = failover(owners, timeline);
				Progress.say("failover " + scenario.name() + ": " + Report.seconds(failover)
						+ " from the kill to the next owner email for partitions " + timeline.held);
			}
			Progress.say("pipeline UP again, " + Progress.since(timeline.injected) + " s after the fault; "
					+ load.acceptedCount() + " accepted so far");
			await("load after recovery").atMost(Duration.ofSeconds(150))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> load.acceptedSince(up) >= sizing.acceptedAfter());
			load.stop(Duration.ofSeconds(180));
			Progress.say("load stopped: " + load.acceptedCount() + " accepted (" + load.retries() + ")");
			Reconciliation reconciliation = new Reconciliation(load.accepted(), owners);
			AtomicReference<Reconciliation.Result> last = new AtomicReference<>();
			try {
				await("everything decided and sent, consumer groups caught up").atMost(Scenario.RECOVERY_BUDGET)
					.pollInterval(Duration.ofSeconds(1))
					.during(Duration.ofSeconds(3))
					.ignoreExceptions()
					.until(() -> {
						Reconciliation.Result r = reconciliation.reconcile(log.catchUp(), stack.mail().mails(),
								callbacks.callbacks(), load.refused(), timeline.injected);
						last.set(r);
						return r.lost() == 0 && log.groupsCaughtUp();
					});
			}
			catch (ConditionTimeoutException e) {
				error = "not quiet after " + Scenario.RECOVERY_BUDGET.toSeconds() + " s"
						+ (last.get() == null ? "" : " (" + last.get().lost() + " still missing)");
				Progress.say(error);
			}
			Reconciliation.Result result = reconciliation.reconcile(log.catchUp(), stack.mail().mails(),
					callbacks.callbacks(), load.refused(), timeline.injected);
			long deadLetters = deadLetters() - deadLettersBefore;
			if (deadLetters > 0) {
				result.problems().add(0, "dead letters: " + deadLetters + " new record(s) in the dead-letter topics");
			}
			String held = load.owners() + " owners x " + (1000 / sizing.interval().toMillis()) + "/s for "
					+ load.duration().toSeconds() + " s";
			Row row = new Row(scenario, held, result, Duration.between(start, Instant.now()), load.retries(),
					deadLetters, error, failover);
			Progress.say("reconciled " + scenario.name() + ": accepted=" + result.accepted() + " decisions="
					+ result.decisions() + " emails=" + result.emails() + " lost=" + result.lost() + " duplicated="
					+ result.duplicated() + " wrong=" + result.wrong() + " resent=" + result.resent() + " recovery="
					+ Report.seconds(result.recovery()));
			result.problems().stream().limit(15).forEach(p -> Progress.say("  " + p));
			return row;
		}
		finally {
			stack.mail().purgeMailboxes();
		}
	}

	/**
	 * The time from the kill to the first owner email, received after it, of an owner
	 * whose partition the killed instance held: no other instance had that partition
	 * until the group gave up on the dead one and rebalanced.
	 */
	private Duration failover(List<Owner> owners, Scenario.Timeline timeline) {
		Set<String> emails = owners.stream()
			.filter(o -> timeline.held.contains(o.partition()))
			.map(Owner::email)
			.collect(Collectors.toSet());
		AtomicReference<Instant> next = new AtomicReference<>();
		await("an owner email for partitions " + timeline.held + " after the kill").atMost(Scenario.RECOVERY_BUDGET)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				stack.mail()
					.mails()
					.stream()
					.filter(m -> emails.contains(m.recipient()) && m.at().isAfter(timeline.injected))
					.map(m -> m.at())
					.min(Instant::compareTo)
					.ifPresent(next::set);
				return next.get() != null;
			});
		return Duration.between(timeline.injected, next.get());
	}

	/**
	 * The records in the dead-letter topics, asked again until the admin client answers:
	 * right after a broker died its metadata may still point at the dead leader for a
	 * while.
	 */
	private long deadLetters() {
		AtomicReference<Long> count = new AtomicReference<>();
		await("the dead-letter topics' end offsets").atMost(Scenario.RECOVERY_BUDGET)
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> {
				count.set(log.deadLetters());
				return true;
			});
		return count.get();
	}

	/**
	 * Three brokers: any broker a previous scenario left down is started again, and the
	 * scenario begins only once every partition has all its replicas in sync.
	 */
	private void wholeCluster() {
		if (stack.brokers().stream().allMatch(b -> b.process().alive())) {
			return;
		}
		stack.startBroker();
		stack.awaitFullyReplicated(Scenario.RECOVERY_BUDGET);
		stack.awaitPipelineUp(Scenario.RECOVERY_BUDGET);
		Progress.say("every broker up again, every partition in sync");
	}

	/**
	 * Brings every service to two live instances (all three start together: the machine
	 * has two cores).
	 */
	private void secondInstances() {
		boolean added = false;
		for (Service service : List.of(Service.POLICY, Service.NOTIFICATION, Service.INTAKE)) {
			if (stack.alive(service).size() < 2) {
				Stack.Instance instance = stack.add(service);
				instance.process().start();
				Progress.say("started " + instance);
				added = true;
			}
		}
		if (added) {
			for (Service service : Service.values()) {
				for (Stack.Instance instance : stack.alive(service)) {
					stack.awaitServing(instance, Scenario.RECOVERY_BUDGET);
				}
				stack.awaitGroupComplete(service, Scenario.RECOVERY_BUDGET);
			}
			stack.awaitPipelineUp(Scenario.RECOVERY_BUDGET);
			Progress.say("two instances of each service UP");
		}
	}

}
