package dev.politely.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * One Kafka node in KRaft mode (broker and controller in one process), Kafka's own server
 * classes, with its log in a directory that survives restarts. Alone it is the whole
 * cluster; with two more nodes of the same quorum it is one of three.
 */
final class LocalBroker {

	private final KafkaRaftServer server;

	private LocalBroker(KafkaRaftServer server) {
		this.server = server;
	}

	/**
	 * Formats the log directory on first start (with {@code clusterId}, or a new one when
	 * null: every node of a quorum must be formatted with the same id) and starts the
	 * node.
	 */
	static LocalBroker start(Path dir, Node node, String clusterId) throws IOException {
		Path logDir = dir.resolve("data");
		Path configFile = dir.resolve("server.properties");
		Files.createDirectories(logDir);
		Properties config = config(logDir, node);
		try (Writer out = Files.newBufferedWriter(configFile)) {
			config.store(out, "written by ./politely local");
		}
		if (!Files.exists(logDir.resolve("meta.properties"))) {
			format(configFile, (clusterId != null) ? clusterId : Uuid.randomUuid().toString());
		}
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
		server.startup();
		return new LocalBroker(server);
	}

	void stop() {
		server.shutdown();
		server.awaitShutdown();
	}

	static Properties config(Path logDir, Node node) {
		Properties p = new Properties();
		p.setProperty("process.roles", "broker,controller");
		p.setProperty("node.id", String.valueOf(node.id()));
		p.setProperty("controller.quorum.voters", node.voters());
		p.setProperty("listeners",
				"PLAINTEXT://localhost:" + node.port() + ",CONTROLLER://localhost:" + node.controllerPort());
		p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + node.port());
		p.setProperty("controller.listener.names", "CONTROLLER");
		p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		p.setProperty("inter.broker.listener.name", "PLAINTEXT");
		p.setProperty("log.dirs", logDir.toString());
		p.setProperty("num.partitions", "6");
		// One node: every internal topic has one replica, or transactions and groups
		// never
		// start. Three nodes: three replicas, and a write needs two of them (acks=all
		// then survives one node down, and refuses rather than keeps a single copy).
		String replicas = String.valueOf(node.replicationFactor());
		String minInSync = String.valueOf(node.minInSyncReplicas());
		p.setProperty("default.replication.factor", replicas);
		p.setProperty("min.insync.replicas", minInSync);
		p.setProperty("offsets.topic.replication.factor", replicas);
		p.setProperty("transaction.state.log.replication.factor", replicas);
		p.setProperty("transaction.state.log.min.isr", minInSync);
		p.setProperty("share.coordinator.state.topic.replication.factor", replicas);
		p.setProperty("share.coordinator.state.topic.min.isr", minInSync);
		p.setProperty("group.initial.rebalance.delay.ms", "0");
		return p;
	}

	private static void format(Path configFile, String clusterId) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int status = StorageTool.execute(
				new String[] { "format", "--cluster-id", clusterId, "--config", configFile.toString() },
				new PrintStream(output, true, StandardCharsets.UTF_8));
		if (status != 0) {
			throw new IllegalStateException(
					"formatting the Kafka log directory failed: " + output.toString(StandardCharsets.UTF_8));
		}
	}

	/**
	 * Where one node listens and which quorum it belongs to.
	 *
	 * @param id the node id, one of the voters'
	 * @param port the client (PLAINTEXT) port
	 * @param controllerPort the controller (Raft) port
	 * @param voters the quorum, {@code id@host:controllerPort,...}
	 */
	record Node(int id, int port, int controllerPort, String voters) {

		static Node single(int port, int controllerPort) {
			return new Node(1, port, controllerPort, "1@localhost:" + controllerPort);
		}

		int quorumSize() {
			return voters.split(",").length;
		}

		/** Three copies where there are three nodes, fewer only where there are fewer. */
		int replicationFactor() {
			return Math.min(3, quorumSize());
		}

		/**
		 * With three copies, two must have a write; with fewer, one (or one node down
		 * stops all writes).
		 */
		int minInSyncReplicas() {
			return (replicationFactor() >= 3) ? 2 : 1;
		}

	}

}
