package dev.politely.bench.baseline;

import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The policy's baseline: {@code stream(in).to(out)} with the policy service's Streams
 * settings (exactly_once_v2, the same commit interval, one stream thread, replication
 * factor 1), no state, no decision. Runs until killed. Arguments: bootstrap servers,
 * application id, input topic, output topic, state directory, commit interval (ms).
 */
public final class PassThroughStream {

	private PassThroughStream() {
	}

	public static void main(String[] args) throws InterruptedException {
		Properties config = new Properties();
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, args[1]);
		config.put(StreamsConfig.STATE_DIR_CONFIG, args[4]);
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, args[5]);
		config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
		config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
		StreamsBuilder builder = new StreamsBuilder();
		builder.stream(args[2], Consumed.with(Serdes.String(), Serdes.String()))
			.to(args[3], Produced.with(Serdes.String(), Serdes.String()));
		KafkaStreams streams = new KafkaStreams(builder.build(), config);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			streams.close();
			stopped.countDown();
		}));
		streams.start();
		stopped.await();
	}

}
