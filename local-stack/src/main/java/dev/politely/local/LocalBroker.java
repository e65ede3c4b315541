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
 * A single-node Kafka broker in KRaft mode (broker and controller in one process),
 * Kafka's own server classes, with its log in a directory that survives restarts.
 */
final class LocalBroker {

	private final KafkaRaftServer server;

	private LocalBroker(KafkaRaftServer server) {
		this.server = server;
	}

	static LocalBroker start(Path dir, int port, int controllerPort) throws IOException {
		Path logDir = dir.resolve("data");
		Path configFile = dir.resolve("server.properties");
		Files.createDirectories(logDir);
		Properties config = config(logDir, port, controllerPort);
		try (Writer out = Files.newBufferedWriter(configFile)) {
			config.store(out, "written by ./politely local");
		}
		if (!Files.exists(logDir.resolve("meta.properties"))) {
			format(configFile);
		}
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
		server.startup();
		return new LocalBroker(server);
	}

	void stop() {
		server.shutdown();
		server.awaitShutdown();
	}

	static Properties config(Path logDir, int port, int controllerPort) {
		Properties p = new Properties();
		p.setProperty("process.roles", "broker,controller");
		p.setProperty("node.id", "1");
		p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
		p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
		p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
		p.setProperty("controller.listener.names", "CONTROLLER");
		p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		p.setProperty("inter.broker.listener.name", "PLAINTEXT");
		p.setProperty("log.dirs", logDir.toString());
		p.setProperty("num.partitions", "6");
		// One broker: every internal topic has one replica, or transactions and groups
		// never start.
		p.setProperty("offsets.topic.replication.factor", "1");
		p.setProperty("transaction.state.log.replication.factor", "1");
		p.setProperty("transaction.state.log.min.isr", "1");
		p.setProperty("share.coordinator.state.topic.replication.factor", "1");
		p.setProperty("share.coordinator.state.topic.min.isr", "1");
		p.setProperty("group.initial.rebalance.delay.ms", "0");
		return p;
	}

	private static void format(Path configFile) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int status = StorageTool.execute(new String[] { "format", "--cluster-id", Uuid.randomUuid().toString(),
				"--config", configFile.toString() }, new PrintStream(output, true, StandardCharsets.UTF_8));
		if (status != 0) {
			throw new IllegalStateException(
					"formatting the Kafka log directory failed: " + output.toString(StandardCharsets.UTF_8));
		}
	}

}
