package dev.politely.local.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * {@code ./politely dead-letters} against a real broker: the dead letters of each
 * service's kind are listed with where they came from and why, a replay puts them back on
 * their source topic and partition, and a second replay puts nothing back twice.
 */
@EmbeddedKafka(partitions = 2, topics = { "politely.decisions", "politely.decisions-dlt", "politely.callbacks",
		"politely.callbacks-dlt", "politely.solicitations", "politely.solicitations-dlt" })
class DeadLettersCommandTest {

	private final String bootstrap;

	DeadLettersCommandTest(EmbeddedKafkaBroker broker) {
		this.bootstrap = broker.getBrokersAsString();
	}

	@Test
	void listsWhereEachDeadLetterCameFromAndWhy() {
		ProducerRecord<String, String> decision = new ProducerRecord<>("politely.decisions-dlt", 1, "alice",
				"{\"decisionId\":\"d-1\"}");
		decision.headers()
			.add(DeadLetter.SPRING_TOPIC, bytes("politely.decisions"))
			.add(DeadLetter.SPRING_PARTITION, ByteBuffer.allocate(4).putInt(1).array())
			.add(DeadLetter.SPRING_OFFSET, ByteBuffer.allocate(8).putLong(41).array())
			.add(DeadLetter.SPRING_MESSAGE, bytes("The owner's address of decision d-1 is invalid\nor refused"));
		send(decision);

		String listed = run("list", "politely.decisions-dlt");

		assertThat(listed).containsPattern(
				"politely\\.decisions-dlt +1 +0 +\\S+Z +alice +no +politely\\.decisions-1@41 +The owner's address of decision d-1 is invalid or refused");
		assertThat(listed).contains("1 dead letter(s) in 1 topic(s)");
	}

	@Test
	void replaysADeadLetterToItsSourceOnlyOnce() {
		ProducerRecord<String, String> callback = new ProducerRecord<>("politely.callbacks-dlt", 1, "job-1",
				"{\"decisionId\":\"d-2\",\"attempt\":8}");
		callback.headers()
			.add(DeadLetter.REASON_HEADER, bytes("retries exhausted after 8 attempts"))
			.add("traceparent", bytes("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
		send(callback);

		String first = run("replay", "politely.callbacks-dlt", "--all");
		assertThat(first).contains("1 replayed, 0 already replayed");
		List<ConsumerRecord<String, String>> back = readAll("politely.callbacks", 1);
		assertThat(back).singleElement().satisfies(record -> {
			assertThat(record.key()).isEqualTo("job-1");
			assertThat(record.value()).isEqualTo("{\"decisionId\":\"d-2\",\"attempt\":8}");
			assertThat(record.headers().lastHeader(DeadLetter.REASON_HEADER)).as("the old failure").isNull();
			assertThat(record.headers().lastHeader("traceparent")).isNotNull();
			assertThat(new String(record.headers().lastHeader(Replayer.REPLAYED_FROM_HEADER).value(),
					StandardCharsets.UTF_8))
				.isEqualTo("politely.callbacks-dlt-1@0");
		});

		String second = run("replay", "politely.callbacks-dlt", "--all");
		assertThat(second).contains("0 replayed, 1 already replayed");
		assertThat(readAll("politely.callbacks", 1)).hasSize(1);
		assertThat(run("list", "politely.callbacks-dlt")).containsPattern("job-1 +yes +politely\\.callbacks ");
	}

	@Test
	void replaysChosenOffsetsOnlyOnceAndTheRestWithAll() {
		for (String id : List.of("s-1", "s-2")) {
			ProducerRecord<String, String> solicitation = new ProducerRecord<>("politely.solicitations-dlt", 0, "bob",
					"{\"solicitationId\":\"" + id + "\"}");
			solicitation.headers()
				.add(DeadLetter.REASON_HEADER, bytes("unknown owner bob"))
				.add(DeadLetter.SOURCE_HEADER, bytes("politely.solicitations-1@" + id.charAt(2)));
			send(solicitation);
		}

		assertThat(run("replay", "politely.solicitations-dlt", "--offset", "0@1")).contains("1 replayed");
		assertThat(readAll("politely.solicitations", 1)).extracting(ConsumerRecord::value)
			.containsExactly("{\"solicitationId\":\"s-2\"}");

		assertThat(run("replay", "politely.solicitations-dlt", "--all")).contains("1 replayed, 1 already replayed");
		assertThat(run("replay", "politely.solicitations-dlt", "--offset", "0@1"))
			.contains("0 replayed, 1 already replayed");
		assertThat(readAll("politely.solicitations", 1)).extracting(ConsumerRecord::value)
			.containsExactly("{\"solicitationId\":\"s-2\"}", "{\"solicitationId\":\"s-1\"}");
	}

	private String run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--bootstrap", bootstrap));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DeadLettersCommand.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	private void send(ProducerRecord<String, String> record) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Everything the partition holds: the replay waited for acks=all before returning.
	 */
	private List<ConsumerRecord<String, String>> readAll(String topic, int partition) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			TopicPartition tp = new TopicPartition(topic, partition);
			consumer.assign(List.of(tp));
			consumer.seekToBeginning(List.of(tp));
			long end = consumer.endOffsets(List.of(tp)).get(tp);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (consumer.position(tp) < end && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
