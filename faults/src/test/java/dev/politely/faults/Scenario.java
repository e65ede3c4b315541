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
					Stack.Instance target = stack.alive(service).get(0);
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
