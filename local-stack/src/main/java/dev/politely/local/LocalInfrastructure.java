package dev.politely.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 *   --node-id N  --voters 1@localhost:9093,2@localhost:9095,3@localhost:9097  --cluster-id ID
 * </pre> The last three make this process one node of a multi-node quorum (one process
 * per node, so that one can be killed on its own); its log is then under
 * {@code <data-dir>/kafka-<node-id>}, and every node of the quorum must be given the same
 * cluster id on its first start.
 */
public final class LocalInfrastructure {

	private LocalInfrastructure() {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		LocalBroker.Node node = options.node();
		// a single node keeps the directory it always had, so existing data stays
		// readable
		Path kafkaDir = options.dataDir.resolve((node.quorumSize() == 1) ? "kafka" : "kafka-" + node.id());
		LocalBroker broker = options.kafka ? LocalBroker.start(kafkaDir, node, options.clusterId) : null;
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

		int nodeId = 1;

		String voters;

		String clusterId;

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
					case "--node-id" -> options.nodeId = Integer.parseInt(value(args, ++i, arg));
					case "--voters" -> options.voters = value(args, ++i, arg);
					case "--cluster-id" -> options.clusterId = value(args, ++i, arg);
					default -> {
						if (arg.startsWith("--") || dataDirSeen) {
							throw new IllegalArgumentException("unknown argument " + arg
									+ "; usage: LocalInfrastructure <data-dir> [--kafka-port N] [--controller-port N]"
									+ " [--smtp-port N] [--imap-port N] [--no-kafka] [--no-mail]"
									+ " [--node-id N --voters ID@HOST:PORT,... --cluster-id ID]");
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

		LocalBroker.Node node() {
			LocalBroker.Node node = (voters != null) ? new LocalBroker.Node(nodeId, kafkaPort, controllerPort, voters)
					: LocalBroker.Node.single(kafkaPort, controllerPort);
			if (Arrays.stream(node.voters().split(",")).noneMatch(v -> v.startsWith(node.id() + "@"))) {
				throw new IllegalArgumentException("--node-id " + node.id() + " is not one of --voters " + voters);
			}
			return node;
		}

		private static String value(String[] args, int index, String option) {
			if (index >= args.length) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			return args[index];
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
				parts.add("kafka localhost:" + kafkaPort + " (node " + nodeId + ", pid " + ProcessHandle.current().pid()
						+ ")");
			}
			if (mail) {
				parts.add("smtp localhost:" + smtpPort);
				parts.add("imap localhost:" + imapPort);
			}
			return String.join(", ", parts);
		}

	}

}
