package dev.politely.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.politely.harness.Service;
import dev.politely.harness.Stack;

/**
 * One fault, injected once while the load runs. {@link Fault#inject} breaks something,
 * repairs it (or lets the survivors take over) and returns once the pipeline says it is
 * UP again, having noted when the fault began and when it was lifted.
 */
record Scenario(String name, String fault, boolean callbacks, boolean pairs, Fault action) {

	/**
	 * When the fault began, and when the operator's repair was done (a restart issued,
	 * the server back).
	 */
	static final class Timeline {

		volatile Instant injected;

		volatile Instant lifted;

		/**
		 * The partitions the killed instance held, for a failover measurement: the time
		 * to the next owner email for one of them. Empty: nothing to measure.
		 */
		volatile Set<Integer> held = Set.of();

	}

	interface Fault {

		void inject(Stack stack, CallbackReceiver callbacks, Timeline timeline) throws Exception;

	}

	static final Duration RECOVERY_BUDGET = Duration.ofSeconds(240);
	static final Duration SMTP_OUTAGE = Duration.ofSeconds(30);

	/** The short version, in every {@code mvn verify}. */
	static List<Scenario> shortSuite() {
		return List.of(killAndRestart(Service.POLICY), killNotificationMidEmail(), brokerRestart());
	}

	/** The full version, {@code mvn verify -Pfaults}. */
	static List<Scenario> fullSuite() {
		return List.of(killAndRestart(Service.POLICY), killNotificationMidEmail(), brokerRestart(), smtpOutage(),
				failingCallbacks(), killOneOfTwo(Service.INTAKE), killOneOfTwo(Service.POLICY),
				killOneOfTwo(Service.NOTIFICATION));
	}

	/**
	 * On three brokers ({@code mvn verify -Pfaults}): the brokers broken one at a time,
	 * then the failover of a service instance with static membership.
	 */
	static List<Scenario> clusterSuite() {
		return List.of(killSolicitationsLeader(), killBrokerAndRestart(), controllerFailover(), rollingRestart(),
				failover(Service.NOTIFICATION), failover(Service.POLICY));
	}

	/**
	 * kill -9 of the broker leading most of the solicitations' partitions; it stays down
	 * while the load goes on (two of three replicas still make
	 * {@code min.insync.replicas}).
	 */
	static Scenario killSolicitationsLeader() {
		return new Scenario("broker-leader-kill9",
				"kill -9 the broker leading the solicitations' partitions (3 brokers), not restarted", false, false,
				(stack, callbacks, t) -> {
					int leader = stack.solicitationsLeader();
					Progress.say("solicitations' leaders " + stack.leaders(Stack.SOLICITATIONS) + "; killing broker "
							+ leader);
					t.injected = Instant.now();
					stack.kill9Broker(leader);
					Stack.awaitUp("new leaders for " + Stack.SOLICITATIONS, RECOVERY_BUDGET,
							() -> stack.leaders(Stack.SOLICITATIONS)
								.values()
								.stream()
								.allMatch(id -> id > 0 && id != leader));
					t.lifted = Instant.now();
					Progress.say("new leaders " + stack.leaders(Stack.SOLICITATIONS) + " " + Progress.since(t.injected)
							+ " s after the kill");
					stack.awaitPipelineUp(RECOVERY_BUDGET);
				});
	}

	/**
	 * kill -9 of a broker that is neither the solicitations' leader nor the active
	 * controller (where there is one), then started again on its data: log recovery,
	 * catching up as a follower.
	 */
	static Scenario killBrokerAndRestart() {
		return new Scenario("broker-kill9-restart", "kill -9 a broker (3 brokers), start it again on the same data",
				false, false, (stack, callbacks, t) -> {
					int leader = stack.solicitationsLeader();
					int controller = stack.activeController();
					int victim = stack.brokers()
						.stream()
						.mapToInt(Stack.Broker::id)
						.filter(id -> id != leader && id != controller)
						.findFirst()
						.orElse(leader == 1 ? 2 : 1);
					t.injected = Instant.now();
					stack.kill9Broker(victim);
					Progress
						.say("kill -9 broker " + victim + " (leader " + leader + ", controller " + controller + ")");
					stack.startBroker(victim);
					t.lifted = Instant.now();
					Progress.say("broker " + victim + " listening again");
					stack.awaitPipelineUp(RECOVERY_BUDGET);
				});
	}

	/**
	 * kill -9 of the active controller (each node is broker and controller): the quorum
	 * elects another; the node stays down while the load goes on.
	 */
	static Scenario controllerFailover() {
		return new Scenario("controller-kill9",
				"kill -9 the active KRaft controller (3 brokers, each also a controller), not restarted", false, false,
				(stack, callbacks, t) -> {
					int controller = stack.activeController();
					t.injected = Instant.now();
					stack.kill9Broker(controller);
					Progress.say("kill -9 broker " + controller + ", the active controller");
					Stack.awaitUp("a new active controller", RECOVERY_BUDGET, () -> {
						int now = stack.activeController();
						return now > 0 && now != controller;
					});
					t.lifted = Instant.now();
					Progress.say("active controller now " + stack.activeController() + ", " + Progress.since(t.injected)
							+ " s after the kill");
					stack.awaitPipelineUp(RECOVERY_BUDGET);
				});
	}

	/**
	 * Each broker in turn stopped (SIGTERM), started again, and the next one only once
	 * every partition has all its replicas in sync: an operator's rolling restart.
	 */
	static Scenario rollingRestart() {
		return new Scenario("broker-rolling-restart",
				"rolling restart of the 3 brokers (SIGTERM, start, wait for full ISR, next)", false, false,
				(stack, callbacks, t) -> {
					t.injected = Instant.now();
					for (Stack.Broker broker : stack.brokers()) {
						stack.stopBroker(broker.id());
						Progress.say("broker " + broker.id() + " stopped");
						stack.startBroker(broker.id());
						stack.awaitFullyReplicated(RECOVERY_BUDGET);
						Progress.say("broker " + broker.id() + " back, every partition in sync, "
								+ Progress.since(t.injected) + " s into the rolling restart");
					}
					t.lifted = Instant.now();
					stack.awaitPipelineUp(RECOVERY_BUDGET);
				});
	}

	/**
	 * Two instances of each service with static membership; kill -9 of one instance of
	 * {@code service}, no restart. The runner measures the failover: from the kill to the
	 * next owner email for a partition the killed instance held.
	 */
	static Scenario failover(Service service) {
		return new Scenario(service.shortName() + "-failover",
				"two instances of each service (static membership, 6 s session timeout); kill -9 one " + service.module
						+ ", no restart; failover measured",
				false, true, (stack, callbacks, t) -> {
					Stack.Instance target = victim(stack, service);
					Set<String> members = stack.members(service);
					t.held = stack.heldPartitions(service, target);
					if (t.held.isEmpty()) {
						throw new IllegalStateException(target + " holds no partition to fail over");
					}
					t.injected = Instant.now();
					stack.kill9(target);
					t.lifted = t.injected;
					Progress.say("kill -9 " + target + ", which held partitions " + t.held);
					stack.awaitGroupSettled(service, members, RECOVERY_BUDGET);
					stack.awaitPipelineUp(RECOVERY_BUDGET);
				});
	}

	/**
	 * The instance a pair scenario kills for good: the first one, except for the policy,
	 * whose first instance is the one every intake's readiness asks
	 * ({@code POLITELY_POLICY_URL}); killing it for good would keep the intakes DOWN,
	 * which is what their readiness is for, not the failover under test.
	 */
	private static Stack.Instance victim(Stack stack, Service service) {
		List<Stack.Instance> alive = stack.alive(service);
		return service == Service.POLICY ? alive.get(alive.size() - 1) : alive.get(0);
	}

	static Scenario killAndRestart(Service service) {
		return new Scenario(service.shortName() + "-kill9", "kill -9 the " + service.module + ", restart it", false,
				false, (stack, callbacks, t) -> {
					Stack.Instance target = stack.alive(service).get(0);
					Set<String> members = stack.members(service);
					t.injected = Instant.now();
					stack.kill9(target);
					Progress.say("kill -9 " + target);
					stack.restart(target);
					t.lifted = Instant.now();
					Progress.say("restarted " + target);
					stack.awaitServing(target, RECOVERY_BUDGET);
					stack.awaitGroupSettled(service, members, RECOVERY_BUDGET);
					stack.awaitPipelineUp(RECOVERY_BUDGET);
				});
	}

	/**
	 * kill -9 of the notification service at the sharpest moment: inside the SMTP
	 * conversation of an owner email, once the server holds the message and before it
	 * answers. The email went out, the service never knew: the documented crash window,
	 * where a resend must carry the same Message-ID.
	 */
	static Scenario killNotificationMidEmail() {
		Service service = Service.NOTIFICATION;
		return new Scenario("notification-kill9",
				"kill -9 the notification-service in the middle of an owner email"
						+ " (after DATA, before the server's answer), restart it",
				false, false, (stack, callbacks, t) -> {
					Stack.Instance target = stack.alive(service).get(0);
					Set<String> members = stack.members(service);
					CountDownLatch killed = new CountDownLatch(1);
					stack.mail().onNextOwnerMail(() -> {
						t.injected = Instant.now();
						stack.kill9(target);
						killed.countDown();
					});
					if (!killed.await(60, TimeUnit.SECONDS)) {
						throw new IllegalStateException("no owner email in 60 s to kill " + target + " in");
					}
					Progress.say("kill -9 " + target + " while its owner email was in the SMTP server's hands");
					stack.restart(target);
					t.lifted = Instant.now();
					Progress.say("restarted " + target);
					stack.awaitServing(target, RECOVERY_BUDGET);
					stack.awaitGroupSettled(service, members, RECOVERY_BUDGET);
					stack.awaitPipelineUp(RECOVERY_BUDGET);
				});
	}

	static Scenario brokerRestart() {
		return new Scenario("broker-restart", "stop the broker (SIGTERM), restart it on the same ports and data", false,
				false, (stack, callbacks, t) -> {
					t.injected = Instant.now();
					stack.stopBroker();
					Progress.say("broker stopped");
					stack.startBroker();
					t.lifted = Instant.now();
					Progress.say("broker restarted");
					stack.awaitPipelineUp(RECOVERY_BUDGET);
				});
	}

	static Scenario smtpOutage() {
		return new Scenario("smtp-down-30s", "SMTP server down for " + SMTP_OUTAGE.toSeconds() + " s", false, false,
				(stack, callbacks, t) -> {
					t.injected = Instant.now();
					stack.mail().stop();
					Progress.say("SMTP server stopped");
					// a deliberate outage window, not a wait for a condition
					Thread.sleep(SMTP_OUTAGE.toMillis());
					stack.mail().start();
					t.lifted = Instant.now();
					Progress.say("SMTP server back");
					stack.awaitPipelineUp(RECOVERY_BUDGET);
				});
	}

	static Scenario failingCallbacks() {
		return new Scenario("callback-failing", "callback endpoint answers 500 for 20 s, then hangs for 20 s", true,
				false, (stack, callbacks, t) -> {
					t.injected = Instant.now();
					callbacks.mode(CallbackReceiver.Mode.FAIL_500);
					Progress.say("callbacks answer 500");
					// deliberate fault windows
					Thread.sleep(20_000);
					callbacks.mode(CallbackReceiver.Mode.HANG);
					Progress.say("callbacks hang");
					Thread.sleep(20_000);
					callbacks.mode(CallbackReceiver.Mode.OK);
					t.lifted = Instant.now();
					Progress.say("callbacks answer 200 again");
				});
	}

	static Scenario killOneOfTwo(Service service) {
		return new Scenario(service.shortName() + "-pair-kill9",
				"two instances of each service; kill -9 one " + service.module + ", no restart", false, true,
				(stack, callbacks, t) -> {
					Stack.Instance target = victim(stack, service);
					Set<String> members = stack.members(service);
					t.injected = Instant.now();
					stack.kill9(target);
					t.lifted = t.injected;
					Progress.say("kill -9 " + target + "; " + stack.alive(service).size() + " left");
					stack.awaitGroupSettled(service, members, RECOVERY_BUDGET);
					stack.awaitPipelineUp(RECOVERY_BUDGET);
				});
	}
}
