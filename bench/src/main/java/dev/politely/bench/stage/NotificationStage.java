package dev.politely.bench.stage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.politely.bench.baseline.RawMailSender;
import dev.politely.bench.measure.CpuMeter;
import dev.politely.bench.measure.Progress;
import dev.politely.bench.report.Results;
import dev.politely.harness.JvmProcess;
import dev.politely.harness.MailSink;
import dev.politely.harness.Service;
import dev.politely.harness.Stack;
import org.apache.kafka.common.TopicPartition;

import static dev.politely.bench.stage.Context.say;

/**
 * Emails per second to the SMTP sink, the notification service consuming a pre-filled
 * decisions topic (the newest decisions of the policy stage, bounded to the plan's size),
 * against raw Jakarta Mail sending the service's own emails again on one open connection
 * to the same sink. The rate is taken between 20 % and 90 % of the emails.
 */
public final class NotificationStage {

	private NotificationStage() {
	}

	public static void run(Context ctx) throws Exception {
		Plan plan = ctx.plan();
		Stack stack = ctx.stack();
		MailSink mail = stack.mail();
		Topics.keepNewest(stack.admin(), Topics.DECISIONS, stack.partitions(), plan.notificationInput());
		Map<TopicPartition, long[]> input = Progress.offsets(stack.admin(), Topics.DECISIONS, stack.partitions());
		long decisions = Progress.size(input);
		say("notification: %d decisions (offsets, transaction markers included) to mail", decisions);

		Path samples = stack.work().resolve("mail-samples");
		mail.captureSamples(samples, 60);
		long before = mail.count();
		JvmProcess notification = stack.launch(Service.NOTIFICATION);
		// CPU and profile over the decisions between 20 % and 90 % of the input (the
		// rate's window, near enough)
		Probe probe = ctx.probe("notification", notification);
		boolean open = false;
		boolean closed = false;
		Progress politely = new Progress();
		long deadline = System.nanoTime() + plan.stageTimeout().toNanos();
		long lastCount = -1;
		long stableSince = System.nanoTime();
		while (System.nanoTime() < deadline) {
			notification.requireAlive();
			long now = System.nanoTime();
			long sent = mail.count() - before;
			politely.add(now, sent);
			long committed = Progress.committed(stack.admin(), Service.NOTIFICATION.consumerGroup, input);
			if (!open && committed >= Progress.FROM * decisions) {
				probe.start();
				open = true;
			}
			if (open && !closed && committed >= Progress.TO * decisions) {
				probe.stop();
				closed = true;
			}
			if (sent != lastCount) {
				lastCount = sent;
				stableSince = now;
			}
			else if (sent > 0 && now - stableSince > 2_000_000_000L
					&& committed >= decisions - 2L * stack.partitions()) {
				break;
			}
			Thread.sleep(100);
		}
		if (!open) {
			probe.start();
		}
		CpuMeter.Usage politelyCpu = closed ? probe.usage() : probe.stop();
		long mails = mail.count() - before;
		double politelyRate = politely.rate(mails);
		say("  %.0f mails/s (%d mails, first after %.1f s); cpu: %s", politelyRate, mails, politely.secondsToFirst(),
				politelyCpu.describe());
		stack.awaitServing(Service.NOTIFICATION);

		int count = plan.mailBaselineCount();
		say("notification baseline: raw Jakarta Mail, one connection, %d of the service's own emails", count);
		long baselineBefore = mail.count();
		JvmProcess raw = stack.startBaseline("raw-mail", RawMailSender.class,
				List.of("127.0.0.1", String.valueOf(mail.port()), String.valueOf(count), samples.toString()),
				List.of());
		probe = ctx.probe("notification-baseline", raw);
		Progress baseline = Progress.follow(() -> mail.count() - baselineBefore, count, plan.stageTimeout().toNanos(),
				raw::requireAlive, probe::window);
		CpuMeter.Usage baselineCpu = probe.usage();
		raw.stop(Duration.ofSeconds(10));
		double baselineRate = baseline.rate(count);
		say("  %.0f mails/s; cpu: %s", baselineRate, baselineCpu.describe());

		ctx.results().comparisons.add(new Results.Comparison("notification", "mails/s",
				new Results.Side("notification-service: letters, ledger, one SMTP connection", politelyRate,
						politelyCpu, mails + " mails for " + decisions + " decision offsets"),
				new Results.Side("raw Jakarta Mail Transport.sendMessage, one connection", baselineRate, baselineCpu,
						count + " mails"),
				0.7));
	}

}
