package dev.politely.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the local broker and mail sink in the foreground and stops both on Ctrl-C.
 *
 * <p>
 * Usage: {@code LocalInfrastructure <data-dir> [options]}, where the broker keeps its log
 * under {@code <data-dir>/kafka} and the sink its mailboxes under
 * {@code <data-dir>/mail}. Without options it is what {@code ./politely local} runs:
 * Kafka on 9092 (controller 9093), SMTP on 3025, IMAP on 3143. The options let the
 * fault-injection suite run the broker and the mail sink on free ports, and as separate
 * processes so that each can be stopped on its own: <pre>
 *   --kafka-port N  --controller-port N  --smtp-port N  --imap-port N  --no-kafka  --no-mail
 * </pre>
 */
public final class LocalInfrastructure {

	private LocalInfrastructure() {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		LocalBroker broker = options.kafka
				? LocalBroker.start(options.dataDir.resolve("kafka"), options.kafkaPort, options.controllerPort) : null;
		LocalMailSink mail = options.mail
				? LocalMailSink.start(options.dataDir.resolve("mail"), options.smtpPort, options.imapPort) : null;
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (mail != null) {
				mail.stop();
			}
			if (broker != null) {
				broker.stop();
			}
			stopped.countDown();
		}, "local-infrastructure-shutdown"));
		System.out.println("politely-local: ready (" + options.describe() + ")");
		stopped.await();
	}

	/** The command line; every option defaults to what {@code ./politely local} needs. */
	private static final class Options {

		Path dataDir = Path.of(".politely").toAbsolutePath();

		int kafkaPort = 9092;

		int controllerPort = 9093;

		int smtpPort = 3025;

		int imapPort = 3143;

		boolean kafka = true;

		boolean mail = true;

		static Options parse(String[] args) {
			Options options = new Options();
			boolean dataDirSeen = false;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				switch (arg) {
					case "--kafka-port" -> options.kafkaPort = port(args, ++i, arg);
					case "--controller-port" -> options.controllerPort = port(args, ++i, arg);
					case "--smtp-port" -> options.smtpPort = port(args, ++i, arg);
					case "--imap-port" -> options.imapPort = port(args, ++i, arg);
					case "--no-kafka" -> options.kafka = false;
					case "--no-mail" -> options.mail = false;
					default -> {
						if (arg.startsWith("--") || dataDirSeen) {
							throw new IllegalArgumentException("unknown argument " + arg
									+ "; usage: LocalInfrastructure <data-dir> [--kafka-port N] [--controller-port N]"
									+ " [--smtp-port N] [--imap-port N] [--no-kafka] [--no-mail]");
						}
						options.dataDir = Path.of(arg).toAbsolutePath();
						dataDirSeen = true;
					}
				}
			}
			if (!options.kafka && !options.mail) {
				throw new IllegalArgumentException("--no-kafka and --no-mail together leave nothing to run");
			}
			return options;
		}

		private static int port(String[] args, int index, String option) {
			if (index >= args.length) {
				throw new IllegalArgumentException(option + " needs a port number");
			}
			int port = Integer.parseInt(args[index]);
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException(option + " " + port + " is not a port number");
			}
			return port;
		}

		String describe() {
			List<String> parts = new ArrayList<>();
			if (kafka) {
				parts.add("kafka localhost:" + kafkaPort);
			}
			if (mail) {
				parts.add("smtp localhost:" + smtpPort);
				parts.add("imap localhost:" + imapPort);
			}
			return String.join(", ", parts);
		}

	}

}
